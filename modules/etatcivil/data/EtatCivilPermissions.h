#pragma once

#include <QCoreApplication>

namespace iris {
class PermissionRegistry;
}

namespace iris::etatcivil {

/// The module's permissions and the roles that hold them:
///
///   permission            A  T  S  V  U  D   why
///   etatcivil.read        x  x  .  x  x  x   the counter and the phone tell a citizen where a request stands
///   etatcivil.write       x  .  .  x  x  x   requests and procedures are taken at the counter or by the service
///   etatcivil.settings    .  .  .  .  .  x   dated rule parameters (deadlines, amounts) are a site setting
///   etatcivil.supervise   .  .  .  .  x  .   every agent's and service's late requests on "À traiter"
///
/// (A agent d'accueil, T téléconseiller, S travailleur social CCAS, V agent de service,
/// U superviseur, D administrateur.) The CCAS has no business with civil-status records.
class EtatCivilPermissions final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::EtatCivilPermissions)

public:
    EtatCivilPermissions() = delete;
    static void declare(PermissionRegistry& registry);
};

} // namespace iris::etatcivil
