#include "core/security/Session.h"

#include <QCoreApplication>
#include <utility>

namespace iris {

Session::Session(AgentIdentity agent, std::shared_ptr<const PermissionRegistry> permissions)
    : m_agent(std::move(agent))
    , m_permissions(std::move(permissions))
{
}

Session Session::system(std::shared_ptr<const PermissionRegistry> permissions)
{
    AgentIdentity agent;
    agent.login = QStringLiteral("systeme");
    agent.displayName = QCoreApplication::translate("iris::Session", "système");
    agent.role = Role::Administrateur;
    Session session(std::move(agent), std::move(permissions));
    session.m_system = true;
    return session;
}

bool Session::can(const QString& permission) const
{
    if (m_system)
        return true;
    return m_permissions && m_permissions->allows(m_agent.role, permission);
}

Result<void> Session::require(const QString& permission) const
{
    if (can(permission))
        return {};
    const QString action = m_permissions ? m_permissions->label(permission) : permission;
    return Error(ErrorCode::PermissionDenied,
        QCoreApplication::translate(
            "iris::Session", "Action non autorisée : %1. Le rôle « %2 » ne le permet pas.")
            .arg(action, roleLabel(m_agent.role)),
        {}, permission);
}

} // namespace iris
