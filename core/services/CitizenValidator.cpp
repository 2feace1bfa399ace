#include "core/services/CitizenValidator.h"

#include "core/base/Validators.h"

#include <QCoreApplication>

#include <optional>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::CitizenValidator", text);
}

/// Trimmed free text of at most `max` characters.
std::optional<QString> freeText(ValidationErrors& errors, const QString& field, const QString& value, int max,
                                const QString& label)
{
    const QString s = value.trimmed();
    if (s.size() > max) {
        errors.add(field, tr("%1 ne peut pas dépasser %2 caractères.").arg(label).arg(max));
        return std::nullopt;
    }
    return s;
}

} // namespace

QStringList CitizenValidator::channelIds()
{
    return {QString(), u"visite"_s, u"telephone"_s, u"courriel"_s, u"courrier"_s};
}

Result<Citizen> CitizenValidator::normalised(const Citizen& input, const QDate& today)
{
    ValidationErrors errors;
    Citizen c = input;

    c.civilite = input.civilite.trimmed();
    if (c.civilite == u"M"_s || c.civilite.compare(u"monsieur"_s, Qt::CaseInsensitive) == 0)
        c.civilite = u"M."_s;
    else if (c.civilite.compare(u"madame"_s, Qt::CaseInsensitive) == 0 || c.civilite == u"MME"_s)
        c.civilite = u"Mme"_s;
    if (!c.civilite.isEmpty() && c.civilite != u"M."_s && c.civilite != u"Mme"_s)
        errors.add(u"civilite"_s, tr("Civilité inconnue : choisissez « M. » ou « Mme », ou laissez vide."));

    const bool noNom = input.nomUsage.trimmed().isEmpty() && input.nomNaissance.trimmed().isEmpty();
    // A caller known only by their number is a first-class record (phone intake): no
    // name at all is accepted when a phone is given; a half-given name is still refused.
    const bool phoneOnly = noNom && input.prenoms.trimmed().isEmpty()
        && (!input.phone.trimmed().isEmpty() || !input.phone2.trimmed().isEmpty());
    if (noNom && !phoneOnly)
        errors.add(u"nomNaissance"_s, tr("Le nom est obligatoire (nom de naissance ou nom d'usage)."));
    if (!input.nomNaissance.trimmed().isEmpty()) {
        if (auto v = errors.check(u"nomNaissance"_s,
                                  Validators::personName(input.nomNaissance, Validators::NameKind::Nom)))
            c.nomNaissance = *v;
    } else {
        c.nomNaissance.clear();
    }
    if (!input.nomUsage.trimmed().isEmpty()) {
        if (auto v = errors.check(u"nomUsage"_s, Validators::personName(input.nomUsage, Validators::NameKind::Nom)))
            c.nomUsage = *v;
    } else {
        c.nomUsage.clear();
    }
    if (input.prenoms.trimmed().isEmpty()) {
        if (!phoneOnly)
            errors.add(u"prenoms"_s, tr("Le prénom est obligatoire."));
    } else if (auto v = errors.check(u"prenoms"_s,
                                     Validators::personName(input.prenoms, Validators::NameKind::Prenoms))) {
        c.prenoms = *v;
    }

    if (input.birthDate.isValid()) {
        if (auto v = errors.check(u"birthDate"_s, Validators::birthDate(input.birthDate, today)))
            c.birthDate = *v;
    } else if (!input.birthDate.isNull()) {
        errors.add(u"birthDate"_s, tr("La date de naissance n'est pas une date valide."));
    }
    if (auto v = freeText(errors, u"birthPlace"_s, input.birthPlace, 120, tr("Le lieu de naissance")))
        c.birthPlace = *v;

    if (auto v = freeText(errors, u"address.line1"_s, input.address.line1, 200, tr("L'adresse")))
        c.address.line1 = *v;
    if (auto v = freeText(errors, u"address.line2"_s, input.address.line2, 200, tr("Le complément d'adresse")))
        c.address.line2 = *v;
    if (auto v = freeText(errors, u"address.city"_s, input.address.city, 100, tr("La commune")))
        c.address.city = *v;
    if (!input.address.postcode.trimmed().isEmpty()) {
        if (auto v = errors.check(u"address.postcode"_s, Validators::postcode(input.address.postcode)))
            c.address.postcode = *v;
    } else {
        c.address.postcode.clear();
    }

    if (!input.phone.trimmed().isEmpty()) {
        if (auto v = errors.check(u"phone"_s, PhoneNumber::normalize(input.phone)))
            c.phone = *v;
    } else {
        c.phone.clear();
    }
    if (!input.phone2.trimmed().isEmpty()) {
        if (auto v = errors.check(u"phone2"_s, PhoneNumber::normalize(input.phone2)))
            c.phone2 = *v;
    } else {
        c.phone2.clear();
    }
    if (!input.email.trimmed().isEmpty()) {
        if (auto v = errors.check(u"email"_s, Validators::email(input.email)))
            c.email = *v;
    } else {
        c.email.clear();
    }
    if (!input.nir.trimmed().isEmpty()) {
        if (auto v = errors.check(u"nir"_s, Nir::normalize(input.nir)))
            c.nir = *v;
    } else {
        c.nir.clear();
    }

    c.preferredChannel = input.preferredChannel.trimmed();
    if (!channelIds().contains(c.preferredChannel))
        errors.add(u"preferredChannel"_s, tr("Canal de contact préféré inconnu."));
    else if (c.preferredChannel == u"courriel"_s && input.email.trimmed().isEmpty())
        errors.add(u"preferredChannel"_s, tr("Le canal préféré « courriel » demande une adresse électronique."));
    else if (c.preferredChannel == u"telephone"_s && input.phone.trimmed().isEmpty()
             && input.phone2.trimmed().isEmpty())
        errors.add(u"preferredChannel"_s, tr("Le canal préféré « téléphone » demande un numéro de téléphone."));
    else if (c.preferredChannel == u"courrier"_s
             && (input.address.line1.trimmed().isEmpty() || input.address.postcode.trimmed().isEmpty()))
        errors.add(u"preferredChannel"_s, tr("Le canal préféré « courrier » demande une adresse postale complète."));

    if (auto v = freeText(errors, u"notes"_s, input.notes, 4000, tr("Les notes")))
        c.notes = *v;

    if (!errors.isEmpty())
        return errors.toError();
    return c;
}

} // namespace iris
