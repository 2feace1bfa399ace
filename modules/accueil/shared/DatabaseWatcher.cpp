#include "modules/accueil/shared/DatabaseWatcher.h"

#include "core/storage/Database.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace iris::accueil {

DatabaseWatcher::DatabaseWatcher(std::shared_ptr<Database> db, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_intervalMs(qMax(20, intervalMs))
{
    m_thread.setObjectName(u"accueil-db-watcher"_s);
}

DatabaseWatcher::~DatabaseWatcher()
{
    stop();
}

void DatabaseWatcher::start()
{
    if (m_thread.isRunning())
        return;
    auto* timer = new QTimer;
    timer->setInterval(m_intervalMs);
    timer->moveToThread(&m_thread);
    auto last = std::make_shared<qint64>(-1);
    std::weak_ptr<Database> weak = m_db;
    const auto poll = [this, weak, last] {
        const std::shared_ptr<Database> db = weak.lock();
        if (!db)
            return;
        QSqlQuery q(db->connection());
        if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
            return;
        const qint64 version = q.value(0).toLongLong();
        const bool first = *last < 0;
        const bool moved = *last != version;
        *last = version;
        if (moved && !first)
            Q_EMIT changed();
    };
    // The baseline is read before start() returns, so a commit made right after it is seen.
    auto ready = std::make_shared<QSemaphore>();
    connect(&m_thread, &QThread::started, timer, [timer, poll, ready] {
        poll();
        ready->release();
        timer->start();
    });
    connect(timer, &QTimer::timeout, timer, poll);
    connect(&m_thread, &QThread::finished, timer, &QObject::deleteLater);
    m_thread.start();
    ready->tryAcquire(1, 5000);
}

void DatabaseWatcher::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
}

} // namespace iris::accueil
