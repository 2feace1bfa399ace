// A sync killed (SIGKILL) in the middle of applying a big delta leaves the
// previous version intact, and the next sync completes it.

#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncClient.h"
#include "tests/kbsync/KbFingerprint.h"
#include "tests/kbsync/KbdHarness.h"
#include "tests/support/TestPaths.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace iris::kb;
using iris::test::KbdHarness;

namespace {

/// True while another process holds the file's write transaction.
bool writeLocked(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_BUSY;
}

QList<QJsonObject> corpus(int n, const QString& edition)
{
    QList<QJsonObject> list;
    for (int i = 0; i < n; ++i)
        list << KbdHarness::article(u"fiche-%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"Démarche %1"_s.arg(i),
            u"%1 : pièces à fournir pour la démarche %2, horaires de l'accueil, rendez-vous "
            "et délais de traitement du service municipal concerné."_s.arg(edition)
                .arg(i));
    return list;
}

} // namespace

class TestKbsyncKill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringApplyKeepsPreviousVersion()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        const QString secret = dir.filePath(u"secret.key"_s);
        const int total = 6000;
        QList<QJsonObject> articles = corpus(total, u"Édition 1"_s);
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);

        KbdHarness server;
        KbSyncConfig config;
        config.server = server.start(store);
        QVERIFY(config.server.isValid());
        config.publicKey = KbSyncConfig::readPublicKeyFile(dir.filePath(u"public.key"_s));
        const QString kb = dir.filePath(u"kb.sqlite"_s);
        const auto first = KbSyncClient(config).sync(kb);
        QVERIFY2(first, qPrintable(first.error().toString()));
        const QByteArray v1 = iris::test::kbFingerprint(kb);

        // v2: 2,500 of 6,000 articles rewritten — a big delta, still smaller than the snapshot.
        const QList<QJsonObject> edited = corpus(2500, u"Édition 2"_s);
        for (int i = 0; i < edited.size(); ++i)
            articles[i] = edited[i];
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);

        QProcess child;
        child.start(iris::test::binaryDir() + u"/bin/iris-cli"_s,
            { u"kb"_s, u"sync"_s, u"--kb"_s, kb, u"--server"_s, config.server.toString(), u"--public-key"_s,
                dir.filePath(u"public.key"_s), u"--progress"_s });
        QVERIFY(child.waitForStarted());
        // Wait until the child announces the apply, then until it holds the write transaction.
        QByteArray err;
        QDeadlineTimer deadline(60000);
        while (!err.contains("progress apply 0/") && !deadline.hasExpired()) {
            child.waitForReadyRead(20);
            err += child.readAllStandardError();
            QVERIFY2(child.state() == QProcess::Running, err.constData());
        }
        bool locked = false;
        while (!locked && !deadline.hasExpired() && child.state() == QProcess::Running)
            locked = writeLocked(kb);
        QVERIFY2(locked, "the child finished before it could be killed mid-apply");
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        QCOMPARE(iris::test::kbFingerprint(kb), v1);
        QCOMPARE(iris::test::kbVersion(kb), 1);
        {
            auto s = KbStore::open(kb);
            QVERIFY((*s)->article(u"fiche-00000"_s)->body.startsWith(u"Édition 1"_s));
        }

        const auto next = KbSyncClient(config).sync(kb);
        QVERIFY2(next, qPrintable(next.error().toString()));
        QCOMPARE(next->kind, KbSyncOutcome::Kind::Delta);
        QCOMPARE(next->version, 2);
        QCOMPARE(next->updated, 2500);
        auto s = KbStore::open(kb);
        QVERIFY((*s)->article(u"fiche-00000"_s)->body.startsWith(u"Édition 2"_s));
        QCOMPARE((*s)->info()->articles, total);
    }
};

QTEST_GUILESS_MAIN(TestKbsyncKill)
#include "tst_kbsync_kill.moc"
