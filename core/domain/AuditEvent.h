#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace iris {

/// Action ids written in the audit trail.
namespace auditaction {
inline const QString Create = QStringLiteral("create");
inline const QString Update = QStringLiteral("update");
inline const QString Delete = QStringLiteral("delete");
inline const QString Read = QStringLiteral("read");    ///< a personal record was opened
inline const QString Merge = QStringLiteral("merge");
inline const QString Login = QStringLiteral("login");
inline const QString LoginFailed = QStringLiteral("login_failed");
} // namespace auditaction

/// One line of the audit trail: who did what to which record, when.
struct AuditEvent
{
    qint64 id = 0;
    QDateTime at;          ///< UTC
    qint64 agentId = 0;    ///< 0 for the system account or an unknown login
    QString agentLogin;
    QString action;        ///< see auditaction
    QString entityKind;    ///< "citizen", "household", "organisation", "agent", "dossier"…
    qint64 entityId = 0;
    QJsonObject details;   ///< what changed (field names, never passwords)
};

/// Filter for AuditLog::events(); empty fields do not filter.
struct AuditQuery
{
    QString entityKind;
    qint64 entityId = 0;
    qint64 agentId = 0;
    QString action;
    QDateTime from;        ///< inclusive
    QDateTime to;          ///< exclusive
    int limit = 200;       ///< newest first
};

} // namespace iris
