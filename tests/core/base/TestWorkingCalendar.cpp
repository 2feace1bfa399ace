#include "core/base/WorkingCalendar.h"

#include <QTest>

using namespace Qt::StringLiterals;
using iris::PublicHoliday;
using iris::WorkingCalendar;

class TestWorkingCalendar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void easter_data();
    void easter();
    void holidays_data();
    void holidays();
    void holidayNames();
    void holidaysOnWeekendsStayHolidays();
    void weekdaysAndWeekends();
    void nextAndPreviousWorkingDay();
    void addWorkingDays_data();
    void addWorkingDays();
    void addWorkingDaysIsInvertedByWorkingDaysBetween();
    void saturdaySetting();
    void closures();
    void legalDeadline_data();
    void legalDeadline();
    void legalDeadlineIgnoresSaturdaySetting();
};

void TestWorkingCalendar::easter_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("expected");
    // Published Easter Sunday dates.
    QTest::newRow("2008 (early)") << 2008 << QDate(2008, 3, 23);
    QTest::newRow("2019") << 2019 << QDate(2019, 4, 21);
    QTest::newRow("2024") << 2024 << QDate(2024, 3, 31);
    QTest::newRow("2025") << 2025 << QDate(2025, 4, 20);
    QTest::newRow("2026") << 2026 << QDate(2026, 4, 5);
    QTest::newRow("2027") << 2027 << QDate(2027, 3, 28);
    QTest::newRow("2028") << 2028 << QDate(2028, 4, 16);
    QTest::newRow("2029") << 2029 << QDate(2029, 4, 1);
    QTest::newRow("2030") << 2030 << QDate(2030, 4, 21);
    QTest::newRow("2038 (latest possible date)") << 2038 << QDate(2038, 4, 25);
    QTest::newRow("2285 (earliest possible date)") << 2285 << QDate(2285, 3, 22);
}

void TestWorkingCalendar::easter()
{
    QFETCH(int, year);
    QFETCH(QDate, expected);
    QCOMPARE(WorkingCalendar::easterSunday(year), expected);
    QCOMPARE(WorkingCalendar::easterSunday(year).dayOfWeek(), Qt::Sunday);
}

void TestWorkingCalendar::holidays_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("easterMonday");
    QTest::addColumn<QDate>("ascension");
    QTest::addColumn<QDate>("whitMonday");
    QTest::newRow("2024") << 2024 << QDate(2024, 4, 1) << QDate(2024, 5, 9) << QDate(2024, 5, 20);
    QTest::newRow("2025") << 2025 << QDate(2025, 4, 21) << QDate(2025, 5, 29) << QDate(2025, 6, 9);
    QTest::newRow("2026") << 2026 << QDate(2026, 4, 6) << QDate(2026, 5, 14) << QDate(2026, 5, 25);
    QTest::newRow("2027") << 2027 << QDate(2027, 3, 29) << QDate(2027, 5, 6) << QDate(2027, 5, 17);
    QTest::newRow("2028") << 2028 << QDate(2028, 4, 17) << QDate(2028, 5, 25) << QDate(2028, 6, 5);
    QTest::newRow("2029") << 2029 << QDate(2029, 4, 2) << QDate(2029, 5, 10) << QDate(2029, 5, 21);
    QTest::newRow("2030") << 2030 << QDate(2030, 4, 22) << QDate(2030, 5, 30) << QDate(2030, 6, 10);
}

