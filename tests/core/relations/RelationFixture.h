#pragma once

#include "core/domain/Citizen.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AgentService.h"
#include "core/services/AppointmentService.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/DirectoryService.h"
#include "core/services/DossierService.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"
#include "tests/support/TestEngines.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

namespace iris::test {

/// A migrated site database in a temporary folder.
inline std::shared_ptr<Database> openMigratedSite(const QString& path)
{
    const Result<DatabaseConfig> config = freshDatabaseConfig(path);
    if (!config)
        qFatal("no %s test database: %s", qPrintable(engineName()), qPrintable(config.error().toString()));
    auto db = Database::open(*config);
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(config->target()), qPrintable(db.error().toString()));
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (auto r = runner.run(**db); !r)
        qFatal("migration failed: %s", qPrintable(r.error().toString()));
    return *db;
}

/// The relation services bound to one session (system, or an agent of a given role).
struct RelationFixture
{
    explicit RelationFixture(std::optional<Role> role = std::nullopt)
        : permissions(std::make_shared<PermissionRegistry>())
        , db(openMigratedSite(dir.filePath(QStringLiteral("site.sqlite"))))
        , session(role ? Session(
                      AgentIdentity { 0, QStringLiteral("agent"), QStringLiteral("Agent Test"), *role, 0 },
                      permissions)
                       : Session::system(permissions))
        , audit(db, session)
        , citizens(db, session, audit)
        , directory(db, session, audit)
        , agents(db, session, audit)
        , contacts(db, session, audit)
        , dossiers(db, session, audit, &types)
        , appointments(db, session, audit)
    {
    }

    qint64 scalar(const QString& sql) const
    {
        QSqlQuery q(db->connection());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

    /// A citizen created through the citizen service (system rights needed).
    qint64 citizen(const QString& nom, const QString& prenoms)
    {
        Citizen c;
        c.civilite = QStringLiteral("Mme");
        c.nomNaissance = nom;
        c.prenoms = prenoms;
        c.birthDate = QDate(1980, 3, 14);
        c.address = { QStringLiteral("12 rue Ernest Renan"), {}, QStringLiteral("92130"),
            QStringLiteral("Issy-les-Moulineaux") };
        auto r = citizens.create(c);
        if (!r)
            qFatal("citizen: %s", qPrintable(r.error().toString()));
        return r->id;
    }

    /// A service with the centre administratif hours (Mon–Fri 8:30–18:00, Thu 19:00, Sat 8:30–12:00).
    qint64 service(const QString& name, const QString& code = {})
    {
        MunicipalService s;
        s.name = name;
        s.code = code;
        s.hours.setDays({ 1, 2, 3, 5 }, { { QTime(8, 30), QTime(18, 0) } });
        s.hours.setDay(4, { { QTime(8, 30), QTime(19, 0) } });
        s.hours.setDay(6, { { QTime(8, 30), QTime(12, 0) } });
        auto r = directory.create(s);
        if (!r)
            qFatal("service: %s", qPrintable(r.error().toString()));
        return r->id;
    }

    qint64 agent(const QString& login, Role role, qint64 serviceId = 0,
        const QString& password = QStringLiteral("motdepasse-solide"))
    {
        Agent a;
        a.login = login;
        a.displayName = login;
        a.role = role;
        a.serviceId = serviceId;
        auto r = agents.create(a, password);
        if (!r)
            qFatal("agent: %s", qPrintable(r.error().toString()));
        return r->id;
    }

    qint64 motive(const QString& label, qint64 parent = 0, qint64 serviceId = 0)
    {
        MotiveTheme t;
        t.label = label;
        t.parentId = parent;
        t.defaultServiceId = serviceId;
        auto r = contacts.createMotiveTheme(t);
        if (!r)
            qFatal("motive: %s", qPrintable(r.error().toString()));
        return r->id;
    }

    QTemporaryDir dir;
    std::shared_ptr<PermissionRegistry> permissions;
    std::shared_ptr<Database> db;
    Session session;
    AuditLog audit;
    CitizenService citizens;
    DossierTypeRegistry types;
    DirectoryService directory;
    AgentService agents;
    ContactService contacts;
    DossierService dossiers;
    AppointmentService appointments;
};

} // namespace iris::test
