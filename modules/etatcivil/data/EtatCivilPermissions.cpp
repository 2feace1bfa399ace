#include "modules/etatcivil/data/EtatCivilPermissions.h"

#include "core/security/Permissions.h"
#include "modules/etatcivil/EtatCivilIds.h"

namespace iris::etatcivil {

void EtatCivilPermissions::declare(PermissionRegistry& registry)
{
    registry.declare(ids::ReadPermission, tr("consulter les demandes et dossiers d'état civil"),
                     {Role::AgentAccueil, Role::Teleconseiller, Role::AgentService, Role::Superviseur,
                      Role::Administrateur});
    registry.declare(ids::WritePermission, tr("enregistrer et traiter les demandes et dossiers d'état civil"),
                     {Role::AgentAccueil, Role::AgentService, Role::Superviseur, Role::Administrateur});
    registry.declare(ids::SettingsPermission, tr("modifier les paramètres de l'état civil"), {Role::Administrateur});
    registry.declare(ids::SupervisePermission,
                     tr("suivre les échéances d'état civil de tous les agents et services"), {Role::Superviseur});
}

} // namespace iris::etatcivil
