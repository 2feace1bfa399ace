// Sync client against the real iris-kbd: first sync, deltas, up to date, drift
// repair, searches during a sync (worker thread).

#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbSearcher.h"
#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncClient.h"
#include "knowledgebase/sync/KbSyncWorker.h"
#include "tests/kbsync/KbFingerprint.h"
#include "tests/kbsync/KbdHarness.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace iris::kb;
using iris::test::KbdHarness;

class TestKbsyncClient final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    KbdHarness m_server;
    KbSyncConfig m_config;
    QList<QJsonObject> m_articles;

    void publish()
    {
        const QString jsonl = m_dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, m_articles);
        const auto r = KbdHarness::publish(m_store, jsonl, m_dir.filePath(u"secret.key"_s));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    QStringList searchUids(const QString& kb, const QString& query)
    {
        auto searcher = KbSearcher::open(kb);
        if (!searcher)
            return { u"error: "_s + searcher.error().message() };
        auto result = (*searcher)->search(query);
        QStringList uids;
        if (result) {
            for (const KbSearchHit& h : result->hits)
                uids << h.uid;
        }
        return uids;
    }

    int logCountSince(int mark, const QString& what)
    {
        const QStringList lines = m_server.logLines();
        int n = 0;
        for (int i = mark; i < lines.size(); ++i)
            n += lines.at(i).contains(what) ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(KbdHarness::keygen(m_dir.path()));
        m_store = m_dir.filePath(u"store"_s);
        for (int i = 0; i < 60; ++i)
            m_articles << KbdHarness::article(u"fiche-%1"_s.arg(i, 2, 10, QLatin1Char('0')),
                u"Démarche administrative %1"_s.arg(i),
                u"Les pièces justificatives de la démarche %1 sont listées ici."_s.arg(i));
        m_articles[5] = KbdHarness::article(u"fiche-05"_s, u"Concessions funéraires au cimetière"_s,
            u"Acheter ou renouveler une concession au cimetière communal."_s);
        publish();
        m_config.server = m_server.start(m_store);
        QVERIFY(m_config.server.isValid());
        m_config.publicKey = KbSyncConfig::readPublicKeyFile(m_dir.filePath(u"public.key"_s));
        QCOMPARE(m_config.publicKey.size(), 32);
        m_config.totalTimeoutMs = 30000;
    }

    void firstSyncTakesSnapshotAndReplacesDemoContent()
    {
        const QString kb = m_dir.filePath(u"first.sqlite"_s);
        QVERIFY(KbImporter::ensureSeeded(kb)); // the app's first run: demo articles
        KbSyncClient client(m_config);
        const auto r = client.sync(kb);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QCOMPARE(r->kind, KbSyncOutcome::Kind::Snapshot);
        QCOMPARE(r->version, 1);
        QCOMPARE(r->requests, 2);
        QVERIFY(r->removed > 0); // the demo articles are not on the server
        auto store = KbStore::open(kb);
        QVERIFY(store);
        QCOMPARE((*store)->info()->articles, 60);
        QCOMPARE((*store)->contentVersion(), 1);
        QCOMPARE(searchUids(kb, u"concessions funéraires"_s).value(0), u"fiche-05"_s);
    }

    void deltaCarriesChangesDeletionsAdditions()
    {
        const QString kb = m_dir.filePath(u"delta.sqlite"_s);
        KbSyncClient client(m_config);
        QVERIFY(client.sync(kb));

        m_articles[10][u"title"_s] = u"Recensement citoyen à seize ans"_s;
        m_articles[10][u"owner"_s] = u"Service des affaires civiles"_s;
        m_articles.removeAt(20); // fiche-20
        m_articles << KbdHarness::article(u"logement-social"_s, u"Demande de logement social"_s,
            u"Le numéro unique régional est attribué sous un mois."_s);
        publish();

        const int mark = m_server.logLines().size();
        const auto r = client.sync(kb);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QCOMPARE(r->kind, KbSyncOutcome::Kind::Delta);
        QCOMPARE(r->fromVersion, 1);
        QCOMPARE(r->version, 2);
        QCOMPARE(r->added, 1);
        QCOMPARE(r->updated, 1);
        QCOMPARE(r->removed, 1);
        QTRY_COMPARE(logCountSince(mark, u"\"path\":\"/v1/delta/1/2\""_s), 1);
        QCOMPARE(logCountSince(mark, u"/v1/snapshot"_s), 0); // only what changed travelled

        auto store = KbStore::open(kb);
        QVERIFY(store);
        QCOMPARE((*store)->contentVersion(), 2);
        QCOMPARE((*store)->article(u"fiche-10"_s)->ownerService, u"Service des affaires civiles"_s);
        QVERIFY(!(*store)->article(u"fiche-20"_s));
        QCOMPARE(searchUids(kb, u"logemnt socail"_s).value(0), u"logement-social"_s);
        QCOMPARE(searchUids(kb, u"recensement"_s).value(0), u"fiche-10"_s);
    }

    void upToDateCostsOneRequestAnswered304()
    {
        const QString kb = m_dir.filePath(u"delta.sqlite"_s);
        const QByteArray before = iris::test::kbFingerprint(kb);
        const int mark = m_server.logLines().size();
        KbSyncClient client(m_config);
        const auto r = client.sync(kb);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QCOMPARE(r->kind, KbSyncOutcome::Kind::UpToDate);
        QCOMPARE(r->requests, 1);
        QCOMPARE(r->bytes, 0);
        QTRY_COMPARE(m_server.logLines().size(), mark + 1);
        QVERIFY(m_server.logLines().constLast().contains(u"\"status\":304"_s));
        QCOMPARE(iris::test::kbFingerprint(kb), before);
    }

    void localChangesAreRepairedFromSnapshot()
    {
        const QString kb = m_dir.filePath(u"delta.sqlite"_s);
        QVERIFY(KbImporter::importDemoContent(**KbStore::open(kb))); // content changed outside sync
        QVERIFY(iris::test::kbVersion(kb) != 2);
        KbSyncClient client(m_config);
        const auto r = client.sync(kb);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QCOMPARE(r->kind, KbSyncOutcome::Kind::Snapshot);
        QCOMPARE(iris::test::kbVersion(kb), 2);
        QCOMPARE((*KbStore::open(kb))->info()->articles, 60);
    }

    void searchesKeepWorkingDuringSync()
    {
        for (int i = 0; i < 1500; ++i)
            m_articles << KbdHarness::article(u"masse-%1"_s.arg(i), u"Article de masse %1"_s.arg(i),
                u"Texte répété sur le cimetière, la crèche et l'état civil %1."_s.arg(i));
        publish();
        const QString kb = m_dir.filePath(u"delta.sqlite"_s);
        auto searcher = KbSearcher::open(kb);
        QVERIFY(searcher);

        QThread thread;
        KbSyncWorker worker(kb, m_config);
        worker.moveToThread(&thread);
        thread.start();
        QSignalSpy succeeded(&worker, &KbSyncWorker::succeeded);
        QSignalSpy failed(&worker, &KbSyncWorker::failed);
        QSignalSpy progress(&worker, &KbSyncWorker::progress);
        QMetaObject::invokeMethod(&worker, &KbSyncWorker::synchronize, Qt::QueuedConnection);
        int searches = 0;
        while (succeeded.isEmpty() && failed.isEmpty()) {
            const auto r = (*searcher)->search(u"concession cimetière"_s);
            QVERIFY2(r, qPrintable(r.error().toString()));
            QVERIFY(!r->hits.isEmpty());
            ++searches;
            QCoreApplication::processEvents();
        }
        thread.quit();
        thread.wait();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(searches > 1);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(succeeded.first().first().value<KbSyncOutcome>().version, 3);
        QCOMPARE((*searcher)->search(u"article de masse 1499"_s)->hits.value(0).uid, u"masse-1499"_s);
    }
};

QTEST_GUILESS_MAIN(TestKbsyncClient)
#include "tst_kbsync_client.moc"
