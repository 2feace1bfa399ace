#include "modules/etatcivil/rules/BirthDeclarationRules.h"

#include "core/base/WorkingCalendar.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

QDate BirthDeclarationRules::deadline(const QDate& birth, const WorkingCalendar& calendar,
                                      const EtatCivilSettings& settings)
{
    return calendar.legalDeadline(birth, settings.birthDeclarationDays);
}

RuleCheck BirthDeclarationRules::check(const QDate& birth, const QDate& declaredOn, const WorkingCalendar& calendar,
                                       const EtatCivilSettings& settings)
{
    if (!birth.isValid())
        return RuleCheck::fail(tr("La date de naissance est obligatoire."));
    if (birth > declaredOn)
        return RuleCheck::fail(tr("La date de naissance ne peut pas être postérieure à la déclaration."));
    const QDate last = deadline(birth, calendar, settings);
    const QString lastText = last.toString(u"dd/MM/yyyy"_s);
    if (declaredOn <= last)
        return RuleCheck::pass(tr("Déclaration dans le délai légal : au plus tard le %1 (%2 jours après la naissance, "
                                  "jour de la naissance non compté, reporté au premier jour ouvrable).")
                                   .arg(lastText)
                                   .arg(settings.birthDeclarationDays),
                               last);
    return RuleCheck::fail(tr("Déclaration tardive : le délai expirait le %1. L'officier de l'état civil ne peut plus "
                              "dresser l'acte ; un jugement déclaratif est nécessaire : orienter le déclarant vers le "
                              "procureur de la République (Code civil, art. 55).")
                               .arg(lastText),
                           last);
}

} // namespace iris::etatcivil
