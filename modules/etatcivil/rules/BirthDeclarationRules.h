#pragma once

#include "modules/etatcivil/rules/EtatCivilSettings.h"
#include "modules/etatcivil/rules/RuleCheck.h"

#include <QCoreApplication>
#include <QDate>

namespace iris {
class WorkingCalendar;
}

namespace iris::etatcivil {

/// Déclaration de naissance (Code civil art. 55): within 5 days after the birth, the day
/// of birth not counted; a last day falling on a Saturday, Sunday, public holiday (or a
/// closure day of the site) moves to the next day that is none of these. Later, the
/// officer cannot draw up the act: a court judgment is needed, so the declarant is
/// referred to the procureur de la République.
class BirthDeclarationRules final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::BirthDeclarationRules)

public:
    BirthDeclarationRules() = delete;

    /// Last day to declare a birth of `birth` (WorkingCalendar::legalDeadline).
    static QDate deadline(const QDate& birth, const WorkingCalendar& calendar, const EtatCivilSettings& settings = {});
    /// ok when declared on time (date = the deadline); otherwise the "procureur" message.
    /// A birth date in the future or after the declaration is refused.
    static RuleCheck check(const QDate& birth, const QDate& declaredOn, const WorkingCalendar& calendar,
                           const EtatCivilSettings& settings = {});
};

} // namespace iris::etatcivil
