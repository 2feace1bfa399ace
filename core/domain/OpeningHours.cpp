#include "core/domain/OpeningHours.h"

#include "core/base/WorkingCalendar.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

bool validWeekday(int weekday)
{
    return weekday >= 1 && weekday <= 7;
}

// Month/day of a date inside `year`, clamped for 29 February.
QDate sameDayIn(const QDate& date, int year)
{
    QDate d(year, date.month(), date.day());
    if (!d.isValid())
        d = QDate(year, date.month(), 28);
    return d;
}

QString timeText(const QTime& t)
{
    return t.toString(u"HH:mm"_s);
}

QJsonArray rangesToJson(const QList<TimeRange>& ranges)
{
    QJsonArray out;
    for (const TimeRange& r : ranges)
        out.append(QJsonArray { timeText(r.start), timeText(r.end) });
    return out;
}

bool rangesFromJson(const QJsonValue& value, QList<TimeRange>* ranges)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue& item : value.toArray()) {
        const QJsonArray pair = item.toArray();
        if (pair.size() != 2)
            return false;
        const TimeRange r { QTime::fromString(pair.at(0).toString(), u"HH:mm"_s),
            QTime::fromString(pair.at(1).toString(), u"HH:mm"_s) };
        if (!r.isValid())
            return false;
        ranges->append(r);
    }
    return true;
}

QString weekdayShort(int weekday)
{
    static const char* const names[] = {
        QT_TRANSLATE_NOOP("iris::OpeningHours", "lun."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "mar."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "mer."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "jeu."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "ven."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "sam."),
        QT_TRANSLATE_NOOP("iris::OpeningHours", "dim."),
    };
    return QCoreApplication::translate("iris::OpeningHours", names[weekday - 1]);
}

QString rangesText(const QList<TimeRange>& ranges)
{
    QStringList parts;
    for (const TimeRange& r : ranges)
        parts << QString(timeText(r.start) + u'–' + timeText(r.end));
    return parts.join(u", "_s);
}

} // namespace

bool OpeningException::appliesTo(const QDate& date) const
{
    if (!date.isValid() || !from.isValid())
        return false;
    if (!weekdays.isEmpty() && !weekdays.contains(date.dayOfWeek()))
        return false;
    const QDate last = to.isValid() ? to : from;
    if (!yearly)
        return date >= from && date <= last;
    // A yearly period may wrap over the new year (e.g. 20 December → 5 January).
    const QDate start = sameDayIn(from, date.year());
    const QDate end = sameDayIn(last, date.year());
    if (start <= end)
        return date >= start && date <= end;
    return date >= start || date <= end;
}

void OpeningHours::setDay(int weekday, QList<TimeRange> ranges)
{
    if (!validWeekday(weekday))
        return;
    std::sort(ranges.begin(), ranges.end(),
        [](const TimeRange& a, const TimeRange& b) { return a.start < b.start; });
    m_week[weekday - 1] = std::move(ranges);
}

void OpeningHours::setDays(const QList<int>& weekdays, const QList<TimeRange>& ranges)
{
    for (int d : weekdays)
        setDay(d, ranges);
}

QList<TimeRange> OpeningHours::day(int weekday) const
{
    return validWeekday(weekday) ? m_week[weekday - 1] : QList<TimeRange> {};
}

void OpeningHours::addException(OpeningException exception)
{
    m_exceptions.append(std::move(exception));
}

QList<TimeRange> OpeningHours::rangesOn(const QDate& date) const
{
    if (!date.isValid())
        return {};
    const OpeningException* match = nullptr;
    for (const OpeningException& e : m_exceptions) {
        if (e.appliesTo(date))
            match = &e;
    }
    if (match)
        return match->ranges;
    if (!m_openOnHolidays && WorkingCalendar::isPublicHoliday(date))
        return {};
    return m_week[date.dayOfWeek() - 1];
}

bool OpeningHours::isOpenAt(const QDateTime& at) const
{
    if (!at.isValid())
        return false;
    const QTime t = at.time();
    const QList<TimeRange> ranges = rangesOn(at.date());
    return std::any_of(ranges.cbegin(), ranges.cend(), [&t](const TimeRange& r) { return r.contains(t); });
}

QDateTime OpeningHours::nextOpening(const QDateTime& from) const
{
    if (!from.isValid())
        return {};
    for (int i = 0; i <= 60; ++i) {
        const QDate date = from.date().addDays(i);
        for (const TimeRange& r : rangesOn(date)) {
            if (i == 0 && r.contains(from.time()))
                return from;
            if (i > 0 || r.start >= from.time()) {
                QDateTime next = from; // keeps the time spec / zone of `from`
                next.setDate(date);
                next.setTime(r.start);
                return next;
            }
        }
    }
    return {};
}

