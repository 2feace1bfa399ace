#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace iris {

/// The six roles of the counter and back office.
enum class Role {
    AgentAccueil,       ///< agent d'accueil (counter)
    Teleconseiller,     ///< téléconseiller (phone)
    TravailleurSocial,  ///< travailleur social CCAS
    AgentService,       ///< agent de service (back office)
    Superviseur,
    Administrateur,
};

QString roleId(Role role);                    ///< "agent_accueil", stored in the database
QString roleLabel(Role role);                 ///< French label ("Agent d'accueil")
bool roleFromId(const QString& id, Role* role);
QList<Role> allRoles();

/// Permission ids are strings so modules can declare their own ("accueil.counter").
namespace perm {
inline const QString CitizenRead = QStringLiteral("citizen.read");
inline const QString CitizenWrite = QStringLiteral("citizen.write");
inline const QString CitizenMerge = QStringLiteral("citizen.merge");
inline const QString CitizenDelete = QStringLiteral("citizen.delete");
inline const QString HouseholdWrite = QStringLiteral("household.write");
inline const QString OrganisationWrite = QStringLiteral("organisation.write");
inline const QString ContactRead = QStringLiteral("contact.read");
inline const QString ContactWrite = QStringLiteral("contact.write");
inline const QString DossierRead = QStringLiteral("dossier.read");
inline const QString DossierWrite = QStringLiteral("dossier.write");
inline const QString AppointmentWrite = QStringLiteral("appointment.write");
inline const QString DirectoryWrite = QStringLiteral("directory.write");
inline const QString AgentManage = QStringLiteral("agent.manage");
inline const QString AuditRead = QStringLiteral("audit.read");
inline const QString SettingsWrite = QStringLiteral("settings.write");
} // namespace perm

/// Which role holds which permission. Core permissions are registered at
/// construction; modules add theirs during initialize().
class PermissionRegistry
{
    Q_DECLARE_TR_FUNCTIONS(iris::PermissionRegistry)

public:
    PermissionRegistry();

    /// Declares a permission with a French label and the roles that hold it.
    void declare(const QString& permission, const QString& label, const QList<Role>& roles);
    bool isDeclared(const QString& permission) const;
    bool allows(Role role, const QString& permission) const;
    QString label(const QString& permission) const;
    QStringList permissions() const;

private:
    QHash<QString, QSet<Role>> m_roles;
    QHash<QString, QString> m_labels;
};

} // namespace iris
