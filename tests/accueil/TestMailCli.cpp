// accueil_mail_cli: `iris-cli mail import` as a real process on a real site file and a
// real Maildir — JSON report, idempotence across runs, schema installed by the command,
// audit as the system account, and French errors with a non-zero exit.
#include "core/storage/Database.h"
#include "tests/accueil/MailFixture.h"
#include "tests/support/CliRun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

namespace {

QVariant scalar(const QString& path, const QString& statement)
{
    DatabaseConfig config;
    config.path = path;
    config.readOnly = true;
    auto db = Database::open(config);
    if (!db)
        return {};
    QVariant v;
    {
        QSqlQuery q((*db)->connection());
        if (q.exec(statement) && q.next())
            v = q.value(0);
    }
    (*db)->closeAll();
    return v;
}

} // namespace

class TestMailCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString dbPath;
    QString maildir;

private Q_SLOTS:
    void initTestCase()
    {
        // A site file with the core and accueil schemas only: the command installs the
        // courriel register itself.
        dbPath = dir.filePath(u"site.sqlite"_s);
        {
            test::AccueilFixture site;
            QString error;
            QVERIFY2(site.start(&error, dbPath), qPrintable(error));
            site.system.reset();
            site.db->closeAll();
        }
        QCOMPARE(
            scalar(dbPath, u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'accueil_courriels'"_s).toInt(),
            0);
        maildir = dir.filePath(u"Maildir"_s);
        for (const QString& sub : { u"new"_s, u"cur"_s, u"tmp"_s })
            QVERIFY(QDir(maildir).mkpath(sub));
        int n = 0;
        for (const QString& name :
            { u"plain.eml"_s, u"multipart.eml"_s, u"latin1.eml"_s, u"malformed.eml"_s }) {
            QFile out(QDir(maildir).filePath(u"new/17775%1.M%1P42.mx"_s.arg(++n)));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(test::MailFixture::message(name));
        }
    }

    void importsThenImportsNothing()
    {
        test::CliRun r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dbPath, u"--maildir"_s, maildir, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonParseError error;
        QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        QCOMPARE(json.value(u"imported"_s).toInt(-1), 4);
        QCOMPARE(json.value(u"duplicates"_s).toInt(-1), 0);
        QCOMPARE(json.value(u"malformed"_s).toInt(-1), 1);
        QCOMPARE(json.value(u"failed"_s).toInt(-1), 0);
        QCOMPARE(scalar(dbPath, u"SELECT COUNT(*) FROM accueil_courriels"_s).toInt(), 4);
        QCOMPARE(scalar(dbPath, u"SELECT COUNT(*) FROM accueil_courriel_attachments"_s).toInt(), 2);
        // Who did it: the system account, on the audit trail.
        QCOMPARE(scalar(dbPath,
                     u"SELECT COUNT(*) FROM audit_events WHERE entity_kind = 'accueil_courriel' "
                     u"AND action = 'create' AND agent_login = 'systeme'"_s)
                     .toInt(),
            4);

        r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dbPath, u"--maildir"_s, maildir, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(u"imported"_s).toInt(-1), 0);
        QCOMPARE(json.value(u"duplicates"_s).toInt(-1), 4);
        QCOMPARE(scalar(dbPath, u"SELECT COUNT(*) FROM accueil_courriels"_s).toInt(), 4);

        // Human-readable report without --json.
        r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dbPath, u"--maildir"_s, maildir });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Courriels importés : 0"_s), qPrintable(r.out));
    }

    void badArgumentsFailInFrench()
    {
        test::CliRun r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dbPath, u"--maildir"_s, dir.filePath(u"absent"_s),
            u"--json"_s });
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"n'existe pas"_s), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dbPath, u"--maildir"_s, dir.path() });
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"n'est pas un dossier Maildir"_s), qPrintable(r.err));

        r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, dir.filePath(u"nulle-part.sqlite"_s), u"--maildir"_s,
            maildir });
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"n'existe pas"_s), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(u"nulle-part.sqlite"_s)));

        // A file that is not a database.
        QFile junk(dir.filePath(u"pas-une-base.sqlite"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        r = test::runCli({ u"mail"_s, u"import"_s, u"--db"_s, junk.fileName(), u"--maildir"_s, maildir });
        QVERIFY(r.exitCode != 0);
        QVERIFY(!r.err.trimmed().isEmpty());

        r = test::runCli({ u"mail"_s, u"import"_s, u"--maildir"_s, maildir });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--database"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestMailCli)
#include "TestMailCli.moc"