void TestWorkingCalendar::holidays()
{
    QFETCH(int, year);
    QFETCH(QDate, easterMonday);
    QFETCH(QDate, ascension);
    QFETCH(QDate, whitMonday);

    const QList<QDate> expected {
        QDate(year, 1, 1),
        easterMonday,
        QDate(year, 5, 1),
        QDate(year, 5, 8),
        ascension,
        whitMonday,
        QDate(year, 7, 14),
        QDate(year, 8, 15),
        QDate(year, 11, 1),
        QDate(year, 11, 11),
        QDate(year, 12, 25),
    };
    QList<QDate> sortedExpected = expected;
    std::sort(sortedExpected.begin(), sortedExpected.end());

    const QList<PublicHoliday> holidays = WorkingCalendar::publicHolidays(year);
    QList<QDate> dates;
    for (const PublicHoliday& h : holidays) {
        dates << h.date;
        QVERIFY(!h.name.isEmpty());
    }
    QCOMPARE(dates, sortedExpected);
    QCOMPARE(ascension.dayOfWeek(), Qt::Thursday);
    QCOMPARE(easterMonday.dayOfWeek(), Qt::Monday);
    QCOMPARE(whitMonday.dayOfWeek(), Qt::Monday);

    // isPublicHoliday agrees with the list on every day of the year, and nothing else is one.
    int count = 0;
    for (QDate d(year, 1, 1); d.year() == year; d = d.addDays(1)) {
        const bool holiday = WorkingCalendar::isPublicHoliday(d);
        QCOMPARE(holiday, expected.contains(d));
        count += holiday ? 1 : 0;
    }
    QCOMPARE(count, 11);
}

void TestWorkingCalendar::holidayNames()
{
    QString name;
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 7, 14), &name));
    QCOMPARE(name, u"Fête nationale"_s);
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 4, 6), &name));
    QCOMPARE(name, u"Lundi de Pâques"_s);
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 5, 14), &name));
    QCOMPARE(name, u"Ascension"_s);
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 5, 25), &name));
    QCOMPARE(name, u"Lundi de Pentecôte"_s);
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 11, 11), &name));
    QCOMPARE(name, u"Armistice 1918"_s);
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2026, 5, 8), &name));
    QCOMPARE(name, u"Victoire 1945"_s);
    name = u"unchanged"_s;
    QVERIFY(!WorkingCalendar::isPublicHoliday(QDate(2026, 4, 5), &name)); // Easter Sunday itself
    QCOMPARE(name, u"unchanged"_s);
    QVERIFY(!WorkingCalendar::isPublicHoliday(QDate()));
}

void TestWorkingCalendar::holidaysOnWeekendsStayHolidays()
{
    // 2027: 1 May and 8 May are Saturdays; 14 July 2024... is a Sunday. No "bridging" in France.
    QVERIFY(WorkingCalendar::isPublicHoliday(QDate(2027, 5, 1)));
    QCOMPARE(QDate(2027, 5, 1).dayOfWeek(), Qt::Saturday);
    QCOMPARE(QDate(2024, 7, 14).dayOfWeek(), Qt::Sunday);
    const WorkingCalendar calendar;
    QVERIFY(calendar.isWorkingDay(QDate(2024, 7, 15)));
}

void TestWorkingCalendar::weekdaysAndWeekends()
{
    const WorkingCalendar calendar;
    QVERIFY(calendar.isWorkingDay(QDate(2026, 3, 9))); // Monday
    QVERIFY(calendar.isWorkingDay(QDate(2026, 3, 13))); // Friday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 14))); // Saturday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 15))); // Sunday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 12, 25))); // Noël, a Friday
    QVERIFY(!calendar.isWorkingDay(QDate()));
}

void TestWorkingCalendar::nextAndPreviousWorkingDay()
{
    const WorkingCalendar calendar;
    QCOMPARE(calendar.nextWorkingDay(QDate(2026, 3, 10)), QDate(2026, 3, 10)); // already one
    QCOMPARE(calendar.nextWorkingDay(QDate(2026, 4, 4)), QDate(2026, 4, 7)); // Sat → Easter Monday → Tue
    QCOMPARE(calendar.nextWorkingDay(QDate(2026, 12, 25)), QDate(2026, 12, 28));
    QCOMPARE(calendar.previousWorkingDay(QDate(2026, 4, 6)), QDate(2026, 4, 3));
    QCOMPARE(calendar.previousWorkingDay(QDate(2027, 1, 1)), QDate(2026, 12, 31));
}

