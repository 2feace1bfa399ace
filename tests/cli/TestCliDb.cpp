// cli_db (SQLite) and cli_db_pg (PostgreSQL): `iris-cli db migrate` and `db status` through the
// real binary, with the modules of the build: a new site is created, reported pending, migrated
// once, then up to date; a schema newer than the binary is refused and left as it is.
#include "core/storage/Database.h"
#include "tests/support/CliRun.h"
#include "tests/support/TestEngines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

namespace {

QJsonObject parse(const test::CliRun& r)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.rawOut.trimmed());
    return doc.object();
}

QJsonObject owner(const QJsonObject& report, const QString& name)
{
    for (const QJsonValue& v : report.value(u"owners"_s).toArray())
        if (v.toObject().value(u"owner"_s).toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<DatabaseConfig> config = test::freshDatabaseConfig(m_dir.filePath(u"site.sqlite"_s));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        m_target = config->target();
    }

    void statusOfANewSiteListsEveryPendingStep()
    {
        if (!test::onPostgres()) {
            // A missing file is not created by status.
            const test::CliRun r
                = test::runCli({ u"db"_s, u"status"_s, u"--database"_s, m_target, u"--json"_s });
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"n'existe pas"_s), qPrintable(r.err));
            QVERIFY(!QFile::exists(m_target));
            return;
        }
        const test::CliRun r = test::runCli({ u"db"_s, u"status"_s, u"--database"_s, m_target, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = parse(r);
        QCOMPARE(report.value(u"engine"_s).toString(), u"PostgreSQL"_s);
        QCOMPARE(report.value(u"upToDate"_s).toBool(), false);
        const QJsonObject core = owner(report, u"core"_s);
        QCOMPARE(core.value(u"installed"_s).toInt(), 0);
        QVERIFY(core.value(u"latest"_s).toInt() >= 1);
        QCOMPARE(core.value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(core.value(u"pending"_s).toArray().size(), core.value(u"latest"_s).toInt());
        QVERIFY(!owner(report, u"accueil"_s).isEmpty()); // the modules of the build are found
    }

    void migrateCreatesEverySchemaOnce()
    {
        test::CliRun r = test::runCli({ u"db"_s, u"migrate"_s, u"--db"_s, m_target, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject report = parse(r);
        QCOMPARE(report.value(u"engine"_s).toString(), test::engineName());
        QCOMPARE(report.value(u"upToDate"_s).toBool(), true);
        QVERIFY(report.value(u"applied"_s).toInt() >= 3);
        QStringList owners;
        for (const QJsonValue& v : report.value(u"owners"_s).toArray()) {
            owners << v.toObject().value(u"owner"_s).toString();
            QCOMPARE(v.toObject().value(u"state"_s).toString(), u"up-to-date"_s);
            QVERIFY(v.toObject().value(u"pending"_s).toArray().isEmpty());
        }
        for (const QString& expected : { u"core"_s, u"accueil"_s, u"etatcivil"_s })
            QVERIFY2(owners.contains(expected), qPrintable(owners.join(u", "_s)));

        // Again: nothing to do.
        r = test::runCli({ u"db"_s, u"migrate"_s, u"--database"_s, m_target, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(parse(r).value(u"applied"_s).toInt(), 0);

        r = test::runCli({ u"db"_s, u"status"_s, u"--database"_s, m_target });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"core : version"_s) && r.out.contains(u"à jour"_s), qPrintable(r.out));
    }

    void newerSchemaIsRefusedUntouched()
    {
        Result<DatabaseConfig> config = DatabaseConfig::fromTarget(m_target);
        QVERIFY(config);
        {
            auto db = Database::open(*config);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(u"UPDATE schema_versions SET version = 99 WHERE owner = 'core'"_s));
            q.finish();
            (*db)->closeAll();
        }
        test::CliRun r = test::runCli({ u"db"_s, u"status"_s, u"--database"_s, m_target, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(owner(parse(r), u"core"_s).value(u"state"_s).toString(), u"newer"_s);
        QCOMPARE(parse(r).value(u"upToDate"_s).toBool(), false);

        r = test::runCli({ u"db"_s, u"migrate"_s, u"--database"_s, m_target, u"--json"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"plus récente"_s), qPrintable(r.err));
        r = test::runCli({ u"db"_s, u"status"_s, u"--database"_s, m_target, u"--json"_s });
        QCOMPARE(owner(parse(r), u"core"_s).value(u"installed"_s).toInt(), 99);
    }

    void badTargetsAreUsageErrors()
    {
        test::CliRun r = test::runCli({ u"db"_s, u"status"_s, u"--json"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--database"_s), qPrintable(r.err));
        r = test::runCli(
            { u"db"_s, u"migrate"_s, u"--database"_s, u"postgresql://iris:secret@127.0.0.1/iris"_s });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u".pgpass"_s) && !r.err.contains(u"secret"_s), qPrintable(r.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_target;
};

QTEST_GUILESS_MAIN(TestCliDb)
#include "TestCliDb.moc"
