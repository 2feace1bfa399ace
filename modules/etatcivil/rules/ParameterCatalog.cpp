#include "modules/etatcivil/rules/ParameterCatalog.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

int* field(EtatCivilSettings& s, const QString& key)
{
    if (key == u"acte.delai_traitement") return &s.acteProcessingDays;
    if (key == u"naissance.delai_declaration") return &s.birthDeclarationDays;
    if (key == u"union.validite_acte_naissance") return &s.birthActValidityMonths;
    if (key == u"union.validite_acte_naissance_etranger") return &s.birthActValidityAbroadMonths;
    if (key == u"mariage.temoins_min") return &s.marriageWitnessesMin;
    if (key == u"mariage.temoins_max") return &s.marriageWitnessesMax;
    if (key == u"mariage.publication_jours") return &s.bannsDays;
    if (key == u"mariage.validite_dossier") return &s.marriageFileValidityMonths;
    if (key == u"recensement.fenetre_mois") return &s.recensementWindowMonths;
    if (key == u"recensement.age_regularisation") return &s.recensementRegularisationAge;
    if (key == u"accueil.timbre_fiscal") return &s.accueilStampEuros;
    if (key == u"prenom.age_consentement") return &s.prenomConsentAge;
    return nullptr;
}

} // namespace

const QList<ParameterDefinition>& ParameterCatalog::definitions()
{
    using K = ParameterDefinition::Kind;
    static const QList<ParameterDefinition> list = {
        {u"site.commune"_s, tr("Commune dont le service tient les registres"), QString(), K::Text, 0, 0,
         tr("Orientation des demandes d'actes")},
        {u"acte.delai_traitement"_s, tr("Délai de traitement d'une demande d'acte"), tr("jours ouvrés"), K::Integer, 1, 60,
         tr("Engagement de service (Qualivilles)")},
        {u"naissance.delai_declaration"_s, tr("Délai de déclaration de naissance"), tr("jours"), K::Integer, 1, 30,
         tr("Code civil, art. 55")},
        {u"union.validite_acte_naissance"_s, tr("Ancienneté maximale de l'acte de naissance (PACS, mariage)"), tr("mois"),
         K::Integer, 1, 12, tr("Code civil, art. 70 (mariage) ; décret n° 2017-889 (PACS)")},
        {u"union.validite_acte_naissance_etranger"_s, tr("Ancienneté maximale d'un acte de naissance délivré à l'étranger"),
         tr("mois"), K::Integer, 1, 12, tr("Code civil, art. 70 (mariage) ; décret n° 2017-889 (PACS)")},
        {u"mariage.temoins_min"_s, tr("Nombre minimal de témoins"), tr("témoins"), K::Integer, 1, 4, tr("Code civil, art. 75")},
        {u"mariage.temoins_max"_s, tr("Nombre maximal de témoins"), tr("témoins"), K::Integer, 1, 8, tr("Code civil, art. 75")},
        {u"mariage.publication_jours"_s, tr("Durée de publication des bans"), tr("jours"), K::Integer, 1, 30,
         tr("Code civil, art. 63 et 64")},
        {u"mariage.validite_dossier"_s, tr("Validité du dossier de mariage après publication"), tr("mois"), K::Integer, 1, 24,
         tr("Code civil, art. 65")},
        {u"recensement.fenetre_mois"_s, tr("Recensement : mois suivant le 16e anniversaire"), tr("mois"), K::Integer, 1, 12,
         tr("Code du service national, art. L113-1")},
        {u"recensement.age_regularisation"_s, tr("Recensement : âge limite de régularisation"), tr("ans"), K::Integer, 17, 30,
         tr("Code du service national, art. L113-1")},
        {u"accueil.timbre_fiscal"_s, tr("Attestation d'accueil : timbre fiscal"), tr("€"), K::Integer, 0, 500,
         tr("CESEDA (attestation d'accueil) ; loi de finances")},
        {u"prenom.age_consentement"_s, tr("Changement de prénom : âge du consentement de l'enfant"), tr("ans"), K::Integer, 1, 18,
         tr("Code civil, art. 60")},
    };
    return list;
}

const ParameterDefinition* ParameterCatalog::find(const QString& key)
{
    for (const ParameterDefinition& d : definitions()) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

QString ParameterCatalog::valueIn(const EtatCivilSettings& settings, const QString& key)
{
    if (key == u"site.commune")
        return settings.commune;
    EtatCivilSettings copy = settings;
    const int* f = field(copy, key);
    return f ? QString::number(*f) : QString();
}

QString ParameterCatalog::validate(const QString& key, const QString& value)
{
    const ParameterDefinition* d = find(key);
    if (!d)
        return tr("Le paramètre « %1 » n'existe pas.").arg(key);
    if (d->kind == ParameterDefinition::Kind::Text) {
        if (value.trimmed().isEmpty())
            return tr("« %1 » ne peut pas être vide.").arg(d->label);
        if (value.trimmed().size() > 120)
            return tr("« %1 » ne doit pas dépasser 120 caractères.").arg(d->label);
        return {};
    }
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok)
        return tr("« %1 » doit être un nombre entier.").arg(d->label);
    if (n < d->minimum || n > d->maximum)
        return tr("« %1 » doit être compris entre %2 et %3.").arg(d->label).arg(d->minimum).arg(d->maximum);
    return {};
}

bool ParameterCatalog::apply(EtatCivilSettings& settings, const QString& key, const QString& value)
{
    if (!validate(key, value).isEmpty())
        return false;
    if (key == u"site.commune") {
        settings.commune = value.trimmed();
        return true;
    }
    int* f = field(settings, key);
    if (!f)
        return false;
    *f = value.trimmed().toInt();
    return true;
}

} // namespace iris::etatcivil