void TestWorkingCalendar::addWorkingDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("zero") << QDate(2026, 3, 14) << 0 << QDate(2026, 3, 14);
    QTest::newRow("plain week") << QDate(2026, 3, 9) << 5 << QDate(2026, 3, 16);
    QTest::newRow("from a Saturday") << QDate(2026, 3, 14) << 1 << QDate(2026, 3, 16);
    QTest::newRow("over Easter Monday 2026") << QDate(2026, 4, 3) << 1 << QDate(2026, 4, 7);
    QTest::newRow("over Easter Monday 2024") << QDate(2024, 3, 28) << 2 << QDate(2024, 4, 2);
    QTest::newRow("over Ascension 2026") << QDate(2026, 5, 13) << 1 << QDate(2026, 5, 15);
    QTest::newRow("May 2026: 1st, 8th Fri, Ascension, Whit Monday")
        << QDate(2026, 4, 30) << 15 << QDate(2026, 5, 27);
    QTest::newRow("over 14 July 2026 (Tuesday)") << QDate(2026, 7, 13) << 1 << QDate(2026, 7, 15);
    QTest::newRow("over 14 July 2025 (Monday)") << QDate(2025, 7, 11) << 1 << QDate(2025, 7, 15);
    QTest::newRow("over Christmas and New Year 2025") << QDate(2025, 12, 24) << 5 << QDate(2026, 1, 2);
    QTest::newRow("15 working days for a letter") << QDate(2026, 12, 18) << 15 << QDate(2027, 1, 12);
    QTest::newRow("backwards over Easter Monday") << QDate(2026, 4, 7) << -1 << QDate(2026, 4, 3);
    QTest::newRow("backwards over Christmas") << QDate(2025, 12, 29) << -2 << QDate(2025, 12, 24);
}

void TestWorkingCalendar::addWorkingDays()
{
    QFETCH(QDate, from);
    QFETCH(int, days);
    QFETCH(QDate, expected);
    const WorkingCalendar calendar;
    QCOMPARE(calendar.addWorkingDays(from, days), expected);
    if (days != 0)
        QCOMPARE(calendar.workingDaysBetween(from, expected), days);
}

void TestWorkingCalendar::addWorkingDaysIsInvertedByWorkingDaysBetween()
{
    WorkingCalendar calendar;
    calendar.addClosure(QDate(2026, 5, 15), u"Pont de l'Ascension"_s);
    for (QDate d(2024, 1, 1); d.year() < 2027; d = d.addDays(13)) {
        const QDate start = calendar.nextWorkingDay(d);
        for (int n : { -20, -7, -1, 1, 3, 10, 45 }) {
            const QDate end = calendar.addWorkingDays(start, n);
            QVERIFY(calendar.isWorkingDay(end));
            QCOMPARE(calendar.workingDaysBetween(start, end), n);
        }
    }
    QCOMPARE(calendar.workingDaysBetween(QDate(2026, 3, 9), QDate(2026, 3, 9)), 0);
    // Whole of 2026: 261 weekdays minus the 9 holidays falling on weekdays (1 Jan Thu, Easter
    // Monday, 1 May Fri, 8 May Fri, Ascension, Whit Monday, 14 Jul Tue, 11 Nov Wed, 25 Dec Fri;
    // 15 Aug is a Saturday and 1 Nov a Sunday) and the closure day.
    QCOMPARE(calendar.workingDaysBetween(QDate(2025, 12, 31), QDate(2026, 12, 31)), 261 - 9 - 1);
}

void TestWorkingCalendar::saturdaySetting()
{
    WorkingCalendar calendar;
    QVERIFY(!calendar.saturdayWorking());
    calendar.setSaturdayWorking(true);
    QVERIFY(calendar.isWorkingDay(QDate(2026, 3, 14))); // Saturday
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 3, 15))); // Sunday never
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 8, 15))); // Assomption on a Saturday
    QCOMPARE(calendar.addWorkingDays(QDate(2026, 3, 13), 1), QDate(2026, 3, 14));
    QCOMPARE(calendar.addWorkingDays(QDate(2026, 3, 9), 6), QDate(2026, 3, 16));
    QCOMPARE(calendar.nextWorkingDay(QDate(2026, 4, 5)), QDate(2026, 4, 7));
    QCOMPARE(calendar.workingDaysBetween(QDate(2026, 3, 8), QDate(2026, 3, 15)), 6);
}

