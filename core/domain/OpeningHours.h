#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <array>

namespace iris {

/// A half-open opening slot [start, end) on one day, in the site's local wall-clock time.
struct TimeRange
{
    QTime start;
    QTime end;

    bool contains(const QTime& t) const { return t >= start && t < end; }
    bool isValid() const { return start.isValid() && end.isValid() && start < end; }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

/// A departure from the weekly schedule over a period: closed (no ranges) or special hours.
/// `yearly` exceptions repeat every year on the same days of the year (e.g. "samedis d'été").
struct OpeningException
{
    QDate from; ///< first day (inclusive)
    QDate to; ///< last day (inclusive); equal to `from` for a single day
    QList<int> weekdays; ///< 1 = Monday … 7 = Sunday; empty = every day of the period
    QList<TimeRange> ranges; ///< empty = closed
    QString label; ///< French ("Fermé le samedi en juillet et août")
    bool yearly = false;

    bool appliesTo(const QDate& date) const;
    friend bool operator==(const OpeningException&, const OpeningException&) = default;
};

/// Weekly opening schedule with exceptions. Public holidays close the service unless
/// `openOnPublicHolidays` is set (e.g. an on-duty line); the holidays are those of
/// WorkingCalendar (French public holidays).
class OpeningHours
{
public:
    /// Replaces the slots of one day of the week (1 = Monday … 7 = Sunday).
    void setDay(int weekday, QList<TimeRange> ranges);
    /// Same slots for several days, e.g. setDays({1,2,3,4,5}, {{8:30, 18:00}}).
    void setDays(const QList<int>& weekdays, const QList<TimeRange>& ranges);
    QList<TimeRange> day(int weekday) const;

    void addException(OpeningException exception);
    const QList<OpeningException>& exceptions() const { return m_exceptions; }

    bool openOnPublicHolidays() const { return m_openOnHolidays; }
    void setOpenOnPublicHolidays(bool open) { m_openOnHolidays = open; }

    /// Slots that apply on a given date, exceptions and public holidays taken into account
    /// (the last matching exception wins).
    QList<TimeRange> rangesOn(const QDate& date) const;
    /// Open at the wall-clock date and time of `at` (the site's local time).
    bool isOpenAt(const QDateTime& at) const;
    /// First moment at or after `from` when the service is open; invalid when none within 60 days.
    QDateTime nextOpening(const QDateTime& from) const;
    bool isEmpty() const;

    /// French summary, one line per group of days: "lun.–ven. 08:30–18:00 ; sam. 08:30–12:00".
    QString toDisplayText() const;

    /// Compact JSON used for storage; fromJson() accepts what toJson() writes and
    /// returns false on malformed text.
    QString toJson() const;
    static bool fromJson(const QString& json, OpeningHours* hours, QString* errorMessage = nullptr);

    friend bool operator==(const OpeningHours&, const OpeningHours&) = default;

private:
    std::array<QList<TimeRange>, 7> m_week;
    QList<OpeningException> m_exceptions;
    bool m_openOnHolidays = false;
};

} // namespace iris
