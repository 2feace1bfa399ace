// kb_import: JSON Lines import — malformed lines, one transaction, idempotence,
// versions, and the change API the sync client will use.
#include "knowledgebase/KbSearcher.h"
#include "tests/kb/KbTestSupport.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace iris::kb;
using namespace iris::kb::test;

class TestKbImport final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    std::unique_ptr<KbStore> newStore()
    {
        auto store = KbStore::open(m_dir.filePath(QStringLiteral("kb-%1.sqlite").arg(++m_counter)));
        if (!store)
            qFatal("%s", qPrintable(store.error().toString()));
        return std::move(store.value());
    }

private Q_SLOTS:
    void malformedLinesAreReportedAndSkipped()
    {
        auto store = newStore();
        QByteArray data;
        data += jsonLine(QStringLiteral("a"), QStringLiteral("Premier"), QStringLiteral("corps")); // line 1
        data += "{ this is not json\n"; // line 2
        data += "\n"; // line 3 (blank)
        data += "[1, 2, 3]\n"; // line 4
        data += "{\"id\": \"b\", \"body\": \"sans titre\"}\n"; // line 5
        data += "{\"id\": \"c\", \"title\": \"Mauvaise date\", \"updated\": \"31/12/2025\"}\n"; // line 6
        data += "{\"id\": \"d\", \"title\": \"Étiquettes\", \"tags\": \"pas une liste\"}\n"; // line 7
        data += jsonLine(QStringLiteral("a"), QStringLiteral("Doublon"), QStringLiteral("x")); // line 8
        data += jsonLine(QStringLiteral("e"), QStringLiteral("Dernier"), QStringLiteral("corps")); // line 9
        const KbImportReport report = importText(*store, data);
        QCOMPARE(report.lines, 9);
        QCOMPARE(report.changes.added, 2);
        QList<int> lines;
        for (const ImportIssue& issue : report.issues) {
            lines << issue.line;
            QVERIFY(!issue.message.isEmpty());
        }
        QCOMPARE(lines, (QList<int> { 2, 4, 5, 6, 7, 8 }));
        QVERIFY(report.issues.at(2).message.contains(QStringLiteral("title")));
        QVERIFY(report.issues.at(5).message.contains(QStringLiteral("ligne 1")));
        QCOMPARE(store->info()->articles, qint64(2));
        QCOMPARE(store->article(QStringLiteral("a"))->title, QStringLiteral("Premier"));
    }

    void reimportChangesNothing()
    {
        auto store = newStore();
        const QString city = iris::test::sharedDir() + QStringLiteral("/kb/city-site.jsonl");
        auto first = KbImporter::importFile(*store, city);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        QCOMPARE(first->changes.added, 195);
        QVERIFY(first->issues.isEmpty());
        QCOMPARE(first->changes.version, qint64(1));
        const QString hash = store->article(QStringLiteral("iris"))->contentHash;

        auto second = KbImporter::importFile(*store, city);
        QVERIFY(second);
        QCOMPARE(second->changes.added, 0);
        QCOMPARE(second->changes.updated, 0);
        QCOMPARE(second->changes.unchanged, 195);
        QCOMPARE(second->changes.version, qint64(1));
        QCOMPARE(store->contentVersion(), qint64(1));
        QCOMPARE(store->article(QStringLiteral("iris"))->version, 1);
        QCOMPARE(store->article(QStringLiteral("iris"))->contentHash, hash);
    }

    void changedArticleGetsANewVersion()
    {
        auto store = newStore();
        importText(*store,
            jsonLine(QStringLiteral("a"), QStringLiteral("Horaires"), QStringLiteral("Ouvert le lundi")));
        const KbImportReport report = importText(*store,
            jsonLine(QStringLiteral("a"), QStringLiteral("Horaires"), QStringLiteral("Ouvert le mardi")));
        QCOMPARE(report.changes.updated, 1);
        QCOMPARE(report.changes.version, qint64(2));
        QCOMPARE(store->article(QStringLiteral("a"))->version, 2);
        // The index follows: the old word is gone, the new one is found.
        auto searcher = KbSearcher::open(store->path());
        QVERIFY(searcher);
        QVERIFY((*searcher)->search(QStringLiteral("lundi"))->hits.isEmpty());
        QCOMPARE((*searcher)->search(QStringLiteral("mardi"))->hits.value(0).uid, QStringLiteral("a"));
    }

    void importIsOneTransaction()
    {
        auto store = newStore();
        importText(
            *store, jsonLine(QStringLiteral("keep"), QStringLiteral("Existant"), QStringLiteral("texte")));
        // A constraint outside the importer fails on the third article: nothing of the
        // batch may stay, not even the two articles before it.
        QVERIFY(store->connection().exec("CREATE TRIGGER refuse BEFORE INSERT ON kb_article "
                                         "WHEN new.uid = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
        QByteArray data;
        data += jsonLine(QStringLiteral("one"), QStringLiteral("Un"), QStringLiteral("x"));
        data += jsonLine(QStringLiteral("two"), QStringLiteral("Deux"), QStringLiteral("x"));
        data += jsonLine(QStringLiteral("boom"), QStringLiteral("Trois"), QStringLiteral("x"));
        data += jsonLine(QStringLiteral("keep"), QStringLiteral("Modifié"), QStringLiteral("x"));
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        auto report = KbImporter::importDevice(*store, buffer);
        QVERIFY(!report);
        QVERIFY(report.error().message().contains(QStringLiteral("boom")));
        QCOMPARE(store->info()->articles, qint64(1));
        QCOMPARE(store->article(QStringLiteral("keep"))->title, QStringLiteral("Existant"));
        QCOMPARE(store->contentVersion(), qint64(1));
        auto searcher = KbSearcher::open(store->path());
        QVERIFY((*searcher)->search(QStringLiteral("deux"))->hits.isEmpty());
    }

    void changeSetsForSync()
    {
        auto store = newStore();
        QByteArray data;
        data += jsonLine(QStringLiteral("a"), QStringLiteral("Piscine"), QStringLiteral("bassin"));
        data += jsonLine(QStringLiteral("b"), QStringLiteral("Cimetière"), QStringLiteral("concession"));
        importText(*store, data);
        KbChangeSet changes;
        changes.removals << QStringLiteral("a") << QStringLiteral("unknown");
        KbArticle c;
        c.uid = QStringLiteral("c");
        c.title = QStringLiteral("Médiathèque");
        c.body = QStringLiteral("prêt de livres");
        changes.upserts << c;
        auto report = store->applyChanges(changes, 42);
        QVERIFY(report);
        QCOMPARE(report->removed, 1);
        QCOMPARE(report->added, 1);
        QCOMPARE(store->contentVersion(), qint64(42));
        QCOMPARE(*store->allUids(), (QStringList { QStringLiteral("b"), QStringLiteral("c") }));
        // Term statistics follow incremental changes (typo fixes and IDF rely on them).
        auto searcher = KbSearcher::open(store->path());
        QCOMPARE((*searcher)->search(QStringLiteral("mediatheque"))->hits.value(0).uid, QStringLiteral("c"));
        QCOMPARE((*searcher)->search(QStringLiteral("mediateque"))->hits.value(0).uid, QStringLiteral("c"));
        QVERIFY((*searcher)->search(QStringLiteral("bassin"))->hits.isEmpty());
    }

    void vocabularyMatchesTheIndexAfterIncrementalChanges()
    {
        // kb_vocab must hold exactly the index's terms and document counts after a small
        // change set (adjusted term by term, not rebuilt): removals, an update dropping
        // and adding words, an article removed then re-added, one upserted twice.
        auto store = newStore();
        QByteArray data;
        data += jsonLine(QStringLiteral("a"), QStringLiteral("Piscine municipale"),
            QStringLiteral("Le bassin olympique ouvre le lundi."), { QStringLiteral("sport") });
        data += jsonLine(QStringLiteral("b"), QStringLiteral("Cimetière communal"),
            QStringLiteral("Les concessions funéraires se renouvellent le lundi."));
        data += jsonLine(QStringLiteral("c"), QStringLiteral("Médiathèque"),
            QStringLiteral("Prêt de livres et de disques."));
        data += jsonLine(
            QStringLiteral("d"), QStringLiteral("Crèche"), QStringLiteral("Multi-accueil collectif."));
        importText(*store, data);
        const auto vocabulary = [&]() {
            QMap<QString, qint64> terms;
            SqliteStatement s = store->connection().prepare("SELECT term, df FROM kb_vocab");
            while (s.step())
                terms.insert(s.text(0), s.int64(1));
            return terms;
        };
        const auto indexed = [&]() {
            QMap<QString, qint64> terms;
            (void)store->connection().exec(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.t_terms USING fts5vocab('main', 'kb_fts', 'row')");
            SqliteStatement s = store->connection().prepare("SELECT term, doc FROM temp.t_terms");
            while (s.step())
                terms.insert(s.text(0), s.int64(1));
            return terms;
        };
        QCOMPARE(vocabulary(), indexed());
        QCOMPARE(vocabulary().value(QStringLiteral("lundi")), qint64(2));

        KbChangeSet changes;
        changes.removals << QStringLiteral("a") << QStringLiteral("d");
        KbArticle b = *store->article(QStringLiteral("b"));
        b.body = QStringLiteral("Les columbariums accueillent les urnes.");
        b.contentHash.clear();
        KbArticle c = *store->article(QStringLiteral("c"));
        c.body = QStringLiteral("Prêt de livres, de jeux et de partitions.");
        c.contentHash.clear();
        KbArticle d;
        d.uid = QStringLiteral("d");
        d.title = QStringLiteral("Crèche familiale");
        d.body = QStringLiteral("Assistantes maternelles le lundi.");
        KbArticle cAgain = c;
        cAgain.body = QStringLiteral("Prêt de livres et de partitions.");
        changes.upserts << b << c << d << cAgain;
        auto report = store->applyChanges(changes, 7);
        QVERIFY(report);
        QCOMPARE(report->removed, 2);
        QCOMPARE(report->added, 1);
        QCOMPARE(report->updated, 3);

        const QMap<QString, qint64> after = vocabulary();
        QCOMPARE(after, indexed());
        QVERIFY(!after.contains(QStringLiteral("bassin"))); // only in a removed article
        QVERIFY(!after.contains(QStringLiteral("concessions"))); // dropped by b's update
        QVERIFY(!after.contains(QStringLiteral("disques"))); // dropped by c's update
        QVERIFY(!after.contains(QStringLiteral("jeux"))); // added then dropped in the same batch
        QCOMPARE(after.value(QStringLiteral("columbariums")), qint64(1));
        QCOMPARE(after.value(QStringLiteral("lundi")), qint64(1)); // a gone, b changed, d re-added
        QCOMPARE(after.value(QStringLiteral("creche")), qint64(1)); // d removed then re-added
    }

    void refusesForeignFiles()
    {
        const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE something(x)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        auto store = KbStore::open(path);
        QVERIFY(!store);
        QCOMPARE(store.error().code(), iris::ErrorCode::InvalidArgument);
        QVERIFY(!KbImporter::importFile(*newStore(), m_dir.filePath(QStringLiteral("missing.jsonl"))));
    }

    void demoContentLoadsOnFirstStart()
    {
        const QString path = m_dir.filePath(QStringLiteral("first-start.sqlite"));
        auto seeded = KbImporter::ensureSeeded(path);
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().toString()));
        QVERIFY(seeded->issues.isEmpty());
        QVERIFY(seeded->changes.added >= 40);
        auto again = KbImporter::ensureSeeded(path);
        QVERIFY(again);
        QCOMPARE(again->changes.added, 0);
        auto store = KbStore::open(path);
        const KbArticle a = *(*store)->article(QStringLiteral("iris-horaires-contacts"));
        QCOMPARE(a.ownerService, QStringLiteral("Service IRIS"));
        QVERIFY(a.reviewBy.isValid());
    }
};

QTEST_GUILESS_MAIN(TestKbImport)
#include "TestKbImport.moc"
