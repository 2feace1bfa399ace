#include "modules/accueil/shared/AccueilPermissions.h"

#include "core/security/Permissions.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QCoreApplication>

namespace iris::accueil {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("iris::accueil::Permissions", text);
}
} // namespace

void declarePermissions(PermissionRegistry& registry)
{
    registry.declare(ids::PermCounter, tr("tenir un guichet d'accueil (tickets et visites)"),
                     {Role::AgentAccueil, Role::Superviseur});
    registry.declare(ids::PermPhone, tr("prendre les appels entrants"),
                     {Role::Teleconseiller, Role::AgentAccueil, Role::Superviseur});
    registry.declare(ids::PermQuick, tr("enregistrer une réponse immédiate"),
                     {Role::Teleconseiller, Role::AgentAccueil, Role::Superviseur});
    registry.declare(ids::PermSupervise, tr("superviser toutes les files et les échéances de tous les agents"),
                     {Role::Superviseur});
    registry.declare(ids::PermFollowUp, tr("suivre les rappels et échéances de l'accueil"),
                     {Role::AgentAccueil, Role::Teleconseiller, Role::TravailleurSocial, Role::AgentService,
                      Role::Superviseur});
    registry.declare(ids::PermConfigure, tr("configurer les catégories de tickets et les guichets"),
                     {Role::Superviseur, Role::Administrateur});
}

} // namespace iris::accueil
