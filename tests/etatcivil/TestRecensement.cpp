// The recensement window at its edges: from the 16th birthday to the end of the third
// month after it; late (régularisation) until 25; and the attestation has no duplicate.
#include "modules/etatcivil/rules/RecensementRules.h"

#include <QTest>

using namespace iris::etatcivil;
using S = RecensementWindow::Status;

class TestRecensement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void window_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("opens");
        QTest::addColumn<QDate>("closes");
        QTest::newRow("mid-month") << QDate(2010, 3, 15) << QDate(2026, 3, 15) << QDate(2026, 6, 30);
        QTest::newRow("first of month") << QDate(2010, 3, 1) << QDate(2026, 3, 1) << QDate(2026, 6, 30);
        QTest::newRow("end of November → February") << QDate(2010, 11, 30) << QDate(2026, 11, 30) << QDate(2027, 2, 28);
        QTest::newRow("leap February") << QDate(2011, 11, 2) << QDate(2027, 11, 2) << QDate(2028, 2, 29);
        QTest::newRow("31 December → year change") << QDate(2010, 12, 31) << QDate(2026, 12, 31) << QDate(2027, 3, 31);
        QTest::newRow("born 29 February") << QDate(2008, 2, 29) << QDate(2024, 2, 29) << QDate(2024, 5, 31);
    }

    void window()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, opens);
        QFETCH(QDate, closes);
        QCOMPARE(RecensementRules::windowOpens(birth), opens);
        QCOMPARE(RecensementRules::windowCloses(birth), closes);
        QCOMPARE(RecensementRules::assess(birth, opens.addDays(-1)).status, S::TooEarly);
        QCOMPARE(RecensementRules::assess(birth, opens).status, S::InWindow);
        QCOMPARE(RecensementRules::assess(birth, closes).status, S::InWindow);
        QCOMPARE(RecensementRules::assess(birth, closes.addDays(1)).status, S::Late);
    }

    void messagesGiveTheDates()
    {
        const QDate birth(2010, 3, 15);
        const RecensementWindow early = RecensementRules::assess(birth, QDate(2026, 3, 14));
        QVERIFY(!early.canRegister());
        QVERIFY(early.message.contains(QStringLiteral("15/03/2026")));
        const RecensementWindow in = RecensementRules::assess(birth, QDate(2026, 4, 1));
        QVERIFY(in.canRegister());
        QVERIFY(in.message.contains(QStringLiteral("30/06/2026")));
        const RecensementWindow late = RecensementRules::assess(birth, QDate(2026, 7, 1));
        QVERIFY(late.canRegister());
        QVERIFY(late.message.contains(QStringLiteral("régularisation")));
    }

    void regularisationEndsAt25()
    {
        const QDate birth(2010, 3, 15);
        QCOMPARE(RecensementRules::assess(birth, QDate(2035, 3, 14)).status, S::Late);
        const RecensementWindow over = RecensementRules::assess(birth, QDate(2035, 3, 15));
        QCOMPARE(over.status, S::TooLate);
        QVERIFY(!over.canRegister());
    }

    void datedWindowLength()
    {
        EtatCivilSettings settings;
        settings.recensementWindowMonths = 2;
        QCOMPARE(RecensementRules::windowCloses(QDate(2010, 3, 15), settings), QDate(2026, 5, 31));
        QCOMPARE(RecensementRules::assess(QDate(2010, 3, 15), QDate(2026, 6, 1), settings).status, S::Late);
    }

    void noBirthDate()
    {
        const RecensementWindow w = RecensementRules::assess(QDate(), QDate(2026, 1, 1));
        QVERIFY(!w.canRegister());
        QVERIFY(!w.message.isEmpty());
    }

    void noDuplicate()
    {
        const QString why = RecensementRules::duplicateRefusal(QStringLiteral("ECR-2026-000001"), QDate(2026, 4, 2));
        QVERIFY(why.contains(QStringLiteral("ECR-2026-000001")));
        QVERIFY(why.contains(QStringLiteral("02/04/2026")));
        QVERIFY(why.contains(QStringLiteral("duplicata")));
    }
};

QTEST_GUILESS_MAIN(TestRecensement)
#include "TestRecensement.moc"
