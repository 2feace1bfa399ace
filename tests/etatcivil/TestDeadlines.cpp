// Deadlines of the état civil rules across weekends and French public holidays: the
// 5-day birth declaration (Code civil art. 55), the acte processing deadline in working
// days, birth-act age at filing, witnesses, banns and file validity.
#include "core/base/WorkingCalendar.h"
#include "core/domain/DossierType.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/EtatCivilTypes.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/rules/BirthDeclarationRules.h"
#include "modules/etatcivil/rules/UnionRules.h"

#include <QTest>

using namespace iris;
using namespace iris::etatcivil;

class TestDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void birthDeclaration_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("deadline");
        // Plain weeks: day of birth not counted, 5 days after.
        QTest::newRow("mercredi → lundi") << QDate(2025, 3, 5) << QDate(2025, 3, 10);
        QTest::newRow("lundi → samedi → lundi") << QDate(2025, 3, 3) << QDate(2025, 3, 10);
        QTest::newRow("mardi → dimanche → lundi") << QDate(2024, 4, 30) << QDate(2024, 5, 6);
        QTest::newRow("jeudi → mardi") << QDate(2025, 3, 6) << QDate(2025, 3, 11);
        // Holidays.
        QTest::newRow("lundi de Pâques 2024") << QDate(2024, 3, 27) << QDate(2024, 4, 2);
        QTest::newRow("lundi de Pâques 2025") << QDate(2025, 4, 16) << QDate(2025, 4, 22);
        QTest::newRow("Ascension 2024") << QDate(2024, 5, 4) << QDate(2024, 5, 10);
        QTest::newRow("Ascension 2025") << QDate(2025, 5, 24) << QDate(2025, 5, 30);
        QTest::newRow("8 mai 2025 (jeudi)") << QDate(2025, 5, 3) << QDate(2025, 5, 9);
        QTest::newRow("lundi de Pentecôte 2025") << QDate(2025, 6, 4) << QDate(2025, 6, 10);
        QTest::newRow("14 juillet 2025 (lundi)") << QDate(2025, 7, 9) << QDate(2025, 7, 15);
        QTest::newRow("14 juillet 2024 (dimanche)") << QDate(2024, 7, 9) << QDate(2024, 7, 15);
        QTest::newRow("15 août 2025 (vendredi) puis week-end") << QDate(2025, 8, 10) << QDate(2025, 8, 18);
        QTest::newRow("Noël 2025") << QDate(2025, 12, 20) << QDate(2025, 12, 26);
        QTest::newRow("1er janvier 2027 (vendredi) puis week-end") << QDate(2026, 12, 27) << QDate(2027, 1, 4);
        QTest::newRow("1er et 8 mai 2026 (vendredis)") << QDate(2026, 4, 26) << QDate(2026, 5, 4);
    }

    void birthDeclaration()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, deadline);
        WorkingCalendar calendar;
        QCOMPARE(BirthDeclarationRules::deadline(birth, calendar), deadline);
        // On the last day: on time. The day after: late, referred to the procureur.
        const RuleCheck onTime = BirthDeclarationRules::check(birth, deadline, calendar);
        QVERIFY2(onTime.ok, qPrintable(onTime.message));
        QCOMPARE(onTime.date, deadline);
        const RuleCheck late = BirthDeclarationRules::check(birth, deadline.addDays(1), calendar);
        QVERIFY(!late.ok);
        QVERIFY2(late.message.contains(QStringLiteral("procureur")), qPrintable(late.message));
        QVERIFY(late.message.contains(deadline.toString(QStringLiteral("dd/MM/yyyy"))));
    }

    void birthDeclarationIgnoresTheSaturdayCounterButHonoursClosures()
    {
        WorkingCalendar calendar;
        calendar.setSaturdayWorking(true);
        // Birth Monday 3 March 2025: day 5 is a Saturday; the law extends it anyway.
        QCOMPARE(BirthDeclarationRules::deadline(QDate(2025, 3, 3), calendar), QDate(2025, 3, 10));
        calendar.addClosure(QDate(2025, 3, 10), QStringLiteral("Inventaire"));
        QCOMPARE(BirthDeclarationRules::deadline(QDate(2025, 3, 3), calendar), QDate(2025, 3, 11));
    }

    void birthDeclarationUsesTheDatedFigure()
    {
        EtatCivilSettings settings;
        settings.birthDeclarationDays = 3; // the figure before 2017, as a site could have dated it
        QCOMPARE(BirthDeclarationRules::deadline(QDate(2025, 3, 5), WorkingCalendar(), settings), QDate(2025, 3, 10));
        QCOMPARE(BirthDeclarationRules::deadline(QDate(2025, 3, 4), WorkingCalendar(), settings), QDate(2025, 3, 7));
    }

    void birthInTheFutureIsRefused()
    {
        const RuleCheck c = BirthDeclarationRules::check(QDate(2025, 3, 6), QDate(2025, 3, 5), WorkingCalendar());
        QVERIFY(!c.ok);
        QVERIFY(!c.message.contains(QStringLiteral("procureur")));
    }

    void acteProcessingDeadlineSkipsHolidays_data()
    {
        QTest::addColumn<QDate>("opened");
        QTest::addColumn<QDate>("due");
        QTest::newRow("8 mai 2025") << QDate(2025, 5, 2) << QDate(2025, 5, 12);
        QTest::newRow("Ascension et week-end 2025") << QDate(2025, 5, 26) << QDate(2025, 6, 3);
        QTest::newRow("14 juillet 2025") << QDate(2025, 7, 10) << QDate(2025, 7, 18);
        QTest::newRow("lundi de Pâques 2026") << QDate(2026, 4, 2) << QDate(2026, 4, 10);
    }

    void acteProcessingDeadlineSkipsHolidays()
    {
        QFETCH(QDate, opened);
        QFETCH(QDate, due);
        // The dossier type's own rule (no database: the default of 5 working days).
        auto params = std::make_shared<const ParameterStore>(nullptr);
        const QList<DossierType> types = EtatCivilTypes::all(nullptr, params);
        const auto acte = std::find_if(types.cbegin(), types.cend(), [](const DossierType& t) { return t.id == ids::ActeType; });
        QVERIFY(acte != types.cend());
        QCOMPARE(acte->deadline.dueDate(opened, WorkingCalendar()), due);
    }

    void birthActAgeAtFiling()
    {
        const QDate filed(2025, 4, 10);
        QVERIFY(UnionRules::birthAct(QStringLiteral("A"), QDate(2025, 1, 10), false, filed).ok);
        const RuleCheck old = UnionRules::birthAct(QStringLiteral("A"), QDate(2025, 1, 9), false, filed);
        QVERIFY(!old.ok);
        QVERIFY(old.message.contains(QStringLiteral("plus de 3 mois")));
        // Issued abroad: 6 months.
        QVERIFY(UnionRules::birthAct(QStringLiteral("B"), QDate(2024, 10, 10), true, filed).ok);
        QVERIFY(!UnionRules::birthAct(QStringLiteral("B"), QDate(2024, 10, 9), true, filed).ok);
        QVERIFY(!UnionRules::birthAct(QStringLiteral("B"), QDate(2025, 1, 9), false, filed).ok);
        // Month ends: filed 31 May → issued on or after 28 February.
        QCOMPARE(UnionRules::oldestBirthActIssue(QDate(2025, 5, 31), false), QDate(2025, 2, 28));
        QVERIFY(!UnionRules::birthAct(QStringLiteral("C"), QDate(2025, 4, 11), false, filed).ok); // after filing
        QVERIFY(!UnionRules::birthAct(QStringLiteral("C"), QDate(), false, filed).ok);
    }

    void witnesses()
    {
        QVERIFY(!UnionRules::witnesses(0).ok);
        QVERIFY(!UnionRules::witnesses(1).ok);
        QVERIFY(UnionRules::witnesses(2).ok);
        QVERIFY(UnionRules::witnesses(4).ok);
        const RuleCheck five = UnionRules::witnesses(5);
        QVERIFY(!five.ok);
        QVERIFY(five.message.contains(QStringLiteral("de 2 à 4 témoins")));
    }

    void bannsAndFileValidity()
    {
        const QDate published(2025, 6, 2);
        QCOMPARE(UnionRules::earliestCelebration(published), QDate(2025, 6, 12));
        QCOMPARE(UnionRules::fileExpiry(published), QDate(2026, 6, 2));
        QVERIFY(!UnionRules::celebration(QDate(2025, 6, 11), published).ok);
        QVERIFY(UnionRules::celebration(QDate(2025, 6, 12), published).ok);
        QVERIFY(UnionRules::celebration(QDate(2026, 6, 2), published).ok);
        const RuleCheck expired = UnionRules::celebration(QDate(2026, 6, 3), published);
        QVERIFY(!expired.ok);
        QVERIFY(expired.message.contains(QStringLiteral("nouvelle publication")));
        QVERIFY(!UnionRules::celebration(QDate(2025, 7, 1), QDate()).ok);
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "TestDeadlines.moc"
