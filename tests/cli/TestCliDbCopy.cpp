// cli_db_copy (SQLite → SQLite) and cli_db_copy_pg (SQLite → PostgreSQL): `iris-cli db copy`
// moves a seeded one-workstation site (core and modules) without loss: every table's rows and
// checksums match, the same searches give the same answers in the same order, new records
// get new ids after the copied ones, and a target that is not empty is refused.
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
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

class TestCliDbCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(u"poste.sqlite"_s);
        const test::CliRun seeded = test::runCli({ u"demo"_s, u"seed"_s, u"--database"_s, m_source,
            u"--citizens"_s, u"300"_s, u"--contacts"_s, u"1500"_s, u"--date"_s, u"2026-11-30"_s });
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        Result<DatabaseConfig> target = test::freshDatabaseConfig(m_dir.filePath(u"site-partage.sqlite"_s));
        QVERIFY2(target, qPrintable(target ? QString() : target.error().toString()));
        m_target = target->target();
    }

    void copiesEveryTableWithMatchingChecksums()
    {
        const test::CliRun r
            = test::runCli({ u"db"_s, u"copy"_s, u"--from"_s, m_source, u"--to"_s, m_target, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject report = QJsonDocument::fromJson(r.rawOut.trimmed()).object();
        QCOMPARE(report.value(u"ok"_s).toBool(), true);
        QCOMPARE(report.value(u"fromEngine"_s).toString(), u"SQLite"_s);
        QCOMPARE(report.value(u"toEngine"_s).toString(), test::engineName());
        QVERIFY(report.value(u"rowsPerSecond"_s).toDouble() > 0);
        QHash<QString, QJsonObject> tables;
        qint64 rows = 0;
        for (const QJsonValue& v : report.value(u"tables"_s).toArray()) {
            const QJsonObject t = v.toObject();
            tables.insert(t.value(u"table"_s).toString(), t);
            QVERIFY2(t.value(u"match"_s).toBool(), qPrintable(t.value(u"table"_s).toString()));
            QCOMPARE(t.value(u"sourceRows"_s).toInteger(), t.value(u"targetRows"_s).toInteger());
            QCOMPARE(t.value(u"sourceChecksum"_s).toString(), t.value(u"targetChecksum"_s).toString());
            QCOMPARE(t.value(u"sourceChecksum"_s).toString().size(), 64);
            rows += t.value(u"targetRows"_s).toInteger();
        }
        QCOMPARE(rows, report.value(u"rows"_s).toInteger());
        // The core's and the modules' tables, with the demo's rows.
        for (const QString& name : { u"citizens"_s, u"contacts"_s, u"audit_events"_s, u"accueil_tickets"_s,
                 u"accueil_courriels"_s, u"accueil_post_letters"_s })
            QVERIFY2(tables.value(name).value(u"sourceRows"_s).toInteger() > 0, qPrintable(name));
        QVERIFY(tables.value(u"citizens"_s).value(u"targetRows"_s).toInteger() >= 300);
    }

    void sameSearchesSameAnswers()
    {
        for (const QString& q : { u"mar"_s, u"dup"_s, u"jean"_s, u"06"_s, u"lef ma"_s, u"EC-"_s }) {
            const test::CliRun a = test::runCli({ u"citizens"_s, u"search"_s, u"--database"_s, m_source,
                u"--json"_s, u"--limit"_s, u"50"_s, q });
            const test::CliRun b = test::runCli({ u"citizens"_s, u"search"_s, u"--database"_s, m_target,
                u"--json"_s, u"--limit"_s, u"50"_s, q });
            QVERIFY2(a.exitCode == 0 && b.exitCode == 0, qPrintable(a.err + b.err));
            QCOMPARE(b.rawOut, a.rawOut);
        }
    }

    void newRecordsGetNewIds()
    {
        Result<DatabaseConfig> config = DatabaseConfig::fromTarget(m_target);
        QVERIFY(config);
        auto db = Database::open(*config);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        QSqlQuery max((*db)->connection());
        QVERIFY(max.exec(u"SELECT MAX(id) FROM citizens"_s) && max.next());
        const qint64 highest = max.value(0).toLongLong();
        max.finish();
        const Session session = Session::system(std::make_shared<PermissionRegistry>());
        AuditLog audit(*db, session);
        CitizenService citizens(*db, session, audit);
        Citizen c;
        c.nomNaissance = u"Nouveau"_s;
        c.prenoms = u"Après la copie"_s;
        const Result<Citizen> created = citizens.create(c);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        QVERIFY(created->id > highest);
        (*db)->closeAll();
    }

    void refusesATargetThatIsNotEmpty()
    {
        const test::CliRun r
            = test::runCli({ u"db"_s, u"copy"_s, u"--from"_s, m_source, u"--to"_s, m_target });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"n'est pas vide"_s), qPrintable(r.err));
        const test::CliRun same
            = test::runCli({ u"db"_s, u"copy"_s, u"--from"_s, m_source, u"--to"_s, m_source });
        QCOMPARE(same.exitCode, 2);
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_target;
};

QTEST_GUILESS_MAIN(TestCliDbCopy)
#include "TestCliDbCopy.moc"
