#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace iris::accueil {

/// Where a counter ticket stands.
enum class TicketStatus {
    EnAttente,  ///< waiting in its queue
    Appele,     ///< called to a desk (shown on the public display)
    EnCours,    ///< being served
    EnPause,    ///< on hold at its desk (citizen fetching a document…)
    Transfere,  ///< sent to another desk or service, waiting there
    Absent,     ///< called but did not come
    Parti,      ///< left before being served
    Clos,       ///< served; its contact is logged
};

/// "en_attente", "appele", "en_cours", "en_pause", "transfere", "absent", "parti", "clos".
QString ticketStatusId(TicketStatus status);
QString ticketStatusLabel(TicketStatus status);  ///< French
bool ticketStatusFromId(const QString& id, TicketStatus* status);
/// Waiting for a desk to call it.
inline bool isCallable(TicketStatus s) { return s == TicketStatus::EnAttente || s == TicketStatus::Transfere; }
/// At a desk (called, served or held).
inline bool isAtDesk(TicketStatus s)
{
    return s == TicketStatus::Appele || s == TicketStatus::EnCours || s == TicketStatus::EnPause;
}
/// Finished one way or another.
inline bool isFinished(TicketStatus s)
{
    return s == TicketStatus::Absent || s == TicketStatus::Parti || s == TicketStatus::Clos;
}

/// A visit at the counter, from the ticket issued at the entrance to its outcome.
struct Ticket
{
    qint64 id = 0;
    int version = 0;
    QDate day;                 ///< site-local day of issue; numbering restarts each day
    qint64 categoryId = 0;
    int number = 0;            ///< per category and day
    QString label;             ///< "A001"
    TicketStatus status = TicketStatus::EnAttente;
    int priority = 0;          ///< higher is called first (1 = prioritaire: PMR, grossesse…)
    qint64 appointmentId = 0;  ///< checked in for an appointment
    QDateTime appointmentAt;
    qint64 citizenId = 0;      ///< once identified
    qint64 serviceId = 0;      ///< queue it waits in (0 = accueil polyvalent)
    qint64 deskId = 0;         ///< desk that called it last
    qint64 targetDeskId = 0;   ///< transferred to this desk only
    qint64 agentId = 0;        ///< agent who called it last
    QDateTime issuedAt;
    QDateTime queuedAt;        ///< arrival order (kept on transfer)
    QDateTime firstCalledAt;   ///< waiting-time indicator: firstCalledAt − issuedAt
    QDateTime calledAt;        ///< last call (display)
    QDateTime serviceStartedAt;
    QDateTime endedAt;
    int callCount = 0;
    QString outcome;           ///< contact outcome id once closed
    qint64 contactId = 0;      ///< the visit's contact once closed
    QString notes;
    QList<qint64> motiveIds;   ///< several motives per visit, first is the main one

    /// Seconds waited so far (until the first call, or `now` while waiting).
    qint64 waitingSeconds(const QDateTime& now) const;
    /// Seconds of service (start → end, or → `now` while serving); -1 before the start.
    qint64 serviceSeconds(const QDateTime& now) const;
};

} // namespace iris::accueil
