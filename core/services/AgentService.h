#pragma once

#include "core/base/Result.h"
#include "core/domain/Agent.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QList>
#include <memory>

namespace iris {

class Database;
class Session;
class AuditLog;

/// Agent accounts and roles. Reading names is open to every session (timelines show who
/// did what); creating, changing, disabling accounts and resetting passwords needs
/// perm::AgentManage. The last active administrator can be neither disabled nor demoted.
class AgentService
{
    Q_DECLARE_TR_FUNCTIONS(iris::AgentService)

public:
    AgentService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    Result<Agent> get(qint64 id) const;
    Result<Agent> findByLogin(const QString& login) const;
    /// By display name; inactive accounts only when asked.
    Result<QList<Agent>> list(bool includeInactive = false) const;
    Result<QList<Agent>> listByService(qint64 serviceId) const;

    /// Validates login (2–40 of a–z, 0–9, '.', '_', '-'; stored lower-case, unique),
    /// display name and service; hashes `password` with Argon2id (at least 8 characters).
    Result<Agent> create(const Agent& agent, const QString& password);
    /// Display name, role, service, active flag; Conflict on a stale version.
    Result<Agent> update(const Agent& agent);
    /// Shortcut for update() of the active flag.
    Result<Agent> setActive(qint64 id, int version, bool active);
    /// New password for any agent (perm::AgentManage) or for the session's own account.
    Result<void> resetPassword(qint64 id, const QString& password);

    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Minimum length of a password chosen through the services.
    static constexpr int kMinPasswordLength = 8;
    /// French message when `password` is too weak, empty when acceptable.
    static QString passwordProblem(const QString& password);

private:
    Result<QList<Agent>> select(const QString& where, const QVariantMap& binds) const;
    Result<Agent> validated(const Agent& agent) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris
