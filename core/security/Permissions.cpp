#include "core/security/Permissions.h"

#include <QCoreApplication>
#include <algorithm>

namespace iris {

namespace {

} // namespace

QString roleId(Role role)
{
    switch (role) {
    case Role::AgentAccueil:
        return QStringLiteral("agent_accueil");
    case Role::Teleconseiller:
        return QStringLiteral("teleconseiller");
    case Role::TravailleurSocial:
        return QStringLiteral("travailleur_social");
    case Role::AgentService:
        return QStringLiteral("agent_service");
    case Role::Superviseur:
        return QStringLiteral("superviseur");
    case Role::Administrateur:
        return QStringLiteral("administrateur");
    }
    return {};
}

QString roleLabel(Role role)
{
    switch (role) {
    case Role::AgentAccueil:
        return PermissionRegistry::tr("Agent d'accueil");
    case Role::Teleconseiller:
        return PermissionRegistry::tr("Téléconseiller");
    case Role::TravailleurSocial:
        return PermissionRegistry::tr("Travailleur social (CCAS)");
    case Role::AgentService:
        return PermissionRegistry::tr("Agent de service");
    case Role::Superviseur:
        return PermissionRegistry::tr("Superviseur");
    case Role::Administrateur:
        return PermissionRegistry::tr("Administrateur");
    }
    return {};
}

bool roleFromId(const QString& id, Role* role)
{
    for (Role r : allRoles()) {
        if (roleId(r) == id) {
            if (role)
                *role = r;
            return true;
        }
    }
    return false;
}

QList<Role> allRoles()
{
    return { Role::AgentAccueil, Role::Teleconseiller, Role::TravailleurSocial, Role::AgentService,
        Role::Superviseur, Role::Administrateur };
}

// Default matrix of the core permissions (A = agent d'accueil, T = téléconseiller,
// S = travailleur social CCAS, V = agent de service, U = superviseur, D = administrateur).
//
//   permission           A  T  S  V  U  D   why
//   citizen.read         x  x  x  x  x  x   everyone identifies the person in front of them
//   citizen.write        x  x  x  x  x  x   update an address or a phone on any channel
//   citizen.merge        .  .  .  .  x  x   merging duplicates is irreversible: supervised
//   citizen.delete       .  .  .  .  .  x   erasure (RGPD) is an administration act
//   household.write      x  .  x  x  x  x   compositions are checked in person, not by phone
//   organisation.write   x  .  .  x  x  x   associations file at the counter or with a service
//   contact.read         x  x  x  x  x  x   the 360° history is the point of the counter
//   contact.write        x  x  x  x  x  x   every visit, call, mail is recorded
//   dossier.read         x  x  x  x  x  x
//   dossier.write        x  x  x  x  x  x   any channel may open a dossier
//   appointment.write    x  x  x  x  x  x
//   directory.write      .  .  .  .  x  x   the services directory is curated
//   agent.manage         .  .  .  .  .  x   accounts and roles
//   audit.read           .  .  .  .  x  x   who did what: supervision and administration
//   settings.write       .  .  .  .  .  x   site settings (modules, calendars, thresholds)
//
// Modules declare their own permissions during initialize() with the same declare().
PermissionRegistry::PermissionRegistry()
{
    const QList<Role> everyone = allRoles();
    const QList<Role> supervision { Role::Superviseur, Role::Administrateur };
    const QList<Role> administration { Role::Administrateur };

    declare(perm::CitizenRead, tr("consulter la fiche d'un usager"), everyone);
    declare(perm::CitizenWrite, tr("créer ou modifier la fiche d'un usager"), everyone);
    declare(perm::CitizenMerge, tr("fusionner deux fiches d'usager"), supervision);
    declare(perm::CitizenDelete, tr("supprimer la fiche d'un usager"), administration);
    declare(perm::HouseholdWrite, tr("modifier la composition d'un foyer"),
        { Role::AgentAccueil, Role::TravailleurSocial, Role::AgentService, Role::Superviseur,
            Role::Administrateur });
    declare(perm::OrganisationWrite, tr("créer ou modifier une association"),
        { Role::AgentAccueil, Role::AgentService, Role::Superviseur, Role::Administrateur });
    declare(perm::ContactRead, tr("consulter l'historique des contacts"), everyone);
    declare(perm::ContactWrite, tr("enregistrer un contact"), everyone);
    declare(perm::DossierRead, tr("consulter un dossier"), everyone);
    declare(perm::DossierWrite, tr("créer ou modifier un dossier"), everyone);
    declare(perm::AppointmentWrite, tr("prendre ou modifier un rendez-vous"), everyone);
    declare(perm::DirectoryWrite, tr("modifier l'annuaire des services"), supervision);
    declare(perm::AgentManage, tr("gérer les comptes des agents"), administration);
    declare(perm::AuditRead, tr("consulter le journal d'audit"), supervision);
    declare(perm::SettingsWrite, tr("modifier les paramètres du site"), administration);
}

void PermissionRegistry::declare(const QString& permission, const QString& label, const QList<Role>& roles)
{
    m_roles.insert(permission, QSet<Role>(roles.cbegin(), roles.cend()));
    m_labels.insert(permission, label);
}

bool PermissionRegistry::isDeclared(const QString& permission) const
{
    return m_roles.contains(permission);
}

bool PermissionRegistry::allows(Role role, const QString& permission) const
{
    const auto it = m_roles.constFind(permission);
    return it != m_roles.cend() && it->contains(role);
}

QString PermissionRegistry::label(const QString& permission) const
{
    return m_labels.value(permission, permission);
}

QStringList PermissionRegistry::permissions() const
{
    QStringList ids = m_roles.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace iris
