#include "modules/etatcivil/rules/ActVocabulary.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::etatcivil::ActVocabulary", text);
}

template<typename Enum>
bool lookup(const QString& id, const QList<Enum>& all, Enum* value)
{
    for (Enum e : all) {
        if (idOf(e) == id) {
            if (value)
                *value = e;
            return true;
        }
    }
    return false;
}

} // namespace

QString idOf(ActType value)
{
    switch (value) {
    case ActType::Naissance: return u"naissance"_s;
    case ActType::Mariage: return u"mariage"_s;
    case ActType::Deces: return u"deces"_s;
    case ActType::Reconnaissance: return u"reconnaissance"_s;
    }
    return {};
}

QString idOf(ActDocument value)
{
    switch (value) {
    case ActDocument::CopieIntegrale: return u"copie_integrale"_s;
    case ActDocument::ExtraitAvecFiliation: return u"extrait_avec_filiation"_s;
    case ActDocument::ExtraitSansFiliation: return u"extrait_sans_filiation"_s;
    case ActDocument::ExtraitPlurilingue: return u"extrait_plurilingue"_s;
    }
    return {};
}

QString idOf(RequesterLink value)
{
    switch (value) {
    case RequesterLink::PersonneMajeure: return u"personne_majeure"_s;
    case RequesterLink::PersonneMineure: return u"personne_mineure"_s;
    case RequesterLink::Ascendant: return u"ascendant"_s;
    case RequesterLink::Descendant: return u"descendant"_s;
    case RequesterLink::Conjoint: return u"conjoint"_s;
    case RequesterLink::PartenairePacs: return u"partenaire_pacs"_s;
    case RequesterLink::RepresentantLegal: return u"representant_legal"_s;
    case RequesterLink::Mandataire: return u"mandataire"_s;
    case RequesterLink::HabilitationFamiliale: return u"habilitation_familiale"_s;
    case RequesterLink::Avocat: return u"avocat"_s;
    case RequesterLink::AutoriteLegale: return u"autorite_legale"_s;
    case RequesterLink::HeritierEnfant: return u"heritier_enfant"_s;
    case RequesterLink::Collateral: return u"collateral"_s;
    case RequesterLink::ExConjoint: return u"ex_conjoint"_s;
    case RequesterLink::Tiers: return u"tiers"_s;
    }
    return {};
}

QString idOf(RequestChannel value)
{
    switch (value) {
    case RequestChannel::Guichet: return u"guichet"_s;
    case RequestChannel::Courrier: return u"courrier"_s;
    case RequestChannel::Courriel: return u"courriel"_s;
    case RequestChannel::EnLigne: return u"en_ligne"_s;
    case RequestChannel::Comedec: return u"comedec"_s;
    }
    return {};
}

QString idOf(DeliveryMode value)
{
    switch (value) {
    case DeliveryMode::Guichet: return u"guichet"_s;
    case DeliveryMode::Courrier: return u"courrier"_s;
    case DeliveryMode::Comedec: return u"comedec"_s;
    }
    return {};
}

QString labelOf(ActType value)
{
    switch (value) {
    case ActType::Naissance: return tr("Naissance");
    case ActType::Mariage: return tr("Mariage");
    case ActType::Deces: return tr("Décès");
    case ActType::Reconnaissance: return tr("Reconnaissance");
    }
    return {};
}

QString actNoun(ActType value)
{
    switch (value) {
    case ActType::Naissance: return tr("acte de naissance");
    case ActType::Mariage: return tr("acte de mariage");
    case ActType::Deces: return tr("acte de décès");
    case ActType::Reconnaissance: return tr("acte de reconnaissance");
    }
    return {};
}

QString labelOf(ActDocument value)
{
    switch (value) {
    case ActDocument::CopieIntegrale: return tr("Copie intégrale");
    case ActDocument::ExtraitAvecFiliation: return tr("Extrait avec filiation");
    case ActDocument::ExtraitSansFiliation: return tr("Extrait sans filiation");
    case ActDocument::ExtraitPlurilingue: return tr("Extrait plurilingue");
    }
    return {};
}