void TestWorkingCalendar::closures()
{
    WorkingCalendar calendar;
    calendar.addClosure(QDate(2026, 5, 15), u"Pont de l'Ascension"_s);
    calendar.addClosure(QDate(2026, 1, 2));
    QCOMPARE(calendar.closures(), (QList<QDate> { QDate(2026, 1, 2), QDate(2026, 5, 15) }));
    QVERIFY(calendar.isClosure(QDate(2026, 5, 15)));
    QCOMPARE(calendar.closureReason(QDate(2026, 5, 15)), u"Pont de l'Ascension"_s);
    QVERIFY(!calendar.isWorkingDay(QDate(2026, 5, 15)));
    QCOMPARE(calendar.addWorkingDays(QDate(2026, 5, 13), 1), QDate(2026, 5, 18));
    calendar.removeClosure(QDate(2026, 5, 15));
    QVERIFY(calendar.isWorkingDay(QDate(2026, 5, 15)));
    QCOMPARE(calendar.closures(), QList<QDate> { QDate(2026, 1, 2) });
}

void TestWorkingCalendar::legalDeadline_data()
{
    QTest::addColumn<QDate>("event");
    QTest::addColumn<QDate>("expected");
    // Birth declarations: 5 days, the day of birth not counted (Code civil art. 55).
    QTest::newRow("Monday birth → Saturday → Monday") << QDate(2026, 3, 9) << QDate(2026, 3, 16);
    QTest::newRow("Tuesday birth → Sunday → Monday") << QDate(2024, 4, 30) << QDate(2024, 5, 6);
    QTest::newRow("Wednesday birth → Monday") << QDate(2026, 3, 11) << QDate(2026, 3, 16);
    QTest::newRow("Thursday birth → Tuesday") << QDate(2026, 3, 12) << QDate(2026, 3, 17);
    QTest::newRow("Friday birth → Wednesday") << QDate(2026, 3, 13) << QDate(2026, 3, 18);
    QTest::newRow("Saturday birth → Thursday") << QDate(2026, 3, 14) << QDate(2026, 3, 19);
    QTest::newRow("Sunday birth → Friday") << QDate(2026, 3, 15) << QDate(2026, 3, 20);
    QTest::newRow("ends on Easter Monday 2026") << QDate(2026, 4, 1) << QDate(2026, 4, 7);
    QTest::newRow("ends on Ascension 2026") << QDate(2026, 5, 9) << QDate(2026, 5, 15);
    QTest::newRow("ends on 14 July 2026") << QDate(2026, 7, 9) << QDate(2026, 7, 15);
    QTest::newRow("ends on Christmas 2026 (Fri) → Monday 28") << QDate(2026, 12, 20) << QDate(2026, 12, 28);
    QTest::newRow("ends on Saturday 1 May 2027 → Monday 3") << QDate(2027, 4, 26) << QDate(2027, 5, 3);
    QTest::newRow("holiday inside the period is counted") << QDate(2026, 4, 3) << QDate(2026, 4, 8);
}

void TestWorkingCalendar::legalDeadline()
{
    QFETCH(QDate, event);
    QFETCH(QDate, expected);
    const WorkingCalendar calendar;
    QCOMPARE(calendar.legalDeadline(event, 5), expected);
    QVERIFY(calendar.withinLegalDeadline(event, 5, expected));
    QVERIFY(calendar.withinLegalDeadline(event, 5, event));
    QVERIFY(!calendar.withinLegalDeadline(event, 5, expected.addDays(1)));
    QVERIFY(!calendar.withinLegalDeadline(event, 5, event.addDays(-1)));
}

void TestWorkingCalendar::legalDeadlineIgnoresSaturdaySetting()
{
    WorkingCalendar calendar;
    calendar.setSaturdayWorking(true);
    // Even at a counter open on Saturday, the law moves a deadline ending on a Saturday.
    QCOMPARE(calendar.legalDeadline(QDate(2026, 3, 9), 5), QDate(2026, 3, 16));
    // A closure day counts as a "jour chômé" (CPC art. 642).
    calendar.addClosure(QDate(2026, 3, 16));
    QCOMPARE(calendar.legalDeadline(QDate(2026, 3, 9), 5), QDate(2026, 3, 17));
    QCOMPARE(calendar.legalDeadline(QDate(), 5), QDate());
}

QTEST_APPLESS_MAIN(TestWorkingCalendar)
#include "TestWorkingCalendar.moc"
