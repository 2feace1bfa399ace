#include "core/services/AuditLog.h"
#include "core/storage/ServerClock.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("iris::AuditLog", text);
}
} // namespace

AuditLog::AuditLog(std::shared_ptr<Database> db, const Session& session)
    : m_db(std::move(db))
    , m_session(session)
{
}

Result<void> AuditLog::recordAs(QSqlDatabase& connection, const Database& db, const AgentIdentity& agent,
                                const QString& action, const QString& entityKind, qint64 entityId,
                                const QJsonObject& details)
{
    const Dialect& dialect = db.dialect();
    QSqlQuery q(connection);
    q.prepare(u"INSERT INTO audit_events (at, agent_id, agent_login, action, entity_kind, entity_id, details) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(dialect.toDbDateTime(ServerClock::now().toUTC()));
    q.addBindValue(agent.id > 0 ? QVariant(agent.id) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(agent.login);
    q.addBindValue(action);
    q.addBindValue(entityKind);
    q.addBindValue(entityId > 0 ? QVariant(entityId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("écriture du journal d'audit"));
    return {};
}

Result<void> AuditLog::record(QSqlDatabase& connection, const QString& action, const QString& entityKind,
                              qint64 entityId, const QJsonObject& details) const
{
    return recordAs(connection, *m_db, m_session.agent(), action, entityKind, entityId, details);
}

Result<void> AuditLog::record(const QString& action, const QString& entityKind, qint64 entityId,
                              const QJsonObject& details) const
{
    return m_db->transaction([&](QSqlDatabase& c) { return record(c, action, entityKind, entityId, details); });
}

Result<QList<AuditEvent>> AuditLog::events(const AuditQuery& query) const
{
    if (Result<void> allowed = m_session.require(perm::AuditRead); !allowed)
        return allowed.error();
    const Dialect& dialect = m_db->dialect();
    QStringList where;
    QVariantList binds;
    if (!query.entityKind.isEmpty()) {
        where << u"entity_kind = ?"_s;
        binds << query.entityKind;
    }
    if (query.entityId > 0) {
        where << u"entity_id = ?"_s;
        binds << query.entityId;
    }
    if (query.agentId > 0) {
        where << u"agent_id = ?"_s;
        binds << query.agentId;
    }
    if (!query.action.isEmpty()) {
        where << u"action = ?"_s;
        binds << query.action;
    }
    if (query.from.isValid()) {
        where << u"at >= ?"_s;
        binds << dialect.toDbDateTime(query.from);
    }
    if (query.to.isValid()) {
        where << u"at < ?"_s;
        binds << dialect.toDbDateTime(query.to);
    }
    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, at, agent_id, agent_login, action, entity_kind, entity_id, details FROM audit_events "
              "%1 ORDER BY at DESC, id DESC %2"_s.arg(
                  where.isEmpty() ? QString() : QString(u"WHERE "_s + where.join(u" AND "_s)),
                  dialect.limit(u"?"_s)));
    for (const QVariant& v : std::as_const(binds))
        q.addBindValue(v);
    q.addBindValue(qMax(1, query.limit));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du journal d'audit"));
    QList<AuditEvent> events;
    while (q.next()) {
        AuditEvent e;
        e.id = q.value(0).toLongLong();
        e.at = dialect.fromDbDateTime(q.value(1));
        e.agentId = q.value(2).toLongLong();
        e.agentLogin = q.value(3).toString();
        e.action = q.value(4).toString();
        e.entityKind = q.value(5).toString();
        e.entityId = q.value(6).toLongLong();
        e.details = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        events.append(e);
    }
    return events;
}

} // namespace iris
