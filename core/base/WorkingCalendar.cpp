#include "core/base/WorkingCalendar.h"

#include <QCoreApplication>
#include <algorithm>

namespace iris {

namespace {

// Fixed-date holidays (Code du travail art. L3133-1).
struct FixedHoliday
{
    int month;
    int day;
    const char* name;
};
constexpr FixedHoliday fixedHolidays[] = {
    { 1, 1, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Jour de l'an") },
    { 5, 1, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Fête du Travail") },
    { 5, 8, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Victoire 1945") },
    { 7, 14, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Fête nationale") },
    { 8, 15, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Assomption") },
    { 11, 1, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Toussaint") },
    { 11, 11, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Armistice 1918") },
    { 12, 25, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Noël") },
};

// Holidays that move with Easter: days after Easter Sunday.
struct MovableHoliday
{
    int daysAfterEaster;
    const char* name;
};
constexpr MovableHoliday movableHolidays[] = {
    { 1, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Lundi de Pâques") },
    { 39, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Ascension") },
    { 50, QT_TRANSLATE_NOOP("iris::WorkingCalendar", "Lundi de Pentecôte") },
};

} // namespace

QDate WorkingCalendar::easterSunday(int year)
{
    // Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<PublicHoliday> WorkingCalendar::publicHolidays(int year)
{
    QList<PublicHoliday> holidays;
    for (const FixedHoliday& f : fixedHolidays)
        holidays.append({ QDate(year, f.month, f.day), tr(f.name) });
    const QDate easter = easterSunday(year);
    for (const MovableHoliday& m : movableHolidays)
        holidays.append({ easter.addDays(m.daysAfterEaster), tr(m.name) });
    std::sort(holidays.begin(), holidays.end(),
        [](const PublicHoliday& x, const PublicHoliday& y) { return x.date < y.date; });
    return holidays;
}

bool WorkingCalendar::isPublicHoliday(const QDate& date, QString* name)
{
    if (!date.isValid())
        return false;
    for (const FixedHoliday& f : fixedHolidays) {
        if (date.month() == f.month && date.day() == f.day) {
            if (name)
                *name = tr(f.name);
            return true;
        }
    }
    // Movable holidays fall between 23 March (Easter Monday) and 14 June (Whit Monday).
    if (date.month() < 3 || date.month() > 6)
        return false;
    const qint64 offset = easterSunday(date.year()).daysTo(date);
    for (const MovableHoliday& m : movableHolidays) {
        if (offset == m.daysAfterEaster) {
            if (name)
                *name = tr(m.name);
            return true;
        }
    }
    return false;
}

void WorkingCalendar::addClosure(const QDate& date, const QString& reason)
{
    if (date.isValid())
        m_closures.insert(date, reason);
}

void WorkingCalendar::removeClosure(const QDate& date)
{
    m_closures.remove(date);
}

QList<QDate> WorkingCalendar::closures() const
{
    QList<QDate> dates = m_closures.keys();
    std::sort(dates.begin(), dates.end());
    return dates;
}

bool WorkingCalendar::isOpenWeekday(const QDate& date) const
{
    const int dow = date.dayOfWeek();
    return dow <= 5 || (dow == 6 && m_saturdayWorking);
}

bool WorkingCalendar::isWorkingDay(const QDate& date) const
{
    return date.isValid() && isOpenWeekday(date) && !isPublicHoliday(date) && !m_closures.contains(date);
}

QDate WorkingCalendar::nextWorkingDay(const QDate& date) const
{
    if (!date.isValid())
        return {};
    QDate d = date;
    while (!isWorkingDay(d))
        d = d.addDays(1);
    return d;
}

QDate WorkingCalendar::previousWorkingDay(const QDate& date) const
{
    if (!date.isValid())
        return {};
    QDate d = date;
    while (!isWorkingDay(d))
        d = d.addDays(-1);
    return d;
}

QDate WorkingCalendar::addWorkingDays(const QDate& date, int n) const
{
    if (!date.isValid())
        return {};
    const int step = n < 0 ? -1 : 1;
    QDate d = date;
    for (int remaining = n < 0 ? -n : n; remaining > 0;) {
        d = d.addDays(step);
        if (isWorkingDay(d))
            --remaining;
    }
    return d;
}

int WorkingCalendar::workingDaysBetween(const QDate& from, const QDate& to) const
{
    if (!from.isValid() || !to.isValid())
        return 0;
    // Forward: working days in (from, to]. Backward: minus those in [to, from), so that
    // both directions invert addWorkingDays().
    int count = 0;
    if (from < to) {
        for (QDate d = from.addDays(1); d <= to; d = d.addDays(1))
            count += isWorkingDay(d) ? 1 : 0;
        return count;
    }
    for (QDate d = to; d < from; d = d.addDays(1))
        count += isWorkingDay(d) ? 1 : 0;
    return -count;
}

QDate WorkingCalendar::legalDeadline(const QDate& event, int days) const
{
    if (!event.isValid())
        return {};
    // CPC art. 641: the day of the event does not count; art. 642 (and Code civil art. 55
    // for births): a deadline ending on a Saturday, Sunday, holiday or closed day moves
    // to the next day that is none of these.
    QDate d = event.addDays(days);
    while (d.dayOfWeek() >= 6 || isPublicHoliday(d) || m_closures.contains(d))
        d = d.addDays(1);
    return d;
}

} // namespace iris
