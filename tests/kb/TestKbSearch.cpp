// kb_search: the search engine on a real knowledge-base file — hostile queries,
// exact forms above stems, typos, synonyms, as-you-type prefixes, snippets, weights.
#include "knowledgebase/FrenchAnalyzer.h"
#include "knowledgebase/KbQueryBuilder.h"
#include "knowledgebase/KbSearcher.h"
#include "knowledgebase/KbSynonyms.h"
#include "knowledgebase/KbVocabulary.h"
#include "tests/kb/KbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace iris::kb;
using namespace iris::kb::test;

class TestKbSearch final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<KbStore> m_store;
    std::unique_ptr<KbSearcher> m_searcher;

    QStringList ids(const QString& query, int limit = 10, bool typing = true)
    {
        KbSearchOptions options;
        options.limit = limit;
        options.typing = typing;
        auto result = m_searcher->search(query, options);
        if (!result)
            qWarning("search failed: %s", qPrintable(result.error().detail()));
        QStringList out;
        if (result) {
            for (const KbSearchHit& h : result->hits)
                out << h.uid;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("kb.sqlite"));
        auto store = KbStore::open(m_path);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        m_store = std::move(store.value());
        QByteArray data;
        data += jsonLine(QStringLiteral("cimetiere-pluriel"), QStringLiteral("Le cimetière communal"),
            QStringLiteral("Les concessions funéraires sont renouvelables. Horaires du cimetière."));
        data += jsonLine(QStringLiteral("cimetiere-singulier"), QStringLiteral("Reprise de tombe"),
            QStringLiteral("Une concession funéraire non renouvelée est reprise par la commune."));
        data += jsonLine(QStringLiteral("jardins-pluriel"), QStringLiteral("Vie de quartier"),
            QStringLiteral("Les jardins partagés accueillent les habitants."));
        data += jsonLine(QStringLiteral("jardin-singulier"), QStringLiteral("Vie associative"),
            QStringLiteral("Un jardin partagé est animé par une association."));
        data += jsonLine(QStringLiteral("creche"), QStringLiteral("Demande de place en crèche"),
            QStringLiteral("Déposer la demande de place dès le sixième mois de grossesse."),
            { QStringLiteral("PETITE ENFANCE") }, QStringLiteral("Inscription en crèche sur rendez-vous."));
        data += jsonLine(QStringLiteral("logement"), QStringLiteral("Les logements sociaux"),
            QStringLiteral("Le service logement enregistre la demande de logement social."));
        data += jsonLine(QStringLiteral("carte-grise"), QStringLiteral("Titres de circulation"),
            QStringLiteral("Le certificat d'immatriculation se demande en ligne."));
        data += jsonLine(QStringLiteral("pacs"), QStringLiteral("Conclure un pacte"),
            QStringLiteral("Le pacte civil de solidarité est enregistré en mairie."));
        data += jsonLine(QStringLiteral("title-match"), QStringLiteral("Piscine municipale"),
            QStringLiteral("Horaires et tarifs des bassins."));
        data += jsonLine(QStringLiteral("body-match"), QStringLiteral("Équipements sportifs"),
            QStringLiteral("Gymnases, stades et une piscine parmi d'autres équipements."));
        for (int i = 0; i < 20; ++i)
            data += jsonLine(QStringLiteral("filler-%1").arg(i), QStringLiteral("Actualité %1").arg(i),
                QStringLiteral("La ville organise une fête de quartier numéro %1 avec les associations.")
                    .arg(i));
        const KbImportReport report = importText(*m_store, data);
        QCOMPARE(report.changes.added, 30);
        auto searcher = KbSearcher::open(m_path);
        QVERIFY(searcher);
        m_searcher = std::move(searcher.value());
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces") << QStringLiteral("   \t ");
        QTest::newRow("quotes") << QStringLiteral("\"crèche \"\"place\"");
        QTest::newRow("unbalanced quote") << QStringLiteral("crèche\"");
        QTest::newRow("star") << QStringLiteral("* cr* *");
        QTest::newRow("NEAR") << QStringLiteral("NEAR(crèche place, 2)");
        QTest::newRow("AND OR NOT") << QStringLiteral("crèche AND OR NOT place");
        QTest::newRow("parentheses") << QStringLiteral("((crèche) place))(");
        QTest::newRow("column filter") << QStringLiteral("title: crèche {body} : place ^start");
        QTest::newRow("emoji") << QStringLiteral("🙂 crèche 🚀");
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE kb_article; --");
        QTest::newRow("control chars") << QString::fromUtf8("cr\x01\x02\x03"
                                                            "\xc3\xa8"
                                                            "che");
        QTest::newRow("stop words only") << QStringLiteral("le la les de du");
        QTest::newRow("very long") << QString(QStringLiteral("crèche place logement ")).repeated(2000);
        QTest::newRow("stem marker") << QStringLiteral("~crech ~~ ~");
    }
    void hostileQueries()
    {
        QFETCH(QString, query);
        for (bool typing : { true, false }) {
            KbSearchOptions options;
            options.typing = typing;
            auto result = m_searcher->search(query, options);
            QVERIFY2(result, qPrintable(result ? QString() : result.error().detail()));
        }
        QCOMPARE(m_store->info()->articles, qint64(30)); // nothing was dropped
    }

    void hostileQueriesStillFindWords()
    {
        QCOMPARE(ids(QStringLiteral("\"crèche\" AND (place)")).value(0), QStringLiteral("creche"));
        QCOMPARE(ids(QStringLiteral("NEAR(crèche)")).value(0), QStringLiteral("creche"));
    }

    void exactFormRanksAboveStem()
    {
        // Both pages match through the stem; the one written like the query wins.
        const QStringList plural = ids(QStringLiteral("jardins partagés"), 10, false);
        QCOMPARE(plural.value(0), QStringLiteral("jardins-pluriel"));
        QCOMPARE(plural.value(1), QStringLiteral("jardin-singulier"));
        const QStringList singular = ids(QStringLiteral("jardin partagé"), 10, false);
        QCOMPARE(singular.value(0), QStringLiteral("jardin-singulier"));
        QCOMPARE(singular.value(1), QStringLiteral("jardins-pluriel"));
        // "concessions funéraires" finds "concession funéraire" (stemming).
        QVERIFY(ids(QStringLiteral("concessions funéraires"), 10, false)
                    .contains(QStringLiteral("cimetiere-singulier")));
    }

    void accentsAndCaseDoNotMatter()
    {
        QCOMPARE(ids(QStringLiteral("CIMETIERE")).value(0), QStringLiteral("cimetiere-pluriel"));
        QCOMPARE(ids(QStringLiteral("creche")).value(0), QStringLiteral("creche"));
    }

    void titleWeighsMoreThanBody()
    {
        const QStringList found = ids(QStringLiteral("piscine"), 10, false);
        QCOMPARE(found.value(0), QStringLiteral("title-match"));
        QCOMPARE(found.value(1), QStringLiteral("body-match"));
    }

    void typos_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("creshe plase") << QStringLiteral("creshe plase") << QStringLiteral("creche");
        QTest::newRow("logemnt socail") << QStringLiteral("logemnt socail") << QStringLiteral("logement");
        QTest::newRow("cimetierre") << QStringLiteral("cimetierre") << QStringLiteral("cimetiere-pluriel");
    }
    void typos()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        KbSearchOptions options;
        options.typing = false;
        auto result = m_searcher->search(query, options);
        QVERIFY(result);
        QVERIFY(!result->hits.isEmpty());
        QCOMPARE(result->hits.first().uid, expected);
        QVERIFY(!result->corrections.isEmpty());
    }

    void twoEditFixesKeepTheFirstLetter()
    {
        KbVocabulary vocabulary;
        vocabulary.assign(
            { { "passeport", 2 }, { "rapport", 40 }, { "support", 40 }, { "~passeport", 2 } }, 100);
        // "rapport" is two edits from "pasport" too, and more frequent: not a fix.
        const auto fixes = vocabulary.corrections("pasport", 2, 5);
        QCOMPARE(fixes.size(), size_t(1));
        QCOMPARE(fixes.front().term, std::string("passeport"));
        QCOMPARE(fixes.front().distance, 2);
        // One edit may still touch the first letter, and a swap is one edit.
        const auto first = vocabulary.corrections("bapport", 2, 5);
        QCOMPARE(first.size(), size_t(1));
        QCOMPARE(first.front().term, std::string("rapport"));
        QCOMPARE(vocabulary.corrections("suppotr", 1, 5).front().term, std::string("support"));
        QVERIFY(vocabulary.corrections("", 2, 5).empty());

        QCOMPARE(KbQueryBuilder::typoEdits(3), 0);
        QCOMPARE(KbQueryBuilder::typoEdits(4), 1);
        QCOMPARE(KbQueryBuilder::typoEdits(6), 1);
        QCOMPARE(KbQueryBuilder::typoEdits(7), 2);
    }

    // A synonym or a completion stands for the word typed: however rare it is, it never
    // weighs more than the word itself ("crèche" against "halte-garderie", issue 10).
    void alternativesNeverOutweighTheWordTyped()
    {
        KbVocabulary vocabulary;
        vocabulary.assign({ { "creche", 4 }, { "creches", 1 }, { "~crech", 5 }, { "halte", 1 },
                              { "~halt", 1 }, { "garderie", 1 }, { "~garder", 1 } },
            43);
        FrenchAnalyzer analyzer;
        const auto synonyms = KbQueryBuilder::analyzeSynonyms(
            analyzer, { { QStringLiteral("crèche"), QStringLiteral("halte-garderie") } });
        QCOMPARE(synonyms.size(), size_t(1));
        const KbQueryBuilder builder(analyzer, vocabulary, synonyms);
        const KbQueryPlan plan = builder.build(QStringLiteral("creche"), true);
        QCOMPARE(plan.groups.size(), size_t(1));
        double exact = 0;
        double synonym = 0;
        double completion = 0;
        for (const auto& a : plan.groups.front().alternatives) {
            if (a.phrase == "creche")
                exact = a.weight;
            else if (a.phrase == "~halt ~garder")
                synonym = a.weight;
            else if (a.phrase == "creches")
                completion = a.weight;
        }
        QVERIFY(exact > 0);
        QVERIFY(synonym > 0);
        QVERIFY(completion > 0);
        QVERIFY2(synonym < exact, qPrintable(QStringLiteral("%1 vs %2").arg(synonym).arg(exact)));
        QVERIFY2(completion < exact, qPrintable(QStringLiteral("%1 vs %2").arg(completion).arg(exact)));
    }

    void synonymsFromDefaults()
    {
        QCOMPARE(ids(QStringLiteral("HLM")).value(0), QStringLiteral("logement"));
        QCOMPARE(ids(QStringLiteral("carte grise")).value(0), QStringLiteral("carte-grise"));
        QCOMPARE(ids(QStringLiteral("PACS")).value(0), QStringLiteral("pacs"));
        QCOMPARE(ids(QStringLiteral("multi-accueil")).value(0), QStringLiteral("creche"));
    }

    void synonymsEditedByEditors()
    {
        QVERIFY(ids(QStringLiteral("nageoire")).isEmpty());
        KbSynonyms synonyms(m_store->connection());
        auto id = synonyms.addGroup({ QStringLiteral("nageoire"), QStringLiteral("piscine") });
        QVERIFY(id);
        // The searcher has its own connection and notices the change.
        QCOMPARE(ids(QStringLiteral("nageoire")).value(0), QStringLiteral("title-match"));
        QVERIFY(synonyms.updateGroup(*id, { QStringLiteral("nageoire"), QStringLiteral("cimetière") }));
        QCOMPARE(ids(QStringLiteral("nageoire")).value(0), QStringLiteral("cimetiere-pluriel"));
        QVERIFY(synonyms.removeGroup(*id));
        QVERIFY(ids(QStringLiteral("nageoire")).isEmpty());
        QVERIFY(!synonyms.addGroup({ QStringLiteral("seul") }));
        QCOMPARE(synonyms.removeGroup(*id).error().code(), iris::ErrorCode::NotFound);
    }

    void lastWordIsAPrefixWhileTyping()
    {
        QCOMPARE(ids(QStringLiteral("cimet")).value(0), QStringLiteral("cimetiere-pluriel"));
        QCOMPARE(ids(QStringLiteral("demande de pla")).value(0), QStringLiteral("creche"));
        // A finished word (trailing space) is not completed.
        QVERIFY(!ids(QStringLiteral("cimet ")).contains(QStringLiteral("cimetiere-pluriel")));
        QVERIFY(!ids(QStringLiteral("cimet"), 10, false).contains(QStringLiteral("cimetiere-pluriel")));
    }

    void snippetsHighlightMatchesSafely()
    {
        KbSearchOptions options;
        auto result = m_searcher->search(QStringLiteral("renouvelables"), options);
        QVERIFY(result);
        QVERIFY(!result->hits.isEmpty());
        const KbSearchHit& hit = result->hits.first();
        QVERIFY(hit.snippet.contains(KbSearchHit::SnippetStart));
        QVERIFY(hit.snippetHtml().contains(QStringLiteral("<mark>renouvelables</mark>")));
        QVERIFY(!hit.snippetText().contains(KbSearchHit::SnippetStart));
        QCOMPARE(hit.title, QStringLiteral("Le cimetière communal"));
        QCOMPARE(hit.url, QStringLiteral("https://www.issy.com/cimetiere-pluriel"));

        KbSearchHit crafted;
        crafted.snippet = QStringLiteral("<script>alert(1)</script> ") + KbSearchHit::SnippetStart
            + QStringLiteral("a&b") + KbSearchHit::SnippetEnd;
        QCOMPARE(crafted.snippetHtml(),
            QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; <mark>a&amp;b</mark>"));
    }

    void limitIsHonoured()
    {
        QCOMPARE(ids(QStringLiteral("fête quartier"), 5).size(), 5);
        QCOMPARE(ids(QStringLiteral("fête quartier"), 50).size(), 21); // 20 fillers + "Vie de quartier"
    }

    void notAKnowledgeBase()
    {
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        QFile file(other);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database at all, just text");
        file.close();
        auto searcher = KbSearcher::open(other);
        QVERIFY(!searcher);
        QVERIFY(!searcher.error().message().isEmpty());
        QVERIFY(!KbSearcher::open(m_dir.filePath(QStringLiteral("missing.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestKbSearch)
#include "TestKbSearch.moc"
