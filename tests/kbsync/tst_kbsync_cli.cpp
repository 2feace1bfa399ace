// iris-cli kb sync: JSON output, exit codes and French messages.

#include "tests/kbsync/KbFingerprint.h"
#include "tests/kbsync/KbdHarness.h"
#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using iris::test::KbdHarness;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

CliRun cli(const QStringList& args)
{
    QProcess p;
    p.start(iris::test::binaryDir() + u"/bin/iris-cli"_s, QStringList{u"kb"_s, u"sync"_s} + args);
    CliRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestKbsyncCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncFromTheCommandLine()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        QList<QJsonObject> articles;
        for (int i = 0; i < 8; ++i)
            articles << KbdHarness::article(u"a%1"_s.arg(i), u"Titre %1"_s.arg(i), u"Corps %1"_s.arg(i));
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, dir.filePath(u"secret.key"_s)).exitCode, 0);
        KbdHarness server;
        const QUrl url = server.start(store);
        QVERIFY(url.isValid());
        const QString kb = dir.filePath(u"kb.sqlite"_s);
        const QStringList common{u"--kb"_s, kb, u"--server"_s, url.toString(), u"--public-key"_s,
                                 dir.filePath(u"public.key"_s)};

        CliRun r = cli(common + QStringList{u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(u"result"_s).toString(), u"snapshot"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 1);
        QCOMPARE(o.value(u"added"_s).toInt(), 8);

        r = cli(common);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), u"Base à jour — version 1."_s);

        // A key file that is not the server's: refused, exit code 1, nothing changed.
        QTemporaryDir other;
        QVERIFY(KbdHarness::keygen(other.path()));
        const QByteArray before = iris::test::kbFingerprint(kb);
        r = cli({u"--kb"_s, kb, u"--server"_s, url.toString(), u"--public-key"_s, other.filePath(u"public.key"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"autre clé"_s), qPrintable(r.err));
        QCOMPARE(iris::test::kbFingerprint(kb), before);

        // Usage errors: exit code 2.
        QCOMPARE(cli({u"--kb"_s, kb}).exitCode, 2);
        r = cli({u"--kb"_s, kb, u"--server"_s, url.toString(), u"--public-key"_s, jsonl});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"Clé publique illisible"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestKbsyncCli)
#include "tst_kbsync_cli.moc"
