// kb_tokenizer: the French analysis shared by indexing and queries.
#include "knowledgebase/FrenchAnalyzer.h"

#include <QTest>
#include <string>
#include <vector>

using namespace iris::kb;

class TestFrenchAnalyzer final : public QObject
{
    Q_OBJECT

    static std::vector<std::string> folded(const QString& text)
    {
        FrenchAnalyzer analyzer;
        std::vector<std::string> out;
        const QByteArray utf8 = text.toUtf8();
        analyzer.analyze(std::string_view(utf8.constData(), size_t(utf8.size())),
            [&](const AnalyzedToken& t) { out.push_back(t.folded); });
        return out;
    }
    static std::vector<std::string> stems(const QString& text)
    {
        FrenchAnalyzer analyzer;
        std::vector<std::string> out;
        const QByteArray utf8 = text.toUtf8();
        analyzer.analyze(std::string_view(utf8.constData(), size_t(utf8.size())),
            [&](const AnalyzedToken& t) { out.push_back(t.stem.empty() ? t.folded : t.stem); });
        return out;
    }
    using Words = std::vector<std::string>;

private Q_SLOTS:
    void elisions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("l'") << QStringLiteral("l'état civil") << QStringLiteral("etat civil");
        QTest::newRow("d' typographic")
            << QStringLiteral("demande d’inscription") << QStringLiteral("demande inscription");
        QTest::newRow("qu'") << QStringLiteral("qu'il") << QString();
        QTest::newRow("jusqu'") << QStringLiteral("jusqu'au samedi") << QStringLiteral("samedi");
        QTest::newRow("s' n' j' c'") << QStringLiteral("s'inscrire n'oubliez j'habite c'est")
                                     << QStringLiteral("inscrire oubliez habite");
        QTest::newRow("lorsqu'") << QStringLiteral("lorsqu'une famille") << QStringLiteral("famille");
        QTest::newRow("not an elision") << QStringLiteral("aujourd'hui") << QStringLiteral("aujourd hui");
        QTest::newRow("uppercase L'") << QStringLiteral("L'ÉCOLE") << QStringLiteral("ecole");
    }
    void elisions()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Words want;
        for (const QString& w : expected.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            want.push_back(w.toStdString());
        QCOMPARE(folded(text), want);
    }

    void accentsCaseAndLigatures()
    {
        QCOMPARE(folded(QStringLiteral("CRÈCHE Crèche crèche creche")),
            (Words { "creche", "creche", "creche", "creche" }));
        QCOMPARE(folded(QStringLiteral("Œuvre cœur Ægypte")), (Words { "oeuvre", "coeur", "aegypte" }));
        QCOMPARE(folded(QStringLiteral("Noël façade où")), (Words { "noel", "facade" }));
        // Decomposed input (e + combining acute) folds like the precomposed letter.
        QCOMPARE(folded(QStringLiteral("e\u0301tat")), (Words { "etat" }));
    }

    void separatorsNumbersAndEmoji()
    {
        QCOMPARE(folded(QStringLiteral("rendez-vous à 8h30, 01 41 23 80 00 📨 !")),
            (Words { "rendez", "8h30", "01", "41", "23", "80", "00" }));
        QCOMPARE(folded(QStringLiteral("😀🎉 *** \"\" ()")), Words {});
        QCOMPARE(folded(QString()), Words {});
    }

    void stopWords()
    {
        QCOMPARE(folded(QStringLiteral("comment faire une demande pour le logement de ma fille ?")),
            (Words { "demande", "logement", "fille" }));
        QVERIFY(FrenchAnalyzer::isStopWord("les"));
        QVERIFY(!FrenchAnalyzer::isStopWord("logement"));
    }

    void stemming()
    {
        // Singular and plural, with or without accents, meet on the same stem.
        QCOMPARE(
            stems(QStringLiteral("concessions funéraires")), stems(QStringLiteral("concession funeraire")));
        QCOMPARE(stems(QStringLiteral("logements sociaux")), stems(QStringLiteral("logement social")));
        QCOMPARE(stems(QStringLiteral("inscriptions")), stems(QStringLiteral("inscription")));
        QVERIFY(stems(QStringLiteral("crèche")) != stems(QStringLiteral("cimetière")));
        // Numbers are not stemmed.
        QCOMPARE(stems(QStringLiteral("2026")), (Words { "2026" }));
    }

    void offsetsPointIntoTheInput()
    {
        FrenchAnalyzer analyzer;
        const QByteArray utf8 = QStringLiteral("L'état civil").toUtf8();
        std::vector<std::pair<int, int>> spans;
        analyzer.analyze(
            std::string_view(utf8.constData(), size_t(utf8.size())), [&](const AnalyzedToken& t) {
                spans.push_back({ t.start, t.end });
            });
        QCOMPARE(spans.size(), size_t(2));
        QCOMPARE(QString::fromUtf8(utf8.mid(spans[0].first, spans[0].second - spans[0].first)),
            QStringLiteral("état"));
        QCOMPARE(QString::fromUtf8(utf8.mid(spans[1].first, spans[1].second - spans[1].first)),
            QStringLiteral("civil"));
    }

    void invalidUtf8NeverCrashes()
    {
        const std::string bytes("\xff\xfe caf\xc3 \xe2\x82 ok", 15);
        FrenchAnalyzer analyzer;
        int count = 0;
        analyzer.analyze(bytes, [&](const AnalyzedToken&) { ++count; });
        QVERIFY(count >= 1);
    }
};

QTEST_GUILESS_MAIN(TestFrenchAnalyzer)
#include "TestFrenchAnalyzer.moc"
