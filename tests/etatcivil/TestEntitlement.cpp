// Entitlement per décret 2017-890 art. 30 (DOMAIN.md): every act × document × requester
// link, as a table written out by hand from the rule, plus the reasons the agent reads.
#include "modules/etatcivil/rules/EntitlementRules.h"

#include <QTest>

using namespace iris::etatcivil;
using V = Entitlement::Verdict;

namespace {

// One letter per requester link, in allRequesterLinks() order:
//   majeur, mineur, ascendant, descendant, conjoint, pacs, représentant, mandataire,
//   habilitation, avocat, autorité, héritier, collatéral, ex-conjoint, tiers.
// A = allowed, R = refused, N = no such document.
const char* const kRestricted = "ARAAAAAAAAARRRR";       // birth/marriage: copie, avec filiation, plurilingue
const char* const kAnyone = "AAAAAAAAAAAAAAA";           // extrait sans filiation; every death act
const char* const kReconnaissance = "ARAAAAAAAAAARRR";   // heirs of the child too
const char* const kNoSuchDocument = "NNNNNNNNNNNNNNN";

struct Expectation
{
    ActType act;
    ActDocument document;
    const char* verdicts;
};

const Expectation kTable[] = {
    {ActType::Naissance, ActDocument::CopieIntegrale, kRestricted},
    {ActType::Naissance, ActDocument::ExtraitAvecFiliation, kRestricted},
    {ActType::Naissance, ActDocument::ExtraitSansFiliation, kAnyone},
    {ActType::Naissance, ActDocument::ExtraitPlurilingue, kRestricted},
    {ActType::Mariage, ActDocument::CopieIntegrale, kRestricted},
    {ActType::Mariage, ActDocument::ExtraitAvecFiliation, kRestricted},
    {ActType::Mariage, ActDocument::ExtraitSansFiliation, kAnyone},
    {ActType::Mariage, ActDocument::ExtraitPlurilingue, kRestricted},
    {ActType::Deces, ActDocument::CopieIntegrale, kAnyone},
    {ActType::Deces, ActDocument::ExtraitAvecFiliation, kAnyone},
    {ActType::Deces, ActDocument::ExtraitSansFiliation, kAnyone},
    {ActType::Deces, ActDocument::ExtraitPlurilingue, kAnyone},
    {ActType::Reconnaissance, ActDocument::CopieIntegrale, kReconnaissance},
    {ActType::Reconnaissance, ActDocument::ExtraitAvecFiliation, kReconnaissance},
    {ActType::Reconnaissance, ActDocument::ExtraitSansFiliation, kNoSuchDocument},
    {ActType::Reconnaissance, ActDocument::ExtraitPlurilingue, kNoSuchDocument},
};

V verdictOf(char c)
{
    return c == 'A' ? V::Allowed : c == 'R' ? V::Refused : V::NotApplicable;
}

} // namespace

