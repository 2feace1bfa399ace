#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace iris {

/// A French public holiday ("jour férié", Code du travail art. L3133-1).
struct PublicHoliday
{
    QDate date;
    QString name; ///< French: "Lundi de Pâques", "Fête nationale"…
};

/// Working days of a counter and deadline arithmetic.
///
/// Working days are Monday to Friday (Saturday too when setSaturdayWorking(true), for
/// counters open on Saturday morning), minus the eleven French public holidays
/// (Code du travail art. L3133-1: 1 January, Easter Monday, 1 May, 8 May, Ascension,
/// Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December) and minus the
/// site's extra closure dates (pont, inventory day…). Easter follows the Gregorian
/// computus, so any year from 1583 on is handled. Value type, cheap to copy, thread-safe
/// for reading.
class WorkingCalendar final
{
    Q_DECLARE_TR_FUNCTIONS(iris::WorkingCalendar)

public:
    WorkingCalendar() = default;

    /// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static QDate easterSunday(int year);
    /// The eleven public holidays of `year`, in date order, with their French names.
    static QList<PublicHoliday> publicHolidays(int year);
    /// True when `date` is a public holiday; its French name in *name if given.
    static bool isPublicHoliday(const QDate& date, QString* name = nullptr);

    bool saturdayWorking() const { return m_saturdayWorking; }
    void setSaturdayWorking(bool working) { m_saturdayWorking = working; }

    /// A site closure day (not a public holiday), with an optional French reason.
    void addClosure(const QDate& date, const QString& reason = {});
    void removeClosure(const QDate& date);
    bool isClosure(const QDate& date) const { return m_closures.contains(date); }
    QString closureReason(const QDate& date) const { return m_closures.value(date); }
    QList<QDate> closures() const; ///< sorted

    /// Open day: Monday–Friday (and Saturday when set), not a holiday, not a closure.
    bool isWorkingDay(const QDate& date) const;
    /// `date` itself when it is a working day, else the next one (on-or-after).
    QDate nextWorkingDay(const QDate& date) const;
    /// `date` itself when it is a working day, else the previous one (on-or-before).
    QDate previousWorkingDay(const QDate& date) const;
    /// The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself for
    /// n == 0. `date` need not be a working day: addWorkingDays(Saturday, 1) is Monday
    /// (or Tuesday after Easter). Example: an e-mail answered within 5 working days.
    QDate addWorkingDays(const QDate& date, int n) const;
    /// Working days in (from, to] when from <= to; when to < from, minus the working days
    /// in [to, from). Inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n))
    /// == n for any n when d is a working day.
    int workingDaysBetween(const QDate& from, const QDate& to) const;

    /// Legal deadline of `days` calendar days after an event, the day of the event not
    /// counted (Code de procédure civile art. 641), extended to the next day that is not a
    /// Saturday, Sunday, public holiday or closure day when it falls on one (CPC art. 642;
    /// Code civil art. 55 for birth declarations: 5 days). The Saturday setting of the
    /// counter does not apply: the law extends a deadline ending on any Saturday.
    /// Example: a birth on Tuesday 2024-04-30 → 5 May is a Sunday → Monday 2024-05-06.
    QDate legalDeadline(const QDate& event, int days) const;
    /// True while `today` is within the legal deadline of `days` days after `event`.
    bool withinLegalDeadline(const QDate& event, int days, const QDate& today) const
    {
        return today >= event && today <= legalDeadline(event, days);
    }

private:
    bool isOpenWeekday(const QDate& date) const;

    bool m_saturdayWorking = false;
    QHash<QDate, QString> m_closures;
};

} // namespace iris
