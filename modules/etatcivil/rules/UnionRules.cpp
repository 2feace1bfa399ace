#include "modules/etatcivil/rules/UnionRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {
QString fr(const QDate& d)
{
    return d.toString(u"dd/MM/yyyy"_s);
}
} // namespace

QDate UnionRules::oldestBirthActIssue(const QDate& filedOn, bool issuedAbroad, const EtatCivilSettings& settings)
{
    // "Less than 3 months": an act issued on 10 January is still good on 10 April.
    return filedOn.addMonths(-(issuedAbroad ? settings.birthActValidityAbroadMonths : settings.birthActValidityMonths));
}

RuleCheck UnionRules::birthAct(const QString& whose, const QDate& issuedOn, bool issuedAbroad, const QDate& filedOn,
                               const EtatCivilSettings& settings)
{
    const int months = issuedAbroad ? settings.birthActValidityAbroadMonths : settings.birthActValidityMonths;
    if (!issuedOn.isValid())
        return RuleCheck::fail(tr("Date de délivrance de l'acte de naissance de %1 manquante.").arg(whose));
    if (issuedOn > filedOn)
        return RuleCheck::fail(tr("L'acte de naissance de %1 ne peut pas être délivré après le dépôt du dossier.").arg(whose));
    const QDate oldest = oldestBirthActIssue(filedOn, issuedAbroad, settings);
    if (issuedOn < oldest)
        return RuleCheck::fail(tr("L'acte de naissance de %1, délivré le %2, a plus de %3 mois au dépôt du %4 "
                                  "(délivré au plus tôt le %5) : un acte plus récent est nécessaire.")
                                   .arg(whose, fr(issuedOn))
                                   .arg(months)
                                   .arg(fr(filedOn), fr(oldest)),
                               oldest);
    return RuleCheck::pass(tr("Acte de naissance de %1 délivré le %2 : moins de %3 mois au dépôt.")
                               .arg(whose, fr(issuedOn))
                               .arg(months),
                           oldest);
}

RuleCheck UnionRules::witnesses(int count, const EtatCivilSettings& settings)
{
    if (count < settings.marriageWitnessesMin || count > settings.marriageWitnessesMax)
        return RuleCheck::fail(tr("Un mariage requiert de %1 à %2 témoins (%3 indiqué(s)).")
                                   .arg(settings.marriageWitnessesMin)
                                   .arg(settings.marriageWitnessesMax)
                                   .arg(count));
    return RuleCheck::pass(tr("%1 témoins.").arg(count));
}

QDate UnionRules::earliestCelebration(const QDate& published, const EtatCivilSettings& settings)
{
    return published.addDays(settings.bannsDays);
}

QDate UnionRules::fileExpiry(const QDate& published, const EtatCivilSettings& settings)
{
    return published.addMonths(settings.marriageFileValidityMonths);
}

RuleCheck UnionRules::celebration(const QDate& celebration, const QDate& published, const EtatCivilSettings& settings)
{
    if (!published.isValid())
        return RuleCheck::fail(tr("Les bans n'ont pas encore été publiés."));
    const QDate first = earliestCelebration(published, settings);
    const QDate last = fileExpiry(published, settings);
    if (!celebration.isValid())
        return RuleCheck::fail(tr("La date de célébration est obligatoire."));
    if (celebration < first)
        return RuleCheck::fail(tr("Bans publiés le %1 : le mariage ne peut pas être célébré avant le %2 "
                                  "(%3 jours, jour de la publication non compté).")
                                   .arg(fr(published), fr(first))
                                   .arg(settings.bannsDays),
                               first);
    if (celebration > last)
        return RuleCheck::fail(tr("Le dossier a expiré le %1 (%2 mois après la publication du %3) : une nouvelle "
                                  "publication des bans est nécessaire.")
                                   .arg(fr(last))
                                   .arg(settings.marriageFileValidityMonths)
                                   .arg(fr(published)),
                               last);
    return RuleCheck::pass(tr("Célébration possible du %1 au %2.").arg(fr(first), fr(last)), last);
}

} // namespace iris::etatcivil
