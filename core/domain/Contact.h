#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace iris {

enum class ContactChannel { Visite, Telephone, Courriel, Courrier };
enum class ContactDirection { Entrant, Sortant };
/// How a contact ended (the Qualivilles indicators count them).
enum class ContactOutcome {
    Repondu, ///< répondu
    Oriente, ///< orienté vers un service (orientedServiceId)
    DossierCree, ///< dossier créé (dossierId)
    RendezVous, ///< rendez-vous pris
    RappelPrevu, ///< rappel prévu (callbackDueAt)
};

/// One exchange with a citizen or an organisation, on any channel.
struct Contact
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    ContactChannel channel = ContactChannel::Visite;
    ContactDirection direction = ContactDirection::Entrant;
    QDateTime startedAt;
    QDateTime endedAt; ///< may be empty for a contact logged at once
    qint64 agentId = 0; ///< who handled it (the session's agent when 0 on creation)
    qint64 serviceId = 0; ///< service that handled it (the agent's when 0)
    qint64 motiveThemeId = 0;
    QString summary;
    ContactOutcome outcome = ContactOutcome::Repondu;
    qint64 orientedServiceId = 0; ///< required when outcome is Oriente
    qint64 dossierId = 0; ///< required when outcome is DossierCree
    QDateTime callbackDueAt; ///< required when outcome is RappelPrevu
    qint64 citizenId = 0; ///< optional (anonymous quick answers are allowed)
    qint64 organisationId = 0; ///< optional
    QDateTime createdAt;

    /// Duration in seconds, -1 when the end is unknown.
    qint64 durationSeconds() const
    {
        return (startedAt.isValid() && endedAt.isValid()) ? startedAt.secsTo(endedAt) : -1;
    }
};

/// Stored ids ("visite", "telephone", "courriel", "courrier") and French labels.
QString contactChannelId(ContactChannel channel);
QString contactChannelLabel(ContactChannel channel);
bool contactChannelFromId(const QString& id, ContactChannel* channel);
QList<ContactChannel> allContactChannels();

/// "entrant", "sortant".
QString contactDirectionId(ContactDirection direction);
QString contactDirectionLabel(ContactDirection direction);
bool contactDirectionFromId(const QString& id, ContactDirection* direction);

/// "repondu", "oriente", "dossier_cree", "rendez_vous", "rappel_prevu".
QString contactOutcomeId(ContactOutcome outcome);
QString contactOutcomeLabel(ContactOutcome outcome);
bool contactOutcomeFromId(const QString& id, ContactOutcome* outcome);
QList<ContactOutcome> allContactOutcomes();

} // namespace iris
