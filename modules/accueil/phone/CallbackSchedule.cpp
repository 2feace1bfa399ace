#include "modules/accueil/phone/CallbackSchedule.h"

namespace iris::accueil {

OpeningHours CallbackSchedule::defaultHours()
{
    OpeningHours h;
    const QTime open(8, 30);
    h.setDays({1, 2, 3, 5}, {{open, QTime(18, 0)}});
    h.setDay(4, {{open, QTime(19, 0)}});
    h.setDay(6, {{open, QTime(12, 0)}});
    OpeningException summer;
    summer.from = QDate(2000, 7, 1);
    summer.to = QDate(2000, 8, 31);
    summer.weekdays = {6};
    summer.yearly = true;
    summer.label = tr("Fermé le samedi en juillet et août");
    h.addException(summer);
    return h;
}

CallbackSchedule::CallbackSchedule()
    : m_hours(defaultHours())
{
}

CallbackSchedule::CallbackSchedule(OpeningHours hours, WorkingCalendar calendar)
    : m_hours(std::move(hours))
    , m_calendar(std::move(calendar))
{
}

QDateTime CallbackSchedule::addOpenMinutes(const QDateTime& from, int minutes) const
{
    const QDateTime local = from.toLocalTime();
    qint64 remaining = qint64(qMax(0, minutes)) * 60;
    QDate day = local.date();
    QTime cursor = local.time();
    for (int i = 0; i < 400; ++i, day = day.addDays(1), cursor = QTime(0, 0)) {
        for (const TimeRange& range : m_hours.rangesOn(day)) {
            if (!range.isValid() || cursor >= range.end)
                continue;
            const QTime start = qMax(cursor, range.start);
            const qint64 available = start.secsTo(range.end);
            if (remaining <= available && (remaining > 0 || available > 0))
                return QDateTime(day, start.addSecs(int(remaining)));
            remaining -= available;
        }
    }
    return {};
}

QDateTime CallbackSchedule::due(Preset preset, const QDateTime& from) const
{
    const QDateTime local = from.toLocalTime();
    switch (preset) {
    case Preset::InOneHour:
        return addOpenMinutes(local, 60);
    case Preset::InTwoHours:
        return addOpenMinutes(local, 120);
    case Preset::NextMorning:
        return m_hours.nextOpening(QDateTime(local.date().addDays(1), QTime(0, 0)));
    case Preset::TwoWorkingDays: {
        const QDate day = m_calendar.addWorkingDays(local.date(), 2);
        return addOpenMinutes(QDateTime(day, local.time()), 0);
    }
    }
    return {};
}

QString CallbackSchedule::presetLabel(Preset preset)
{
    switch (preset) {
    case Preset::InOneHour:
        return tr("Dans 1 heure d'ouverture");
    case Preset::InTwoHours:
        return tr("Dans 2 heures d'ouverture");
    case Preset::NextMorning:
        return tr("Prochaine ouverture (demain matin)");
    case Preset::TwoWorkingDays:
        return tr("Sous 2 jours ouvrés");
    }
    return {};
}

QList<CallbackSchedule::Preset> CallbackSchedule::presets()
{
    return {Preset::InOneHour, Preset::InTwoHours, Preset::NextMorning, Preset::TwoWorkingDays};
}

} // namespace iris::accueil
