#pragma once

#include "core/base/WorkingCalendar.h"
#include "core/domain/OpeningHours.h"

#include <QCoreApplication>
#include <QDateTime>

namespace iris::accueil {

/// When a callback falls due, counted in the opening time of the counter: a callback
/// promised "within two hours" at 17:30 on the eve of a holiday is due the next working
/// morning, not at 19:30. Public holidays close the counter (OpeningHours), and the
/// "working days" presets skip them too (WorkingCalendar, Code du travail art. L3133-1).
class CallbackSchedule final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CallbackSchedule)
public:
    enum class Preset {
        InOneHour,       ///< 1 hour of opening time
        InTwoHours,      ///< 2 hours of opening time
        NextMorning,     ///< the next opening after today (next open day, at its opening)
        TwoWorkingDays,  ///< same time 2 working days later (moved to the next opening if closed)
    };

    /// The counter's default hours (DOMAIN: Mon–Fri 8:30–18:00, Thursday until 19:00,
    /// Saturday 8:30–12:00 except in July and August).
    static OpeningHours defaultHours();
    CallbackSchedule();
    explicit CallbackSchedule(OpeningHours hours, WorkingCalendar calendar = {});

    /// `from` plus `minutes` of opening time (local wall-clock); from a closed moment the
    /// count starts at the next opening. Invalid when nothing opens within a year.
    QDateTime addOpenMinutes(const QDateTime& from, int minutes) const;
    QDateTime due(Preset preset, const QDateTime& from) const;
    static QString presetLabel(Preset preset);
    static QList<Preset> presets();

    const OpeningHours& hours() const { return m_hours; }

private:
    OpeningHours m_hours;
    WorkingCalendar m_calendar;
};

} // namespace iris::accueil
