#pragma once

#include "core/base/Result.h"
#include "core/domain/AuditEvent.h"
#include "core/security/Session.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace iris {

class Database;

/// The audit trail (`audit_events`): every creation, change and deletion, and every
/// opening of a citizen record, with agent and time. Services record inside their own
/// transaction, so a change is never saved without its audit line (and vice versa).
class AuditLog
{
public:
    AuditLog(std::shared_ptr<Database> db, const Session& session);

    /// Records an event for the session's agent on `connection` — pass the connection of
    /// the running Database::transaction so the line commits or rolls back with the change.
    Result<void> record(QSqlDatabase& connection, const QString& action, const QString& entityKind,
                        qint64 entityId, const QJsonObject& details = {}) const;
    /// Same, in its own transaction (reads of records: nothing else is written).
    Result<void> record(const QString& action, const QString& entityKind, qint64 entityId,
                        const QJsonObject& details = {}) const;
    /// Records for an explicit identity (login attempts, before a session exists).
    static Result<void> recordAs(QSqlDatabase& connection, const Database& db, const AgentIdentity& agent,
                                 const QString& action, const QString& entityKind, qint64 entityId,
                                 const QJsonObject& details = {});

    /// Matching events, newest first. Requires perm::AuditRead.
    Result<QList<AuditEvent>> events(const AuditQuery& query) const;

private:
    std::shared_ptr<Database> m_db;
    const Session& m_session;
};

} // namespace iris
