#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/counter/Desk.h"
#include "modules/accueil/counter/Ticket.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The counter queue: issuing tickets (numbered per category and day), calling them to a
/// desk, and the lists the desks and the public display show.
///
/// Call order (TicketStore::callOrder): priority first, then checked-in appointments whose
/// time is within kAppointmentLeadMinutes, then arrival. A desk with a service calls that
/// service's tickets; a polyvalent desk calls every ticket whose service has no desk of
/// its own; a ticket transferred to a given desk waits for that desk only.
///
/// callNext() picks and takes the ticket in one BEGIN IMMEDIATE transaction with a
/// conditional update (status still callable), so two desks calling at the same moment
/// — two threads, two processes or two machines on the same file — never get the same
/// ticket. Needs accueil.counter; the list of every queue needs accueil.supervise.
class QueueService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::QueueService)
public:
    /// Appointments are called ahead of walk-ins from this many minutes before their time.
    static constexpr int kAppointmentLeadMinutes = 15;

    /// Why a ticket stands where it does in the call order (TicketStore::callOrder),
    /// best first: what the desk tells a visitor who sees a later ticket called first.
    enum class CallRank { Priority, Appointment, Arrival };
    static CallRank rankOf(const Ticket& ticket, const QDateTime& now);

    explicit QueueService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }
    QDateTime now() const { return m_now(); }

    struct IssueRequest
    {
        qint64 categoryId = 0;
        int priority = 0;          ///< 1 = prioritaire
        qint64 appointmentId = 0;  ///< check-in for a planned appointment of the day
        qint64 citizenId = 0;      ///< when already known
    };
    /// Issues a ticket of the day ("A001"); with an appointment, the citizen, service and
    /// time come from it and a second check-in of the same appointment is refused.
    Result<Ticket> issue(const IssueRequest& request);

    /// Calls the next ticket this desk may serve; nullopt when its queue is empty.
    /// Refused while the desk still has a ticket called or in service (not on hold).
    Result<std::optional<Ticket>> callNext(qint64 deskId);
    /// Calls a given ticket (waiting, transferred, or absent earlier today) to the desk.
    Result<Ticket> call(qint64 ticketId, qint64 deskId);
    /// Announces a called ticket again (public display, call count).
    Result<Ticket> recall(qint64 ticketId, int version);

    Result<Ticket> get(qint64 ticketId) const;
    /// Today's tickets this desk may call, in call order; deskId 0 = every queue
    /// (accueil.supervise).
    Result<QList<Ticket>> waiting(qint64 deskId) const;
    /// Today's tickets called, served or on hold at the desk (oldest call first).
    Result<QList<Ticket>> atDesk(qint64 deskId) const;
    /// The public display: today's tickets still called or in service, latest call first.
    Result<QList<Ticket>> announced(int limit = 8) const;
    /// A planned appointment of the day, for the check-in list.
    struct Arrival
    {
        qint64 appointmentId = 0;
        QDateTime startAt;
        qint64 serviceId = 0;
        QString serviceName;
        qint64 citizenId = 0;
        QString citizenName;
        QString motive;
        QString ticketLabel;  ///< already checked in under this ticket; empty otherwise
    };
    /// Today's planned appointments by time (needs accueil.counter).
    Result<QList<Arrival>> arrivals() const;
    /// A citizen's tickets, newest first (needs contact.read).
    Result<QList<Ticket>> ofCitizen(qint64 citizenId, int limit = 20) const;

private:
    Result<Desk> activeDesk(QSqlDatabase& c, qint64 deskId, QString* busyWith = nullptr) const;
    Result<void> checkDeskFree(QSqlDatabase& c, const Desk& desk) const;
    Error deskBusy(const Desk& desk, const QString& ticketLabel) const;
    Result<Ticket> take(QSqlDatabase& c, Ticket ticket, const Desk& desk, const QDateTime& now) const;
    QString callableBy(const Desk& desk) const;
    QVariantMap callBinds(const Desk& desk, const QDateTime& now) const;

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
