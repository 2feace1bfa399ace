#include "tests/core/modules/support/ModuleCallLog.h"

#include <QMutex>
#include <QMutexLocker>

namespace iris::test {

namespace {

QMutex& mutex()
{
    static QMutex m;
    return m;
}

QStringList& log()
{
    static QStringList l;
    return l;
}

} // namespace

void ModuleCallLog::append(const QString& entry)
{
    const QMutexLocker lock(&mutex());
    log().append(entry);
}

QStringList ModuleCallLog::entries()
{
    const QMutexLocker lock(&mutex());
    return log();
}

QStringList ModuleCallLog::entries(const QString& prefix)
{
    QStringList out;
    const QStringList all = entries();
    for (const QString& e : all) {
        if (e.startsWith(prefix))
            out << e.mid(prefix.size());
    }
    return out;
}

void ModuleCallLog::clear()
{
    const QMutexLocker lock(&mutex());
    log().clear();
}

} // namespace iris::test
