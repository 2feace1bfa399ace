#include "modules/etatcivil/rules/EntitlementRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

Entitlement make(Entitlement::Verdict verdict, const QString& reason, const QString& conditions = {})
{
    Entitlement e;
    e.verdict = verdict;
    e.reason = reason;
    e.rule = EntitlementRules::ruleReference();
    e.conditions = conditions;
    return e;
}

} // namespace

QString EntitlementRules::ruleReference()
{
    return tr("décret n° 2017-890 du 6 mai 2017, art. 30");
}

bool EntitlementRules::requiresFiliationDetails(ActType act, ActDocument document)
{
    if (act == ActType::Deces)
        return false;
    return document == ActDocument::CopieIntegrale || document == ActDocument::ExtraitAvecFiliation;
}

Entitlement EntitlementRules::decide(ActType act, ActDocument document, RequesterLink link)
{
    using V = Entitlement::Verdict;
    const QString doc = labelOf(document).toLower();
    const QString noun = actNoun(act);

    // Documents that do not exist: refused at registration, not after.
    if (act == ActType::Reconnaissance && document == ActDocument::ExtraitPlurilingue)
        return make(V::NotApplicable,
                    tr("L'extrait plurilingue (convention CIEC n° 16) n'existe que pour les actes de naissance "
                       "(formule A), de mariage (formule B) et de décès (formule C), pas pour un acte de reconnaissance."));
    if (act == ActType::Reconnaissance && document == ActDocument::ExtraitSansFiliation)
        return make(V::NotApplicable,
                    tr("Un acte de reconnaissance établit une filiation : il n'en existe pas d'extrait sans filiation. "
                       "Demandez une copie intégrale ou un extrait avec filiation."));

    if (act == ActType::Deces)
        return make(V::Allowed, tr("Les copies et extraits d'actes de décès peuvent être délivrés à toute personne."));
    if (document == ActDocument::ExtraitSansFiliation)
        return make(V::Allowed, tr("Toute personne peut obtenir un extrait sans filiation d'un %1.").arg(noun));

    // Copie intégrale, extrait avec filiation, extrait plurilingue of a birth or marriage
    // act; copie intégrale or extrait avec filiation of a reconnaissance act.
    const QString restricted = tr("La %1 d'un %2 n'est délivrée qu'à la personne concernée (majeure ou émancipée), "
                                  "à ses ascendants, descendants, conjoint ou partenaire de PACS, à son représentant "
                                  "légal, à un mandataire ou au titulaire d'une habilitation familiale, à son avocat "
                                  "et aux autorités habilitées par la loi.")
                                   .arg(doc, noun);
    const QString alternative = act == ActType::Reconnaissance
        ? QString()
        : QString(u' ' + tr("Un extrait sans filiation peut en revanche être délivré à toute personne."));
    switch (link) {
    case RequesterLink::PersonneMajeure:
        return make(V::Allowed, tr("La personne concernée par l'acte, majeure ou émancipée, peut obtenir la %1 de son %2.")
                                    .arg(doc, noun),
                    tr("Pièce d'identité du demandeur."));
    case RequesterLink::PersonneMineure:
        return make(V::Refused, tr("Une personne mineure non émancipée ne peut pas obtenir elle-même la %1 de son %2 : "
                                   "la demande doit être faite par son représentant légal.")
                                    .arg(doc, noun)
                                    + alternative);
    case RequesterLink::Ascendant:
        return make(V::Allowed, tr("Les ascendants de la personne (parents, grands-parents) peuvent obtenir la %1 d'un %2.")
                                    .arg(doc, noun));
    case RequesterLink::Descendant:
        return make(V::Allowed, tr("Les descendants de la personne (enfants, petits-enfants) peuvent obtenir la %1 d'un %2.")
                                    .arg(doc, noun));
    case RequesterLink::Conjoint:
        return make(V::Allowed, tr("Le conjoint de la personne peut obtenir la %1 d'un %2.").arg(doc, noun));
    case RequesterLink::PartenairePacs:
        return make(V::Allowed, tr("Le partenaire de PACS de la personne peut obtenir la %1 d'un %2.").arg(doc, noun));
    case RequesterLink::RepresentantLegal:
        return make(V::Allowed, tr("Le représentant légal de la personne peut obtenir la %1 d'un %2.").arg(doc, noun),
                    tr("Justificatif de la représentation légale (livret de famille, jugement de tutelle)."));
    case RequesterLink::Mandataire:
        return make(V::Allowed, tr("Le titulaire d'un mandat écrit de la personne peut obtenir la %1 d'un %2.").arg(doc, noun),
                    tr("Mandat écrit et signé, copie de la pièce d'identité du mandant et pièce d'identité du mandataire."));
    case RequesterLink::HabilitationFamiliale:
        return make(V::Allowed, tr("Le titulaire d'une habilitation familiale peut obtenir la %1 d'un %2.").arg(doc, noun),
                    tr("Jugement d'habilitation familiale."));
    case RequesterLink::Avocat:
        return make(V::Allowed, tr("L'avocat de la personne peut obtenir pour son client la %1 d'un %2.").arg(doc, noun),
                    tr("Justificatif de la qualité d'avocat (carte professionnelle ou papier à en-tête)."));
    case RequesterLink::AutoriteLegale:
        return make(V::Allowed, tr("Les autorités habilitées par la loi (procureur de la République, notaire, "
                                   "administrations) peuvent obtenir la %1 d'un %2.")
                                    .arg(doc, noun),
                    tr("Demande écrite de l'autorité, ou transmission par COMEDEC."));
    case RequesterLink::HeritierEnfant:
        if (act == ActType::Reconnaissance)
            return make(V::Allowed, tr("Pour un acte de reconnaissance, les héritiers de l'enfant peuvent aussi obtenir la %1.")
                                        .arg(doc),
                        tr("Justificatif de la qualité d'héritier (acte de notoriété, attestation du notaire)."));
        return make(V::Refused, tr("La qualité d'héritier n'ouvre droit à la %1 que pour un acte de reconnaissance.").arg(doc)
                                    + u' ' + restricted + alternative);
    case RequesterLink::Collateral:
        return make(V::Refused, tr("Les frères, sœurs et autres collatéraux ne figurent pas parmi les personnes autorisées.")
                                    + u' ' + restricted + alternative);
    case RequesterLink::ExConjoint:
        return make(V::Refused, tr("Après un divorce, l'ex-conjoint n'est plus le conjoint de la personne.")
                                    + u' ' + restricted + alternative);
    case RequesterLink::Tiers:
        return make(V::Refused, restricted + alternative);
    }
    return make(V::Refused, restricted);
}

} // namespace iris::etatcivil
