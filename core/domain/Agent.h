#pragma once

#include "core/security/Permissions.h"

#include <QDateTime>
#include <QString>

namespace iris {

/// A local account of the counter or back office. The password hash never leaves
/// the storage layer (AuthService).
struct Agent
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    QString login; ///< lower-case, unique ("accueil", "m.durand")
    QString displayName; ///< "Marie Durand"
    Role role = Role::AgentAccueil;
    qint64 serviceId = 0; ///< 0 = none
    bool active = true; ///< a disabled agent cannot log in
    QDateTime lastLoginAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace iris
