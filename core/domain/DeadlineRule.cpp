#include "core/domain/DeadlineRule.h"

#include "core/base/WorkingCalendar.h"

namespace iris {

DeadlineRule DeadlineRule::workingDays(int days)
{
    DeadlineRule r;
    r.m_kind = Kind::WorkingDays;
    r.m_days = days;
    return r;
}

DeadlineRule DeadlineRule::calendarDays(int days)
{
    DeadlineRule r;
    r.m_kind = Kind::CalendarDays;
    r.m_days = days;
    return r;
}

DeadlineRule DeadlineRule::custom(Function function)
{
    DeadlineRule r;
    r.m_kind = function ? Kind::Custom : Kind::None;
    r.m_function = std::move(function);
    return r;
}

QDate DeadlineRule::dueDate(const QDate& opened, const WorkingCalendar& calendar) const
{
    if (!opened.isValid())
        return {};
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::WorkingDays:
        return calendar.addWorkingDays(opened, m_days);
    case Kind::CalendarDays:
        return calendar.nextWorkingDay(opened.addDays(m_days));
    case Kind::Custom:
        return m_function(opened, calendar);
    }
    return {};
}

} // namespace iris