bool OpeningHours::isEmpty() const
{
    return std::all_of(m_week.cbegin(), m_week.cend(), [](const QList<TimeRange>& d) { return d.isEmpty(); });
}

QString OpeningHours::toDisplayText() const
{
    // Group consecutive days with the same slots: "lun.–mer. 08:30–18:00 ; jeu. 08:30–19:00".
    QStringList groups;
    int day = 1;
    while (day <= 7) {
        if (m_week[day - 1].isEmpty()) {
            ++day;
            continue;
        }
        int last = day;
        while (last < 7 && m_week[last] == m_week[day - 1])
            ++last;
        const QString days
            = last == day ? weekdayShort(day) : QString(weekdayShort(day) + u'–' + weekdayShort(last));
        groups << QString(days + u' ' + rangesText(m_week[day - 1]));
        day = last + 1;
    }
    if (groups.isEmpty())
        return QCoreApplication::translate("iris::OpeningHours", "Fermé");
    return groups.join(u" ; "_s);
}

QString OpeningHours::toJson() const
{
    QJsonObject week;
    for (int d = 1; d <= 7; ++d) {
        if (!m_week[d - 1].isEmpty())
            week.insert(QString::number(d), rangesToJson(m_week[d - 1]));
    }
    QJsonArray exceptions;
    for (const OpeningException& e : m_exceptions) {
        QJsonObject o { { u"from"_s, e.from.toString(Qt::ISODate) },
            { u"to"_s, (e.to.isValid() ? e.to : e.from).toString(Qt::ISODate) },
            { u"ranges"_s, rangesToJson(e.ranges) } };
        if (!e.weekdays.isEmpty()) {
            QJsonArray days;
            for (int d : e.weekdays)
                days.append(d);
            o.insert(u"weekdays"_s, days);
        }
        if (!e.label.isEmpty())
            o.insert(u"label"_s, e.label);
        if (e.yearly)
            o.insert(u"yearly"_s, true);
        exceptions.append(o);
    }
    QJsonObject root { { u"week"_s, week } };
    if (!exceptions.isEmpty())
        root.insert(u"exceptions"_s, exceptions);
    if (m_openOnHolidays)
        root.insert(u"openOnPublicHolidays"_s, true);
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

bool OpeningHours::fromJson(const QString& json, OpeningHours* hours, QString* errorMessage)
{
    const auto fail = [errorMessage](const char* text) {
        if (errorMessage)
            *errorMessage = QCoreApplication::translate("iris::OpeningHours", text);
        return false;
    };
    OpeningHours out;
    if (json.trimmed().isEmpty()) {
        *hours = out;
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QT_TRANSLATE_NOOP("iris::OpeningHours", "Les horaires enregistrés sont illisibles."));
    const QJsonObject root = doc.object();
    const QJsonObject week = root.value(u"week"_s).toObject();
    for (auto it = week.begin(); it != week.end(); ++it) {
        bool ok = false;
        const int d = it.key().toInt(&ok);
        QList<TimeRange> ranges;
        if (!ok || !validWeekday(d) || !rangesFromJson(it.value(), &ranges))
            return fail(
                QT_TRANSLATE_NOOP("iris::OpeningHours", "Un jour des horaires enregistrés est invalide."));
        out.setDay(d, ranges);
    }
    for (const QJsonValue& v : root.value(u"exceptions"_s).toArray()) {
        const QJsonObject o = v.toObject();
        OpeningException e;
        e.from = QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate);
        e.to = QDate::fromString(o.value(u"to"_s).toString(), Qt::ISODate);
        e.label = o.value(u"label"_s).toString();
        e.yearly = o.value(u"yearly"_s).toBool();
        for (const QJsonValue& d : o.value(u"weekdays"_s).toArray())
            e.weekdays.append(d.toInt());
        if (!e.from.isValid() || !e.to.isValid() || !rangesFromJson(o.value(u"ranges"_s), &e.ranges))
            return fail(QT_TRANSLATE_NOOP(
                "iris::OpeningHours", "Une exception des horaires enregistrés est invalide."));
        out.addException(e);
    }
    out.setOpenOnPublicHolidays(root.value(u"openOnPublicHolidays"_s).toBool());
    *hours = out;
    return true;
}

} // namespace iris
