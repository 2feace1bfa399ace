#pragma once

#include "core/base/Result.h"
#include "core/domain/Appointment.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <memory>

namespace iris {

class Database;
class Session;
class AuditLog;

/// Appointments with a service (and optionally a given agent). An agent is never booked
/// twice at overlapping times: the check and the insert run in one write transaction, so
/// two agents booking the same slot at the same moment cannot both succeed. When the
/// service has opening hours, the slot must fit in one of its opening ranges.
/// Booking, cancelling and changing need perm::AppointmentWrite; lists need perm::ContactRead.
class AppointmentService
{
    Q_DECLARE_TR_FUNCTIONS(iris::AppointmentService)

public:
    AppointmentService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    Result<Appointment> book(const Appointment& appointment);
    Result<Appointment> get(qint64 id) const;
    /// Frees the slot; the reason is kept.
    Result<Appointment> cancel(qint64 id, int version, const QString& reason);
    /// Honoured or no-show (a cancelled appointment cannot change any more).
    Result<Appointment> setStatus(qint64 id, int version, AppointmentStatus status);
    /// Moves to another start/duration with the same checks as book().
    Result<Appointment> reschedule(qint64 id, int version, const QDateTime& start, int durationMinutes);

    /// Appointments starting on `day` (site local time), 0 = any service/agent, by start time.
    Result<QList<Appointment>> listByDay(const QDate& day, qint64 serviceId = 0, qint64 agentId = 0) const;
    /// Appointments of a service starting in [from, to), by start time.
    Result<QList<Appointment>> listByService(
        qint64 serviceId, const QDateTime& from, const QDateTime& to) const;
    /// Every appointment of a citizen, newest first.
    Result<QList<Appointment>> listByCitizen(qint64 citizenId) const;

    void setClock(sql::Clock clock) { m_now = std::move(clock); }

private:
    Result<void> checkSlot(QSqlDatabase& c, const Appointment& a) const;
    Result<QList<Appointment>> select(const QString& where, const QVariantMap& binds) const;
    Result<Appointment> loadForWrite(QSqlDatabase& c, qint64 id, int version) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris
