#include "modules/accueil/mail/MailPermissions.h"

#include "core/security/Permissions.h"
#include "modules/accueil/mail/MailIds.h"

#include <QCoreApplication>

namespace iris::accueil {

void declareMailPermissions(PermissionRegistry& registry)
{
    registry.declare(ids::PermMail,
        QCoreApplication::translate(
            "iris::accueil::Permissions", "traiter les courriels reçus (lire, attribuer, répondre, classer)"),
        { Role::AgentAccueil, Role::Teleconseiller, Role::Superviseur });
}

} // namespace iris::accueil
