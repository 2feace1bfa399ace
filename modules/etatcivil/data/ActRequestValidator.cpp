#include "modules/etatcivil/data/ActRequestValidator.h"

#include "core/base/ValidationErrors.h"
#include "core/base/Validators.h"
#include "modules/etatcivil/rules/EntitlementRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

bool isThePerson(RequesterLink link)
{
    return link == RequesterLink::PersonneMajeure || link == RequesterLink::PersonneMineure;
}

void checkName(ValidationErrors& errors, const QString& field, QString& value, Validators::NameKind kind,
               const QString& emptyMessage)
{
    if (value.trimmed().isEmpty()) {
        errors.add(field, emptyMessage);
        return;
    }
    if (auto v = errors.check(field, Validators::personName(value, kind)))
        value = *v;
}

} // namespace

bool ActRequestValidator::requesterNameRequired(RequesterLink link)
{
    return !isThePerson(link);
}

void ActRequestValidator::assess(ActRequest& r, const QString& siteCommune)
{
    r.entitlement = EntitlementRules::decide(r.actType, r.document, r.requesterLink);
    r.location = ActLocator::locate(r.actType, r.place(), siteCommune);
}

QList<FieldError> ActRequestValidator::validate(ActRequest& r, const QDate& today)
{
    ValidationErrors errors;
    checkName(errors, u"personNom"_s, r.personNom, Validators::NameKind::Nom,
              tr("Le nom de la personne figurant sur l'acte est obligatoire."));
    checkName(errors, u"personPrenoms"_s, r.personPrenoms, Validators::NameKind::Prenoms,
              tr("Les prénoms de la personne figurant sur l'acte sont obligatoires."));
    if (isThePerson(r.requesterLink) && r.requesterNom.trimmed().isEmpty()) {
        r.requesterNom = r.personNom;
        r.requesterPrenoms = r.personPrenoms;
    }
    checkName(errors, u"requesterNom"_s, r.requesterNom, Validators::NameKind::Nom,
              tr("Le nom du demandeur est obligatoire (%1) : seule la personne figurant sur l'acte peut "
                 "laisser ce champ vide.")
                  .arg(labelOf(r.requesterLink).toLower()));
    if (!r.requesterPrenoms.trimmed().isEmpty())
        checkName(errors, u"requesterPrenoms"_s, r.requesterPrenoms, Validators::NameKind::Prenoms, {});

    r.eventCommune = r.eventCommune.simplified();
    r.eventCountry = r.eventCountry.simplified();
    r.lastDomicile = r.lastDomicile.simplified();
    r.personBirthPlace = r.personBirthPlace.simplified();
    r.parent1 = r.parent1.simplified();
    r.parent2 = r.parent2.simplified();
    r.requesterAddress = r.requesterAddress.trimmed();
    r.requesterEmail = r.requesterEmail.trimmed();

    if (!r.eventDate.isValid())
        errors.add(u"eventDate"_s, tr("La date de l'événement est obligatoire pour retrouver l'acte."));
    else if (r.eventDate > today)
        errors.add(u"eventDate"_s, tr("La date de l'événement ne peut pas être dans le futur."));
    if (ActLocator::isFrance(r.eventCountry) && r.eventCommune.isEmpty())
        errors.add(u"eventCommune"_s, tr("La commune de l'événement est obligatoire."));
    if (r.actType == ActType::Naissance) {
        // A birth act: the person was born on the day and at the place of the event.
        r.personBirthDate = r.eventDate;
        r.personBirthPlace = r.eventCommune.isEmpty() ? r.eventCountry : r.eventCommune;
    }
    if (r.personBirthDate.isValid() && r.personBirthDate > today)
        errors.add(u"personBirthDate"_s, tr("La date de naissance ne peut pas être dans le futur."));

    const Entitlement verdict = EntitlementRules::decide(r.actType, r.document, r.requesterLink);
    if (verdict.verdict == Entitlement::Verdict::NotApplicable)
        errors.add(u"document"_s, verdict.reason);
    if (EntitlementRules::requiresFiliationDetails(r.actType, r.document)) {
        const QString why = tr("(obligatoire pour une %1)").arg(labelOf(r.document).toLower());
        if (!r.personBirthDate.isValid())
            errors.add(u"personBirthDate"_s, tr("Date de naissance de la personne %1.").arg(why));
        if (r.personBirthPlace.isEmpty())
            errors.add(u"personBirthPlace"_s, tr("Lieu de naissance de la personne %1.").arg(why));
        if (r.parent1.isEmpty())
            errors.add(u"parent1"_s, tr("Nom et prénom du premier parent %1.").arg(why));
        if (r.parent2.isEmpty() && !r.singleParent)
            errors.add(u"parent2"_s, tr("Nom et prénom du second parent %1, ou cochez « filiation à l'égard d'un seul "
                                        "parent ».")
                                         .arg(why));
    }

    if (r.copies < 1 || r.copies > 10)
        errors.add(u"copies"_s, tr("Le nombre d'exemplaires doit être compris entre 1 et 10."));
    const bool comedecChannel = r.channel == RequestChannel::Comedec;
    const bool comedecDelivery = r.deliveryMode == DeliveryMode::Comedec;
    if (comedecChannel && r.requesterLink != RequesterLink::AutoriteLegale)
        errors.add(u"channel"_s, tr("COMEDEC ne sert qu'aux notaires et administrations habilités."));
    if (comedecChannel != comedecDelivery)
        errors.add(u"deliveryMode"_s, tr("Une demande reçue par COMEDEC est transmise par COMEDEC, et seulement elle."));
    if (r.deliveryMode == DeliveryMode::Courrier && r.requesterAddress.isEmpty())
        errors.add(u"requesterAddress"_s, tr("L'adresse postale du demandeur est obligatoire pour un envoi postal."));
    if (!r.requesterEmail.isEmpty()) {
        if (auto e = errors.check(u"requesterEmail"_s, Validators::email(r.requesterEmail)))
            r.requesterEmail = *e;
    }
    return errors.fields();
}

} // namespace iris::etatcivil
