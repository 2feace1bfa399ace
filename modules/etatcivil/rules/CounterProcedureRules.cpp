#include "modules/etatcivil/rules/CounterProcedureRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

RuleCheck CounterProcedureRules::legalisation(bool signerPresent, bool identityChecked)
{
    if (!signerPresent)
        return RuleCheck::fail(tr("Le signataire doit signer le document devant l'agent : la légalisation ne peut pas "
                                  "se faire en son absence."));
    if (!identityChecked)
        return RuleCheck::fail(tr("La pièce d'identité du signataire doit être présentée et vérifiée."));
    return RuleCheck::pass(tr("Signataire présent, identité vérifiée."));
}

RuleCheck CounterProcedureRules::livretDuplicate(bool residesInCommune, const QString& commune)
{
    if (!residesInCommune)
        return RuleCheck::fail(tr("Le duplicata du livret de famille se demande à la mairie du lieu de résidence : "
                                  "le demandeur ne réside pas à %1.")
                                   .arg(commune));
    return RuleCheck::pass(tr("Demande gratuite, à la mairie de résidence."));
}

RuleCheck CounterProcedureRules::attestationAccueil(int stampEuros, const QString& stampNumber,
                                                    const EtatCivilSettings& settings)
{
    if (stampNumber.trimmed().isEmpty())
        return RuleCheck::fail(tr("Le numéro du timbre fiscal de %1 € acquitté par l'hébergeant est obligatoire.")
                                   .arg(settings.accueilStampEuros));
    if (stampEuros != settings.accueilStampEuros)
        return RuleCheck::fail(tr("Le timbre fiscal doit être de %1 € (%2 € présenté).")
                                   .arg(settings.accueilStampEuros)
                                   .arg(stampEuros));
    return RuleCheck::pass(tr("Timbre fiscal de %1 € n° %2.").arg(stampEuros).arg(stampNumber.trimmed()));
}

int CounterProcedureRules::ageOn(const QDate& birth, const QDate& on)
{
    if (!birth.isValid() || !on.isValid() || on < birth)
        return 0;
    int age = on.year() - birth.year();
    if (on < birth.addYears(age))
        --age;
    return age;
}

RuleCheck CounterProcedureRules::changementPrenom(bool filedInPerson, const QDate& birth, const QDate& filedOn,
                                                  bool childConsent, const EtatCivilSettings& settings)
{
    if (!filedInPerson)
        return RuleCheck::fail(tr("La demande de changement de prénom se dépose en personne à la mairie : elle ne peut "
                                  "pas être envoyée."));
    if (!birth.isValid())
        return RuleCheck::fail(tr("La date de naissance de la personne est obligatoire."));
    const int age = ageOn(birth, filedOn);
    if (age < 18 && age >= settings.prenomConsentAge && !childConsent)
        return RuleCheck::fail(tr("L'enfant a %1 ans : son consentement personnel est requis à partir de %2 ans "
                                  "(Code civil, art. 60).")
                                   .arg(age)
                                   .arg(settings.prenomConsentAge));
    if (age < 18)
        return RuleCheck::pass(tr("Demande d'un mineur de %1 ans déposée par son représentant légal.").arg(age));
    return RuleCheck::pass(tr("Demande déposée en personne."));
}

} // namespace iris::etatcivil
