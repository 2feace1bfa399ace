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
}

} // namespace iris::accueil
