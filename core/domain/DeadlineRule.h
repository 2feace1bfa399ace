#pragma once

#include <QDate>
#include <functional>

namespace iris {

class WorkingCalendar;

/// How the due date of a dossier is computed from the day it is opened.
class DeadlineRule
{
public:
    enum class Kind {
        None, ///< no deadline
        WorkingDays, ///< n working days of the site calendar (holidays skipped)
        CalendarDays, ///< n calendar days, moved to the next working day when it falls on a closed day
        Custom, ///< a module's function (e.g. birth declaration: 5 days after the birth)
    };
    using Function = std::function<QDate(const QDate& opened, const WorkingCalendar& calendar)>;

    DeadlineRule() = default;
    static DeadlineRule none() { return {}; }
    static DeadlineRule workingDays(int days);
    static DeadlineRule calendarDays(int days);
    static DeadlineRule custom(Function function);

    Kind kind() const { return m_kind; }
    int days() const { return m_days; }

    /// The due date for a dossier opened on `opened`; invalid QDate when there is none.
    QDate dueDate(const QDate& opened, const WorkingCalendar& calendar) const;

private:
    Kind m_kind = Kind::None;
    int m_days = 0;
    Function m_function;
};

} // namespace iris
