// core_migrations (SQLite) and core_migrations_pg (PostgreSQL): per-owner versions, one
// transaction per step, upgrade from the committed version-1 fixture with its data intact.
#include "StorageTestUtil.h"

#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/storage/Dialect.h"
#include "core/storage/SiteCopy.h"

#include "tests/support/TestPaths.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseGetsEveryStepOnce()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir.filePath(u"fresh.sqlite"_s));
        QVERIFY(db);
        const int latest = int(coreMigrations().size());
        QVERIFY(latest >= 2);
        QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), latest);
        const QDateTime applied = db->dialect().fromDbDateTime(
            scalar(db->connection(), u"SELECT applied_at FROM schema_versions WHERE owner = 'core'"_s));
        QVERIFY(applied.isValid());
        QCOMPARE(applied.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(applied.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        // Running again is a no-op.
        MigrationRunner runner;
        runner.add(kCoreSchemaOwner, coreMigrations());
        QVERIFY(runner.run(*db).ok());
        QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), latest);
        QCOMPARE(runner.latestVersion(kCoreSchemaOwner), latest);
        QCOMPARE(runner.owners(), QStringList{kCoreSchemaOwner});
    }

    void upgradesVersionOneFixtureKeepingData()
    {
        const QString fixture = sourceDir() + u"/tests/core/storage/fixtures/core-v1.sqlite"_s;
        QVERIFY2(QFile::exists(fixture), qPrintable(fixture));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"site.sqlite"_s);
        QVERIFY(QFile::copy(fixture, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

        auto opened = Database::open({.path = path});
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        std::shared_ptr<Database> db = *opened;
        QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), 1);
        if (onPostgres()) {
            // The same version-1 site on the server: a database at core version 1, filled from
            // the committed file by SiteCopy (what `iris-cli db copy` runs), then upgraded below.
            auto server = Database::open(freshDatabaseConfig({}).value());
            QVERIFY2(server.ok(), qPrintable(server.error().toString()));
            MigrationRunner v1;
            v1.add(kCoreSchemaOwner, coreMigrations().mid(0, 1));
            QVERIFY(v1.run(**server).ok());
            const Result<SiteCopyReport> copied = SiteCopy::run(*db, **server);
            QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.error().toString()));
            QVERIFY(copied->ok());
            QCOMPARE(copied->rows, 4 + 1 + 3 + 1 + 2 + scalar(db->connection(), u"SELECT count(*) FROM "
                                                                             u"citizen_name_tokens"_s).toInt()
                                       + scalar(db->connection(), u"SELECT count(*) FROM citizen_name_pairs"_s).toInt());
            db->closeAll();
            db = *server;
            QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), 1);
        }

        MigrationRunner runner;
        runner.add(kCoreSchemaOwner, coreMigrations());
        const Result<void> r = runner.run(*db);
        QVERIFY2(r.ok(), qPrintable(r.error().toString() + r.error().detail()));
        QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), int(coreMigrations().size()));

        QSqlDatabase c = db->connection();
        if (!onPostgres()) {
            QCOMPARE(scalar(c, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
            QCOMPARE(scalar(c, u"PRAGMA foreign_key_check"_s), QVariant());
        }
        QCOMPARE(scalar(c, u"SELECT count(*) FROM citizens"_s).toInt(), 4);
        QCOMPARE(scalar(c, u"SELECT count(*) FROM household_members WHERE household_id = 1"_s).toInt(), 3);
        QCOMPARE(scalar(c, u"SELECT representative_id FROM organisations WHERE rna = 'W922001234'"_s).toInt(), 4);
        QCOMPARE(scalar(c, u"SELECT count(*) FROM audit_events"_s).toInt(), 2);
        // Step 2 tables exist and accept rows pointing at the old citizens.
        QCOMPARE(scalar(c, u"SELECT count(*) FROM contacts"_s).toInt(), 0);

        // The upgraded data is readable through the services, search index included.
        auto permissions = std::make_shared<PermissionRegistry>();
        const Session session = Session::system(permissions);
        AuditLog audit(db, session);
        CitizenService citizens(db, session, audit);
        const Result<Citizen> helene = citizens.get(1);
        QVERIFY(helene.ok());
        QCOMPARE(helene->prenoms, u"Hélène Marie"_s);
        QCOMPARE(helene->version, 3);
        QCOMPARE(helene->birthDate, QDate(1984, 3, 12));
        QCOMPARE(helene->householdId, 1);
        QCOMPARE(helene->createdAt, QDateTime(QDate(2024, 1, 5), QTime(9, 12), QTimeZone::utc()));
        const auto found = citizens.search(u"dup hel"_s);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, 1);
        QCOMPARE(citizens.search(u"5678"_s)->value(0).id, 1);
        QCOMPARE(citizens.search(u"diaye"_s)->value(0).id, 4);
    }

    void failedStepRollsBackAndKeepsVersion()
    {
        QTemporaryDir dir;
        auto opened = Database::open(freshDatabaseConfig(dir.filePath(u"fail.sqlite"_s)).value());
        QVERIFY(opened.ok());
        MigrationRunner runner;
        auto create = [](const QString& sql) {
            return [sql](QSqlDatabase& c, const Dialect&) -> Result<void> {
                QSqlQuery q(c);
                if (!q.exec(sql))
                    return Database::classify(q.lastError(), u"essai"_s);
                return {};
            };
        };
        runner.add(u"module"_s,
                   {Migration{1, u"un"_s, create(u"CREATE TABLE m_one (id INTEGER)"_s)},
                    Migration{2, u"deux"_s,
                              [](QSqlDatabase& c, const Dialect&) -> Result<void> {
                                  QSqlQuery q(c);
                                  q.exec(u"CREATE TABLE m_two (id INTEGER)"_s);
                                  return Error(ErrorCode::DatabaseError, u"étape refusée"_s);
                              }}});
        const Result<void> r = runner.run(**opened);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(u"version 1"_s), qPrintable(r.error().message()));
        QCOMPARE(MigrationRunner::installedVersion(**opened, u"module"_s).value(), 1);
        const QStringList tables = tableNames(**opened);
        QVERIFY2(tables.contains(u"m_one"_s), qPrintable(tables.join(u' ')));
        QVERIFY2(!tables.contains(u"m_two"_s), qPrintable(tables.join(u' ')));
    }

    void ownersAreIndependent()
    {
        QTemporaryDir dir;
        auto db = openMigrated(dir.filePath(u"owners.sqlite"_s));
        QVERIFY(db);
        MigrationRunner runner;
        runner.add(kCoreSchemaOwner, coreMigrations());
        runner.add(u"accueil"_s, {Migration{1, u"file"_s, [](QSqlDatabase& c, const Dialect& d) -> Result<void> {
                                               QSqlQuery q(c);
                                               if (!q.exec(d.expand(u"CREATE TABLE accueil_tickets (id {PK})"_s)))
                                                   return Database::classify(q.lastError(), u"essai"_s);
                                               return {};
                                           }}});
        QVERIFY(runner.run(*db, u"accueil"_s).ok());
        QCOMPARE(MigrationRunner::installedVersion(*db, u"accueil"_s).value(), 1);
        QCOMPARE(MigrationRunner::installedVersion(*db, kCoreSchemaOwner).value(), int(coreMigrations().size()));
        QCOMPARE(MigrationRunner::installedVersion(*db, u"inconnu"_s).value(), 0);
    }

    void misnumberedStepsAreRefused()
    {
        QTemporaryDir dir;
        auto opened = Database::open(freshDatabaseConfig(dir.filePath(u"gap.sqlite"_s)).value());
        QVERIFY(opened.ok());
        MigrationRunner runner;
        auto noop = [](QSqlDatabase&, const Dialect&) -> Result<void> { return {}; };
        runner.add(u"gap"_s, {Migration{1, u"un"_s, noop}, Migration{3, u"trois"_s, noop}});
        const Result<void> r = runner.run(**opened);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(tableNames(**opened).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
