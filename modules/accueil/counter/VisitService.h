#pragma once

#include "core/base/Result.h"
#include "core/domain/Contact.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/counter/Ticket.h"

#include <QCoreApplication>
#include <QList>

#include <functional>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// What a desk does with the ticket it called: start the service, hold, transfer, mark
/// absent or gone, attach the citizen and the motives, close with the outcome.
///
/// Every change checks the ticket's version (Conflict when another desk changed it) and
/// is written with a line of the ticket's history. Needs accueil.counter; a ticket called
/// by another agent can only be handled by a supervisor (accueil.supervise).
class VisitService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::VisitService)
public:
    explicit VisitService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// The citizen is at the desk: service time starts (from "appelé", or back from a hold).
    Result<Ticket> start(qint64 id, int version);
    /// On hold at the desk (the citizen fetches a document…); only this desk resumes it.
    Result<Ticket> hold(qint64 id, int version);
    /// Back to another desk's queue (only that desk calls it), arrival order kept.
    Result<Ticket> transferToDesk(qint64 id, int version, qint64 deskId, const QString& note = {});
    /// Into a service's queue (its desks call it; polyvalent desks when it has none).
    Result<Ticket> transferToService(qint64 id, int version, qint64 serviceId, const QString& note = {});
    /// Called but did not come (can be called again today).
    Result<Ticket> markAbsent(qint64 id, int version);
    /// Left before being served (from the queue or after the call).
    Result<Ticket> markLeft(qint64 id, int version);
    Result<Ticket> setCitizen(qint64 id, int version, qint64 citizenId);
    /// Several motives per visit; the first is the main one (the contact's motive).
    Result<Ticket> setMotives(qint64 id, int version, const QList<qint64>& motiveIds);
    Result<Ticket> setPriority(qint64 id, int version, int priority);

    struct Closing
    {
        ContactOutcome outcome = ContactOutcome::Repondu;
        qint64 orientedServiceId = 0;  ///< Oriente
        qint64 dossierId = 0;          ///< DossierCree
        QDateTime callbackDueAt;       ///< RappelPrevu: a callback task is scheduled too
        QString callbackPhone;         ///< RappelPrevu; the citizen's phone when empty
        QString summary;
    };
    /// Ends the visit: logs its contact (channel visite, from the service start — or the
    /// call — to now, main motive, other motives in the summary), marks a checked-in
    /// appointment as honoured, schedules the callback when asked; all or nothing.
    Result<Ticket> close(qint64 id, int version, const Closing& closing);

private:
    using Change = std::function<Result<void>(QSqlDatabase& c, Ticket& t, QString* detail)>;
    Result<Ticket> change(qint64 id, int version, const QString& event, const Change& apply, bool ownerOnly = true);

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
