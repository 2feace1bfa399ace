// cli_citizens_search: the real iris-cli binary, run with QProcess on real site files.
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include "tests/support/CliRun.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

namespace {

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace

class TestCliCitizensSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"site.sqlite"_s);
        auto opened = Database::open({.path = m_path});
        QVERIFY(opened.ok());
        MigrationRunner runner;
        runner.add(kCoreSchemaOwner, coreMigrations());
        QVERIFY(runner.run(**opened).ok());
        const Session session = Session::system(std::make_shared<PermissionRegistry>());
        AuditLog audit(*opened, session);
        CitizenService citizens(*opened, session, audit);
        auto add = [&](const QString& nom, const QString& prenoms, const QDate& birth, const QString& phone,
                       const QString& email) {
            Citizen c;
            c.civilite = u"Mme"_s;
            c.nomNaissance = nom;
            c.prenoms = prenoms;
            c.birthDate = birth;
            c.phone = phone;
            c.email = email;
            QVERIFY(citizens.create(c).ok());
        };
        add(u"Dupont"_s, u"Hélène"_s, QDate(1984, 3, 12), u"01 41 23 80 00"_s, u"helene.dupont@example.fr"_s);
        add(u"Dupont"_s, u"Jeanne"_s, {}, {}, {});
        add(u"Durand"_s, u"Jean"_s, QDate(1950, 1, 2), u"06 12 34 56 78"_s, {});
        (*opened)->closeAll();
    }

    void searchPrintsJsonArray()
    {
        const test::CliRun r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--json"_s, u"hélène dup"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.rawOut.endsWith('\n'));
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.rawOut, &e);
        QVERIFY2(doc.isArray(), qPrintable(e.errorString()));
        QCOMPARE(doc.array().size(), 1);
        const QJsonObject o = doc.array().first().toObject();
        QVERIFY(o.value(u"id"_s).toInteger() > 0);
        QCOMPARE(o.value(u"civilite"_s).toString(), u"Mme"_s);
        QCOMPARE(o.value(u"nomNaissance"_s).toString(), u"Dupont"_s);
        QCOMPARE(o.value(u"prenoms"_s).toString(), u"Hélène"_s);
        QCOMPARE(o.value(u"birthDate"_s).toString(), u"1984-03-12"_s);
        QCOMPARE(o.value(u"phone"_s).toString(), u"+33141238000"_s);
        QCOMPARE(o.value(u"email"_s).toString(), u"helene.dupont@example.fr"_s);
        QVERIFY(o.contains(u"nomUsage"_s));

        const test::CliRun none = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--json"_s, u"zzz"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.rawOut, QByteArray("[]\n"));
    }

    void limitIsApplied()
    {
        const test::CliRun r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--limit"_s, u"1"_s, u"--json"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.rawOut).array().size(), 1);
        const test::CliRun all = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--json"_s, u"dup"_s});
        QCOMPARE(QJsonDocument::fromJson(all.rawOut).array().size(), 2);
    }

    void oneJsonLinePerStdinQuery()
    {
        const test::CliRun r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--json"_s},
                          QByteArray("dup jea\n5678\n\nHELENE.DUPONT@EXAMPLE.FR\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> lines = r.rawOut.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(QJsonDocument::fromJson(lines.at(0)).array().first().toObject().value(u"prenoms"_s).toString(),
                 u"Jeanne"_s);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).array().first().toObject().value(u"nomNaissance"_s).toString(),
                 u"Durand"_s);
        QCOMPARE(lines.at(2), QByteArray("[]"));
        QCOMPARE(QJsonDocument::fromJson(lines.at(3)).array().size(), 1);
    }

    void badInputIsRefusedInFrench()
    {
        const QString missing = m_dir.filePath(u"absent.sqlite"_s);
        test::CliRun r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, missing, u"--json"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"n'existe pas"_s), qPrintable(r.err));
        QVERIFY(r.rawOut.isEmpty());
        QVERIFY(!QFile::exists(missing));

        const QString garbage = m_dir.filePath(u"notes.txt"_s);
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        const QByteArray before = hashOf(garbage);
        r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, garbage, u"--json"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"n'est pas une base de données IRIS Desk"_s), qPrintable(r.err));
        QCOMPARE(hashOf(garbage), before);

        const QString newer = m_dir.filePath(u"newer.sqlite"_s);
        QVERIFY(QFile::copy(m_path, newer));
        {
            auto opened = Database::open({.path = newer});
            QVERIFY(opened.ok());
            QSqlQuery q((*opened)->connection());
            QVERIFY(q.exec(u"UPDATE schema_versions SET version = version + 1 WHERE owner = 'core'"_s));
        }
        const QByteArray newerBefore = hashOf(newer);
        r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, newer, u"--json"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"plus récente"_s), qPrintable(r.err));
        QCOMPARE(hashOf(newer), newerBefore);

        r = test::runCli({u"citizens"_s, u"search"_s, u"--json"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--database"_s), qPrintable(r.err));
        r = test::runCli({u"citizens"_s, u"search"_s, u"--db"_s, m_path, u"--limit"_s, u"zéro"_s, u"dup"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--limit"_s));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestCliCitizensSearch)
#include "TestCliCitizensSearch.moc"
