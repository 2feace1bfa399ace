#pragma once

#include "StorageTestUtil.h"

#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"

#include <QTemporaryDir>

#include <memory>

namespace iris::test {

/// A migrated database in a temporary folder with a citizen service bound to a session
/// of the given role (or the system session).
struct CitizenFixture
{
    explicit CitizenFixture(std::optional<Role> role = std::nullopt,
                            std::shared_ptr<PermissionRegistry> registry = std::make_shared<PermissionRegistry>())
        : permissions(std::move(registry))
        , db(openMigrated(dir.filePath(QStringLiteral("site.sqlite"))))
        , session(role ? Session(AgentIdentity{7, QStringLiteral("agent7"), QStringLiteral("Agent Sept"), *role, 0},
                                 permissions)
                       : Session::system(permissions))
        , audit(db, session)
        , citizens(db, session, audit)
    {
    }

    /// A valid citizen as typed at the counter.
    static Citizen sample(const QString& nom, const QString& prenoms, const QDate& birth = {},
                          const QString& phone = {}, const QString& email = {})
    {
        Citizen c;
        c.civilite = QStringLiteral("Mme");
        c.nomNaissance = nom;
        c.prenoms = prenoms;
        c.birthDate = birth;
        c.phone = phone;
        c.email = email;
        c.address = {QStringLiteral("47 rue du Général Leclerc"), {}, QStringLiteral("92130"),
                     QStringLiteral("Issy-les-Moulineaux")};
        return c;
    }

    int count(const QString& table) const
    {
        return scalar(db->connection(), QStringLiteral("SELECT count(*) FROM ") + table).toInt();
    }

    QTemporaryDir dir;
    std::shared_ptr<PermissionRegistry> permissions;
    std::shared_ptr<Database> db;
    Session session;
    AuditLog audit;
    CitizenService citizens;
};

} // namespace iris::test
