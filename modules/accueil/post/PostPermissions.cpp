#include "modules/accueil/post/PostPermissions.h"

#include "core/security/Permissions.h"
#include "modules/accueil/post/PostIds.h"

#include <QCoreApplication>

namespace iris::accueil {

void declarePostPermissions(PermissionRegistry& registry)
{
    registry.declare(ids::PermPost,
        QCoreApplication::translate("iris::accueil::Permissions",
            "tenir le registre du courrier (enregistrer, attribuer, accuser "
            "réception, répondre)"),
        { Role::AgentAccueil, Role::Superviseur });
    // A letter handed to a service is answered there (état civil, logement, CCAS…).
    registry.declare(ids::PermPostHandle,
        QCoreApplication::translate("iris::accueil::Permissions",
            "traiter le courrier confié à soi ou à son service (consulter, accuser réception, "
            "répondre, classer)"),
        { Role::AgentAccueil, Role::AgentService, Role::TravailleurSocial, Role::Superviseur });
}

} // namespace iris::accueil
