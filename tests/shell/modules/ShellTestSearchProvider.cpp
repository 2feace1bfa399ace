#include "ShellTestSearchProvider.h"

#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::StringLiterals;

namespace iris::shelltest {

ShellTestSearchProvider::ShellTestSearchProvider(
    std::shared_ptr<Database> db, QString id, QString title, QString permission, bool secret)
    : m_db(std::move(db))
    , m_id(std::move(id))
    , m_title(std::move(title))
    , m_permission(std::move(permission))
    , m_secret(secret)
{
}

QList<SearchHit> ShellTestSearchProvider::search(const QString& text, int limit) const
{
    if (text.startsWith(u"lent"_s))
        QThread::msleep(400);
    const bool onGuiThread = QThread::currentThread() == QCoreApplication::instance()->thread();
    QSqlQuery q(m_db->connection());
    q.prepare(u"SELECT id, title FROM shelltest_records WHERE secret = :secret AND title LIKE :pattern "
              "ORDER BY title LIMIT :limit"_s);
    q.bindValue(u":secret"_s, m_secret ? 1 : 0);
    q.bindValue(u":pattern"_s, QString(u'%' + text + u'%'));
    q.bindValue(u":limit"_s, limit);
    QList<SearchHit> hits;
    if (!q.exec())
        return hits;
    while (q.next()) {
        SearchHit hit;
        hit.kind = u"shelltest.record"_s;
        hit.id = q.value(0).toLongLong();
        hit.title = q.value(1).toString();
        hit.subtitle = onGuiThread ? u"fil de l'interface"_s : u"fil de travail"_s;
        hit.rank = double(hits.size());
        hits.append(hit);
    }
    return hits;
}

} // namespace iris::shelltest
