#pragma once

#include "core/base/Result.h"
#include "core/security/Permissions.h"

#include <QString>

#include <memory>

namespace iris {

/// The agent at the keyboard (or the system account for CLI/seed work).
struct AgentIdentity
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::AgentAccueil;
    qint64 serviceId = 0;
};

/// Who is acting. Every core service takes one and checks permissions through it,
/// so roles are enforced in the core, not only hidden in the UI.
class Session
{
public:
    Session(AgentIdentity agent, std::shared_ptr<const PermissionRegistry> permissions);

    /// A session with every permission, recorded in the audit as "système" (CLI, seeding).
    static Session system(std::shared_ptr<const PermissionRegistry> permissions);

    const AgentIdentity& agent() const { return m_agent; }
    bool isSystem() const { return m_system; }
    bool can(const QString& permission) const;
    /// PermissionDenied with a French message naming the action when not allowed.
    Result<void> require(const QString& permission) const;

private:
    AgentIdentity m_agent;
    std::shared_ptr<const PermissionRegistry> m_permissions;
    bool m_system = false;
};

} // namespace iris
