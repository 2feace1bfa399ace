#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace iris::accueil {

/// A file attached to a courriel, kept as received (bytes in accueil_courriel_attachments).
struct CourrielAttachment
{
    qint64 id = 0;
    QString fileName; ///< decoded (RFC 2047 / RFC 2231); "piece-jointe-N" when none was given
    QString mimeType; ///< lower-case "type/subtype"
    qint64 size = 0; ///< decoded size in bytes
};

/// Where a courriel stands. Stored as 'a_traiter', 'repondu', 'classe'.
enum class CourrielStatus {
    ATraiter, ///< à traiter: waiting for a reply
    Repondu, ///< répondu: a reply was sent and recorded
    Classe, ///< classé sans suite
};

QString courrielStatusId(CourrielStatus status);
QString courrielStatusLabel(CourrielStatus status); ///< French: "À traiter", "Répondu", "Classé sans suite"
bool courrielStatusFromId(const QString& id, CourrielStatus* status);

/// An e-mail received from a citizen, registered from the Maildir.
struct Courriel
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock
    QString messageId; ///< Message-ID header without <>; synthesized (sha256 of raw) when absent
    QDateTime receivedAt; ///< Date header, else the file's modification time
    QDateTime registeredAt;
    QString fromAddress; ///< lower-case address
    QString fromName;
    QString toAddress;
    QString subject;
    QString bodyText; ///< decoded text/plain (or text from html when only html); empty in list()
    bool malformed = false;
    QString warning; ///< French warning when parsing failed or was partial
    qint64 citizenId = 0;
    QString citizenName;
    qint64 assignedAgentId = 0;
    qint64 assignedServiceId = 0;
    QString assignee; ///< French display: agent and/or service name
    QDateTime dueAt; ///< reply deadline (end of the N-th working day)
    CourrielStatus status = CourrielStatus::ATraiter;
    qint64 contactId = 0; ///< incoming Contact (channel Courriel, Entrant) when a citizen is known
    QDateTime answeredAt;
    qint64 replyContactId = 0; ///< outgoing Contact logged with the reply
    QString replyMessageId;
    QList<CourrielAttachment> attachments;
    // Added members (beyond the contract)
    QString note; ///< French: intake notes (e.g. several citizens share the address), filing reason
    QString replySubject;
    QString replyBody;
    QString replyTo;

    bool isOpen() const { return status == CourrielStatus::ATraiter; }
    bool isOverdue(const QDateTime& now) const { return isOpen() && dueAt.isValid() && dueAt < now; }
};

/// Which courriels list() returns.
struct CourrielFilter
{
    std::optional<CourrielStatus> status;
    qint64 citizenId = 0;
    qint64 agentId = 0; ///< assigned to this agent
    qint64 serviceId = 0; ///< assigned to this service (or to one of its agents)
    QString text; ///< substring of subject, sender address or name (case-insensitive)
    int limit = 200; ///< 0 = no limit
    int offset = 0;
};

/// A reply sent by SMTP, to be recorded by CourrielService::recordReply().
struct CourrielReply
{
    QString toAddress;
    QString subject;
    QString body;
    QString sentMessageId; ///< Message-ID of the sent mail (without <>)
    QDateTime sentAt; ///< now when invalid
    qint64 orientedServiceId = 0; ///< when the reply orients the citizen to a service
};

} // namespace iris::accueil
