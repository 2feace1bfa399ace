#pragma once

#include "core/domain/Dossier.h"
#include "modules/etatcivil/rules/ActLocator.h"
#include "modules/etatcivil/rules/ActVocabulary.h"
#include "modules/etatcivil/rules/Entitlement.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace iris::etatcivil {

/// A request for a copy or an extract of a civil-status act: an etatcivil.acte dossier
/// (reference, status, due date, requester as the dossier's citizen) and its details.
struct ActRequest
{
    Dossier dossier;
    bool hasDetails = true;       ///< false for a dossier of this type created without the module (demo data)

    ActType actType = ActType::Naissance;
    ActDocument document = ActDocument::CopieIntegrale;
    int copies = 1;

    // The person on the act.
    qint64 personCitizenId = 0;   ///< optional: the person's record when known
    QString personNom;
    QString personPrenoms;
    QDate personBirthDate;
    QString personBirthPlace;
    QString parent1;              ///< "Nom Prénom" of each parent (documents with filiation)
    QString parent2;
    bool singleParent = false;    ///< filiation established towards one parent only

    // The event (birth, marriage, death, reconnaissance).
    QDate eventDate;
    QString eventCommune;
    QString eventCountry;         ///< empty = France
    bool frenchNational = true;
    QString lastDomicile;         ///< death acts

    // The requester.
    QString requesterNom;
    QString requesterPrenoms;
    RequesterLink requesterLink = RequesterLink::PersonneMajeure;
    QString requesterAddress;     ///< postal delivery
    QString requesterEmail;
    RequestChannel channel = RequestChannel::Guichet;
    DeliveryMode deliveryMode = DeliveryMode::Guichet;

    // Decided at registration.
    Entitlement entitlement;
    ActLocation location;

    // Processing.
    int registerYear = 0;         ///< register reference of the act found
    QString registerNumber;
    QString refusalReason;
    QDateTime deliveredAt;

    ActPlace place() const { return {eventCommune, eventCountry, frenchNational, lastDomicile}; }
    QString personName() const;     ///< "DUPONT Jean"
    QString requesterName() const;
    /// "Copie intégrale — acte de naissance — DUPONT Jean"
    QString describe() const;
};

} // namespace iris::etatcivil
