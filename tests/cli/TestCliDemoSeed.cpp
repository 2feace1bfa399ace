// cli_demo_seed: `iris-cli demo seed` run as a real process on real files.
#include "core/storage/Database.h"
#include "tests/support/CliRun.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

namespace {

qint64 scalar(const QString& path, const QString& sql)
{
    DatabaseConfig config;
    config.path = path;
    config.readOnly = true;
    auto db = Database::open(config);
    if (!db)
        return -1;
    QSqlQuery q((*db)->connection());
    const qint64 n = q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    q.finish();
    (*db)->closeAll();
    return n;
}

qint64 count(const QString& path, const QString& table)
{
    return scalar(path, u"SELECT COUNT(*) FROM "_s + table);
}

} // namespace

class TestCliDemoSeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsANewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"demo.sqlite"_s);
        const test::CliRun r = test::runCli({ u"demo"_s, u"seed"_s, u"--db"_s, path, u"--citizens"_s, u"150"_s, u"--contacts"_s,
            u"900"_s, u"--seed"_s, u"5"_s, u"--date"_s, u"2026-06-30"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Usagers : 150"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Contacts : 900"_s));
        QVERIFY(r.out.contains(u"Durée : "_s));
        QCOMPARE(count(path, u"citizens"_s), 150);
        // The modules' demo content comes on top: today's queue, the inbox and the post
        // register, whose known senders' messages and letters are contacts too.
        QVERIFY2(r.out.contains(u"Accueil : 8 tickets dans la file du jour, 3 rappels téléphoniques"_s),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Courriels : 6 messages reçus à traiter"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Courrier : "_s), qPrintable(r.out));
        const qint64 moduleContacts
            = scalar(path, u"SELECT (SELECT COUNT(*) FROM accueil_courriels WHERE contact_id IS NOT NULL)"
                           u" + (SELECT COUNT(*) FROM accueil_post_letters WHERE incoming_contact_id IS NOT NULL)"_s);
        QVERIFY(moduleContacts > 0);
        QCOMPARE(count(path, u"contacts"_s), 900 + moduleContacts);
        QVERIFY(count(path, u"agents"_s) >= 6);

        // A second run refuses to mix demo data into a database that has citizens…
        const test::CliRun again = test::runCli(
            { u"demo"_s, u"seed"_s, u"--db"_s, path, u"--citizens"_s, u"10"_s, u"--contacts"_s, u"0"_s });
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"contient déjà 150 usagers"_s), qPrintable(again.err));
        QCOMPARE(count(path, u"citizens"_s), 150);
        // …unless asked to; the reference data is not duplicated.
        const test::CliRun forced = test::runCli({ u"demo"_s, u"seed"_s, u"--db"_s, path, u"--citizens"_s, u"10"_s,
            u"--contacts"_s, u"0"_s, u"--force"_s });
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(count(path, u"citizens"_s), 160);
        QVERIFY(forced.out.contains(u"0 services ajoutés"_s));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no db") << QStringList { u"--citizens"_s, u"10"_s } << u"--database"_s;
        QTest::newRow("not a number") << QStringList { u"--db"_s, u"x.sqlite"_s, u"--citizens"_s,
            u"beaucoup"_s } << u"Valeur invalide pour --citizens"_s;
        QTest::newRow("negative") << QStringList { u"--db"_s, u"x.sqlite"_s, u"--contacts"_s, u"-5"_s }
                                  << u"Valeur invalide pour --contacts"_s;
        QTest::newRow("bad date") << QStringList { u"--db"_s, u"x.sqlite"_s, u"--date"_s, u"31/12/2026"_s }
                                  << u"AAAA-MM-JJ"_s;
        QTest::newRow("unknown option") << QStringList { u"--db"_s, u"x.sqlite"_s, u"--vite"_s } << u"vite"_s;
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        for (QString& a : args) {
            if (a == u"x.sqlite"_s)
                a = dir.filePath(a);
        }
        const test::CliRun r = test::runCli(QStringList { u"demo"_s, u"seed"_s } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir.filePath(u"x.sqlite"_s))); // nothing created on bad input
    }

    void unusableFile()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(u"junk.sqlite"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        const test::CliRun r = test::runCli({ u"demo"_s, u"seed"_s, u"--db"_s, junk.fileName(), u"--citizens"_s, u"5"_s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliDemoSeed)
#include "TestCliDemoSeed.moc"
