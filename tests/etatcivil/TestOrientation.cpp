// Which registers hold an act, and where a request goes when it is not ours.
#include "modules/etatcivil/rules/ActLocator.h"
#include "modules/etatcivil/rules/CounterProcedureRules.h"

#include <QTest>

using namespace iris::etatcivil;
using K = ActLocation::Kind;

class TestOrientation : public QObject
{
    Q_OBJECT

    const QString issy = QStringLiteral("Issy-les-Moulineaux");

private Q_SLOTS:
    void locate_data()
    {
        QTest::addColumn<int>("act");
        QTest::addColumn<QString>("commune");
        QTest::addColumn<QString>("country");
        QTest::addColumn<bool>("french");
        QTest::addColumn<QString>("domicile");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("destinationContains");
        QTest::newRow("born here") << int(ActType::Naissance) << issy << QString() << true << QString() << int(K::HeldHere) << issy;
        QTest::newRow("spelled differently") << int(ActType::Naissance) << QStringLiteral("ISSY LES MOULINEAUX")
                                             << QStringLiteral("France") << true << QString() << int(K::HeldHere) << issy;
        QTest::newRow("married in Lyon") << int(ActType::Mariage) << QStringLiteral("Lyon") << QString() << true
                                         << QString() << int(K::OtherCommune) << QStringLiteral("Mairie de Lyon");
        QTest::newRow("born abroad, French") << int(ActType::Naissance) << QStringLiteral("Casablanca")
                                             << QStringLiteral("Maroc") << true << QString() << int(K::Scec)
                                             << QStringLiteral("Nantes");
        QTest::newRow("born abroad, foreign") << int(ActType::Naissance) << QStringLiteral("Porto")
                                              << QStringLiteral("Portugal") << false << QString() << int(K::Foreign)
                                              << QStringLiteral("Portugal");
        QTest::newRow("death elsewhere, domicile here") << int(ActType::Deces) << QStringLiteral("Clamart") << QString()
                                                        << true << QStringLiteral("Issy les Moulineaux") << int(K::HeldHere) << issy;
        QTest::newRow("death elsewhere, domicile elsewhere") << int(ActType::Deces) << QStringLiteral("Clamart")
                                                             << QString() << true << QStringLiteral("Vanves")
                                                             << int(K::OtherCommune) << QStringLiteral("Clamart");
        QTest::newRow("birth elsewhere, domicile here is irrelevant") << int(ActType::Naissance) << QStringLiteral("Clamart")
                                                                      << QString() << true << issy << int(K::OtherCommune)
                                                                      << QStringLiteral("Clamart");
    }

    void locate()
    {
        QFETCH(int, act);
        QFETCH(QString, commune);
        QFETCH(QString, country);
        QFETCH(bool, french);
        QFETCH(QString, domicile);
        QFETCH(int, kind);
        QFETCH(QString, destinationContains);
        const ActLocation loc = ActLocator::locate(ActType(act), {commune, country, french, domicile}, issy);
        QCOMPARE(int(loc.kind), kind);
        QVERIFY2(loc.destination.contains(destinationContains), qPrintable(loc.destination));
        QVERIFY(!loc.explanation.isEmpty());
    }

    void abroadSaysServiceCentral()
    {
        const ActLocation loc = ActLocator::locate(ActType::Mariage, {QStringLiteral("Montréal"), QStringLiteral("Canada"), true, {}}, issy);
        QVERIFY(loc.explanation.contains(QStringLiteral("Service central d'état civil à Nantes")));
    }

    void counterProcedures()
    {
        QVERIFY(!CounterProcedureRules::legalisation(false, true).ok);
        QVERIFY(!CounterProcedureRules::legalisation(true, false).ok);
        QVERIFY(CounterProcedureRules::legalisation(true, true).ok);
        QVERIFY(!CounterProcedureRules::livretDuplicate(false, issy).ok);
        QVERIFY(!CounterProcedureRules::attestationAccueil(30, QString()).ok);
        QVERIFY(!CounterProcedureRules::attestationAccueil(25, QStringLiteral("1234")).ok);
        QVERIFY(CounterProcedureRules::attestationAccueil(30, QStringLiteral("1234")).ok);
        // Changement de prénom: in person; a child of 13 or more consents.
        const QDate filed(2026, 5, 20);
        QVERIFY(!CounterProcedureRules::changementPrenom(false, QDate(1990, 1, 1), filed, false).ok);
        QVERIFY(CounterProcedureRules::changementPrenom(true, QDate(2013, 5, 21), filed, false).ok);  // 12 years old
        const RuleCheck thirteen = CounterProcedureRules::changementPrenom(true, QDate(2013, 5, 20), filed, false);
        QVERIFY(!thirteen.ok);
        QVERIFY(thirteen.message.contains(QStringLiteral("consentement")));
        QVERIFY(CounterProcedureRules::changementPrenom(true, QDate(2013, 5, 20), filed, true).ok);
        QVERIFY(CounterProcedureRules::changementPrenom(true, QDate(2000, 5, 20), filed, false).ok);  // adult
        QCOMPARE(CounterProcedureRules::ageOn(QDate(2008, 2, 29), QDate(2026, 2, 28)), 18);
        QCOMPARE(CounterProcedureRules::ageOn(QDate(2013, 5, 21), filed), 12);
    }
};

QTEST_GUILESS_MAIN(TestOrientation)
#include "TestOrientation.moc"
