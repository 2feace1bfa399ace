#pragma once

#include <QList>
#include <QString>

namespace iris::etatcivil {

/// The four kinds of civil-status act a mairie keeps in its registers.
enum class ActType { Naissance, Mariage, Deces, Reconnaissance };

/// What the requester asks for (extrait plurilingue: CIEC convention 16, forms A/B/C).
enum class ActDocument { CopieIntegrale, ExtraitAvecFiliation, ExtraitSansFiliation, ExtraitPlurilingue };

/// The requester's link to the person on the act (décret 2017-890 art. 30 lists who may
/// obtain the documents that show filiation; the other links are there so the agent can
/// record the real situation and the refusal can say why).
enum class RequesterLink {
    PersonneMajeure,       ///< the person on the act, adult or emancipated
    PersonneMineure,       ///< the person on the act, a minor not emancipated
    Ascendant,
    Descendant,
    Conjoint,
    PartenairePacs,
    RepresentantLegal,
    Mandataire,            ///< holder of a written mandate
    HabilitationFamiliale,
    Avocat,                ///< an avocat acting for a client
    AutoriteLegale,        ///< authority named by law: procureur, notaire, administration
    HeritierEnfant,        ///< heir of the child (reconnaissance acts only)
    Collateral,            ///< brother, sister, uncle, cousin…
    ExConjoint,
    Tiers,                 ///< anyone else
};

/// How the request reached the service.
enum class RequestChannel { Guichet, Courrier, Courriel, EnLigne, Comedec };

/// How the document leaves the service.
enum class DeliveryMode { Guichet, Courrier, Comedec };

// Stable ids (stored in the database) and French labels.
QString idOf(ActType value);
QString idOf(ActDocument value);
QString idOf(RequesterLink value);
QString idOf(RequestChannel value);
QString idOf(DeliveryMode value);

QString labelOf(ActType value);        ///< "Naissance"
QString labelOf(ActDocument value);    ///< "Copie intégrale"
QString labelOf(RequesterLink value);  ///< "La personne elle-même (majeure ou émancipée)"
QString labelOf(RequestChannel value); ///< "Guichet"
QString labelOf(DeliveryMode value);   ///< "Remise au guichet"
/// "acte de naissance", "acte de mariage"… for sentences.
QString actNoun(ActType value);

bool fromId(const QString& id, ActType* value);
bool fromId(const QString& id, ActDocument* value);
bool fromId(const QString& id, RequesterLink* value);
bool fromId(const QString& id, RequestChannel* value);
bool fromId(const QString& id, DeliveryMode* value);

QList<ActType> allActTypes();
QList<ActDocument> allActDocuments();
QList<RequesterLink> allRequesterLinks();
QList<RequestChannel> allRequestChannels();
QList<DeliveryMode> allDeliveryModes();

} // namespace iris::etatcivil