class TestEntitlement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCombination_data()
    {
        QTest::addColumn<int>("act");
        QTest::addColumn<int>("document");
        QTest::addColumn<int>("link");
        QTest::addColumn<int>("expected");
        const QList<RequesterLink> links = allRequesterLinks();
        QCOMPARE(links.size(), 15);
        int rows = 0;
        for (const Expectation& e : kTable) {
            QCOMPARE(int(qstrlen(e.verdicts)), int(links.size()));
            for (int i = 0; i < links.size(); ++i) {
                const QString name = idOf(e.act) + QLatin1Char('/') + idOf(e.document) + QLatin1Char('/') + idOf(links[i]);
                QTest::newRow(name.toUtf8().constData())
                    << int(e.act) << int(e.document) << int(links[i]) << int(verdictOf(e.verdicts[i]));
                ++rows;
            }
        }
        QCOMPARE(rows, 4 * 4 * 15);
    }

    void everyCombination()
    {
        QFETCH(int, act);
        QFETCH(int, document);
        QFETCH(int, link);
        QFETCH(int, expected);
        const Entitlement e = EntitlementRules::decide(ActType(act), ActDocument(document), RequesterLink(link));
        QCOMPARE(int(e.verdict), expected);
        // Every verdict is explained in French and names the text applied.
        QVERIFY2(e.reason.size() > 30, qPrintable(e.reason));
        QCOMPARE(e.rule, QStringLiteral("décret n° 2017-890 du 6 mai 2017, art. 30"));
    }

    void deathActsGoToAnyone()
    {
        for (ActDocument d : allActDocuments()) {
            const Entitlement e = EntitlementRules::decide(ActType::Deces, d, RequesterLink::Tiers);
            QVERIFY(e.allowed());
            QVERIFY2(e.reason.contains(QStringLiteral("toute personne")), qPrintable(e.reason));
        }
    }

    void reasonsSayWhy()
    {
        const Entitlement minor = EntitlementRules::decide(ActType::Naissance, ActDocument::CopieIntegrale,
                                                           RequesterLink::PersonneMineure);
        QVERIFY(minor.refused());
        QVERIFY2(minor.reason.contains(QStringLiteral("représentant légal")), qPrintable(minor.reason));

        const Entitlement sibling = EntitlementRules::decide(ActType::Naissance, ActDocument::ExtraitAvecFiliation,
                                                             RequesterLink::Collateral);
        QVERIFY(sibling.refused());
        QVERIFY(sibling.reason.contains(QStringLiteral("frères, sœurs")));
        // The refusal points to what the person may obtain instead.
        QVERIFY(sibling.reason.contains(QStringLiteral("extrait sans filiation peut en revanche")));
        const Entitlement siblingReco = EntitlementRules::decide(ActType::Reconnaissance, ActDocument::CopieIntegrale,
                                                                 RequesterLink::Collateral);
        QVERIFY(!siblingReco.reason.contains(QStringLiteral("extrait sans filiation peut en revanche")));

        const Entitlement divorced = EntitlementRules::decide(ActType::Mariage, ActDocument::CopieIntegrale,
                                                              RequesterLink::ExConjoint);
        QVERIFY(divorced.reason.contains(QStringLiteral("divorce")));

        const Entitlement heir = EntitlementRules::decide(ActType::Naissance, ActDocument::CopieIntegrale,
                                                          RequesterLink::HeritierEnfant);
        QVERIFY(heir.refused());
        QVERIFY(heir.reason.contains(QStringLiteral("acte de reconnaissance")));

        const Entitlement mandate = EntitlementRules::decide(ActType::Naissance, ActDocument::CopieIntegrale,
                                                             RequesterLink::Mandataire);
        QVERIFY(mandate.allowed());
        QVERIFY(mandate.conditions.contains(QStringLiteral("Mandat écrit")));

        const Entitlement plurilingue = EntitlementRules::decide(ActType::Reconnaissance,
                                                                 ActDocument::ExtraitPlurilingue, RequesterLink::PersonneMajeure);
        QCOMPARE(plurilingue.verdict, V::NotApplicable);
        QVERIFY(plurilingue.reason.contains(QStringLiteral("CIEC")));
    }

    void filiationDetailsAreRequiredWhereTheDocumentShowsFiliation_data()
    {
        QTest::addColumn<int>("act");
        QTest::addColumn<int>("document");
        QTest::addColumn<bool>("required");
        QTest::newRow("naissance avec filiation") << int(ActType::Naissance) << int(ActDocument::ExtraitAvecFiliation) << true;
        QTest::newRow("naissance copie") << int(ActType::Naissance) << int(ActDocument::CopieIntegrale) << true;
        QTest::newRow("naissance sans filiation") << int(ActType::Naissance) << int(ActDocument::ExtraitSansFiliation) << false;
        QTest::newRow("naissance plurilingue") << int(ActType::Naissance) << int(ActDocument::ExtraitPlurilingue) << false;
        QTest::newRow("mariage avec filiation") << int(ActType::Mariage) << int(ActDocument::ExtraitAvecFiliation) << true;
        QTest::newRow("reconnaissance copie") << int(ActType::Reconnaissance) << int(ActDocument::CopieIntegrale) << true;
        QTest::newRow("décès copie") << int(ActType::Deces) << int(ActDocument::CopieIntegrale) << false;
    }

    void filiationDetailsAreRequiredWhereTheDocumentShowsFiliation()
    {
        QFETCH(int, act);
        QFETCH(int, document);
        QFETCH(bool, required);
        QCOMPARE(EntitlementRules::requiresFiliationDetails(ActType(act), ActDocument(document)), required);
    }

    void idsRoundTrip()
    {
        for (RequesterLink l : allRequesterLinks()) {
            RequesterLink back = RequesterLink::Tiers;
            QVERIFY(fromId(idOf(l), &back));
            QCOMPARE(back, l);
            QVERIFY(!labelOf(l).isEmpty());
        }
        ActType t;
        QVERIFY(!fromId(QStringLiteral("inconnu"), &t));
    }
};

QTEST_GUILESS_MAIN(TestEntitlement)
#include "TestEntitlement.moc"
