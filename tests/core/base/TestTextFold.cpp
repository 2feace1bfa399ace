#include "core/base/TextFold.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using iris::TextFold;

class TestTextFold final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data();
    void fold();
    void tokens_data();
    void tokens();
    void foldIsIdempotent();
    void decomposedInputMatchesComposed();
    void foldsAHundredThousandNamesQuickly();
};

void TestTextFold::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only punctuation") << u" - ' , "_s << QString();
    QTest::newRow("plain ascii upper") << u"DUPONT"_s << u"dupont"_s;
    QTest::newRow("acute and grave") << u"Hélène"_s << u"helene"_s;
    QTest::newRow("upper accents") << u"HÉLÈNE"_s << u"helene"_s;
    QTest::newRow("cedilla") << u"François Çelik"_s << u"francois celik"_s;
    QTest::newRow("circumflex and diaeresis") << u"Jérôme Noël Anaïs"_s << u"jerome noel anais"_s;
    QTest::newRow("y diaeresis") << u"L’Haÿ-les-Roses"_s << u"l hay les roses"_s;
    QTest::newRow("oe ligature") << u"CŒUR sœur"_s << u"coeur soeur"_s;
    QTest::newRow("ae ligature") << u"Lætitia ÆLIS"_s << u"laetitia aelis"_s;
    QTest::newRow("sharp s") << u"Großmann"_s << u"grossmann"_s;
    QTest::newRow("stroke letters") << u"Søren Łukasz"_s << u"soren lukasz"_s;
    QTest::newRow("ascii apostrophe") << u"D'ARTAGNAN"_s << u"d artagnan"_s;
    QTest::newRow("typographic apostrophe") << u"d’Ornano"_s << u"d ornano"_s;
    QTest::newRow("hyphen") << u"Jean-Pierre"_s << u"jean pierre"_s;
    QTest::newRow("double hyphen") << u"Martin--Durand"_s << u"martin durand"_s;
    QTest::newRow("whitespace collapsed") << u"  Jean \t  Dupont \n"_s << u"jean dupont"_s;
    QTest::newRow("non-breaking space") << u"Jean\u00A0Dupont"_s << u"jean dupont"_s;
    QTest::newRow("digits kept") << u"EC-2026-000123"_s << u"ec 2026 000123"_s;
    QTest::newRow("email punctuation") << u"Jean.Dupont@Mairie.fr"_s << u"jean dupont mairie fr"_s;
    QTest::newRow("latin extended-a") << u"Dvořák Šťastný"_s << u"dvorak stastny"_s;
    QTest::newRow("vietnamese (slow path)") << u"Nguyễn Thị"_s << u"nguyen thi"_s;
    QTest::newRow("ordinal indicator") << u"1º"_s << u"1o"_s;
    QTest::newRow("emoji is a separator") << u"Jean😀Dupont"_s << u"jean dupont"_s;
    QTest::newRow("greek stays greek, lower-cased") << u"ΑΘΗΝΑ"_s << u"αθηνα"_s;
}

void TestTextFold::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextFold::fold(input), expected);
}

void TestTextFold::tokens_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("name") << u"Dupont-Moretti, Éric"_s
                          << QStringList { u"dupont"_s, u"moretti"_s, u"eric"_s };
    QTest::newRow("query in either order") << u"jea DUP"_s << QStringList { u"jea"_s, u"dup"_s };
    QTest::newRow("duplicates kept") << u"Marie Marie"_s << QStringList { u"marie"_s, u"marie"_s };
    QTest::newRow("apostrophe splits") << u"N’Diaye"_s << QStringList { u"n"_s, u"diaye"_s };
    QTest::newRow("leading separators") << u"  --  Zoé"_s << QStringList { u"zoe"_s };
}

void TestTextFold::tokens()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QCOMPARE(TextFold::tokens(input), expected);
}

void TestTextFold::foldIsIdempotent()
{
    const QStringList samples { u"Hélène D’Ornano-Lefèvre"_s, u"ŒDIPE ÆSCHYLE"_s, u"Straße 12"_s };
    for (const QString& s : samples)
        QCOMPARE(TextFold::fold(TextFold::fold(s)), TextFold::fold(s));
}

void TestTextFold::decomposedInputMatchesComposed()
{
    const QString composed = u"Hélène Noël"_s;
    const QString decomposed = composed.normalized(QString::NormalizationForm_D);
    QVERIFY(decomposed.size() > composed.size());
    QCOMPARE(TextFold::fold(decomposed), u"helene noel"_s);
}

void TestTextFold::foldsAHundredThousandNamesQuickly()
{
    // Search keys are built for 100k citizens when seeding: folding must not be the bottleneck.
    const QStringList names { u"Hélène Lefèvre-Dupont"_s, u"François D’Ornano"_s, u"Jérôme Œuvray"_s,
        u"Zoé Bénédicte Müller"_s, u"Jean-Baptiste Gaëtan N’Diaye"_s };
    QElapsedTimer timer;
    timer.start();
    qsizetype total = 0;
    for (int i = 0; i < 100000; ++i)
        total += TextFold::fold(names.at(i % names.size())).size();
    const qint64 elapsed = timer.elapsed();
    QVERIFY(total > 0);
    qInfo("100k folds in %lld ms", elapsed);
    QVERIFY2(elapsed < 1500, qPrintable(u"folding 100k names took %1 ms"_s.arg(elapsed)));
}

QTEST_APPLESS_MAIN(TestTextFold)
#include "TestTextFold.moc"