QString labelOf(RequesterLink value)
{
    switch (value) {
    case RequesterLink::PersonneMajeure: return tr("La personne elle-même (majeure ou émancipée)");
    case RequesterLink::PersonneMineure: return tr("La personne elle-même (mineure non émancipée)");
    case RequesterLink::Ascendant: return tr("Ascendant (parent, grand-parent)");
    case RequesterLink::Descendant: return tr("Descendant (enfant, petit-enfant)");
    case RequesterLink::Conjoint: return tr("Conjoint");
    case RequesterLink::PartenairePacs: return tr("Partenaire de PACS");
    case RequesterLink::RepresentantLegal: return tr("Représentant légal");
    case RequesterLink::Mandataire: return tr("Mandataire (mandat écrit)");
    case RequesterLink::HabilitationFamiliale: return tr("Titulaire d'une habilitation familiale");
    case RequesterLink::Avocat: return tr("Avocat de la personne");
    case RequesterLink::AutoriteLegale: return tr("Autorité habilitée par la loi (procureur, notaire, administration)");
    case RequesterLink::HeritierEnfant: return tr("Héritier de l'enfant reconnu");
    case RequesterLink::Collateral: return tr("Frère, sœur ou autre collatéral");
    case RequesterLink::ExConjoint: return tr("Ex-conjoint (divorcé)");
    case RequesterLink::Tiers: return tr("Tiers sans lien");
    }
    return {};
}

QString labelOf(RequestChannel value)
{
    switch (value) {
    case RequestChannel::Guichet: return tr("Guichet");
    case RequestChannel::Courrier: return tr("Courrier");
    case RequestChannel::Courriel: return tr("Courriel");
    case RequestChannel::EnLigne: return tr("En ligne");
    case RequestChannel::Comedec: return tr("COMEDEC (notaires et administrations)");
    }
    return {};
}

QString labelOf(DeliveryMode value)
{
    switch (value) {
    case DeliveryMode::Guichet: return tr("Remise au guichet");
    case DeliveryMode::Courrier: return tr("Envoi postal");
    case DeliveryMode::Comedec: return tr("Transmission dématérialisée (COMEDEC)");
    }
    return {};
}

QList<ActType> allActTypes()
{
    return {ActType::Naissance, ActType::Mariage, ActType::Deces, ActType::Reconnaissance};
}

QList<ActDocument> allActDocuments()
{
    return {ActDocument::CopieIntegrale, ActDocument::ExtraitAvecFiliation, ActDocument::ExtraitSansFiliation,
            ActDocument::ExtraitPlurilingue};
}

QList<RequesterLink> allRequesterLinks()
{
    return {RequesterLink::PersonneMajeure, RequesterLink::PersonneMineure, RequesterLink::Ascendant,
            RequesterLink::Descendant, RequesterLink::Conjoint, RequesterLink::PartenairePacs,
            RequesterLink::RepresentantLegal, RequesterLink::Mandataire, RequesterLink::HabilitationFamiliale,
            RequesterLink::Avocat, RequesterLink::AutoriteLegale, RequesterLink::HeritierEnfant,
            RequesterLink::Collateral, RequesterLink::ExConjoint, RequesterLink::Tiers};
}

QList<RequestChannel> allRequestChannels()
{
    return {RequestChannel::Guichet, RequestChannel::Courrier, RequestChannel::Courriel, RequestChannel::EnLigne,
            RequestChannel::Comedec};
}

QList<DeliveryMode> allDeliveryModes()
{
    return {DeliveryMode::Guichet, DeliveryMode::Courrier, DeliveryMode::Comedec};
}

bool fromId(const QString& id, ActType* value) { return lookup(id, allActTypes(), value); }
bool fromId(const QString& id, ActDocument* value) { return lookup(id, allActDocuments(), value); }
bool fromId(const QString& id, RequesterLink* value) { return lookup(id, allRequesterLinks(), value); }
bool fromId(const QString& id, RequestChannel* value) { return lookup(id, allRequestChannels(), value); }
bool fromId(const QString& id, DeliveryMode* value) { return lookup(id, allDeliveryModes(), value); }

} // namespace iris::etatcivil
