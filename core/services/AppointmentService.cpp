#include "core/services/AppointmentService.h"

#include "core/base/ValidationErrors.h"
#include "core/domain/OpeningHours.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

using namespace Qt::StringLiterals;

namespace iris {

namespace {

const QString kColumns
    = u"id, version, citizen_id, service_id, agent_id, start_at, duration_minutes, "
      u"motive_theme_id, motive, status, dossier_id, cancel_reason, created_at, updated_at"_s;

Appointment readAppointment(const QSqlQuery& q, const Dialect& d)
{
    Appointment a;
    a.id = q.value(0).toLongLong();
    a.version = q.value(1).toInt();
    a.citizenId = sql::id(q.value(2));
    a.serviceId = sql::id(q.value(3));
    a.agentId = sql::id(q.value(4));
    a.startAt = d.fromDbDateTime(q.value(5)).toLocalTime();
    a.durationMinutes = q.value(6).toInt();
    a.motiveThemeId = sql::id(q.value(7));
    a.motive = q.value(8).toString();
    appointmentStatusFromId(q.value(9).toString(), &a.status);
    a.dossierId = sql::id(q.value(10));
    a.cancelReason = q.value(11).toString();
    a.createdAt = d.fromDbDateTime(q.value(12));
    a.updatedAt = d.fromDbDateTime(q.value(13));
    return a;
}

} // namespace

AppointmentService::AppointmentService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<void> AppointmentService::checkSlot(QSqlDatabase& c, const Appointment& a) const
{
    const Dialect& d = m_db->dialect();
    ValidationErrors errors;
    if (a.citizenId <= 0 || !sql::rowExists(c, u"citizens"_s, a.citizenId))
        errors.add(u"citizenId"_s, tr("Choisissez l'usager qui prend rendez-vous."));
    if (!a.startAt.isValid())
        errors.add(u"startAt"_s, tr("L'heure du rendez-vous est obligatoire."));
    else if (a.startAt < m_now().addSecs(-60))
        errors.add(u"startAt"_s, tr("Un rendez-vous ne peut pas être pris dans le passé."));
    if (a.durationMinutes < 5 || a.durationMinutes > 480)
        errors.add(u"durationMinutes"_s, tr("La durée d'un rendez-vous va de 5 minutes à 8 heures."));
    if (a.motive.size() > 500)
        errors.add(u"motive"_s, tr("Le motif ne doit pas dépasser 500 caractères."));
    if (a.motiveThemeId > 0 && !sql::rowExists(c, u"motive_themes"_s, a.motiveThemeId))
        errors.add(u"motiveThemeId"_s, tr("Le motif indiqué n'existe pas."));
    if (a.dossierId > 0 && !sql::rowExists(c, u"dossiers"_s, a.dossierId))
        errors.add(u"dossierId"_s, tr("Le dossier indiqué n'existe pas."));

    QSqlQuery s(c);
    s.prepare(u"SELECT name, opening_hours, active FROM services WHERE id = :id"_s);
    s.bindValue(u":id"_s, a.serviceId);
    if (!s.exec() || !s.next() || !s.value(2).toBool()) {
        errors.add(u"serviceId"_s, tr("Choisissez un service actif de l'annuaire."));
    } else if (a.startAt.isValid()) {
        OpeningHours hours;
        OpeningHours::fromJson(s.value(1).toString(), &hours);
        if (!hours.isEmpty()) {
            const QDateTime local = a.startAt.toLocalTime();
            const QDateTime end = local.addSecs(qint64(a.durationMinutes) * 60);
            bool fits = false;
            for (const TimeRange& r : hours.rangesOn(local.date()))
                fits
                    = fits || (r.contains(local.time()) && end.date() == local.date() && end.time() <= r.end);
            if (!fits)
                errors.add(u"startAt"_s,
                    tr("Le service « %1 » n'est pas ouvert sur tout ce créneau.").arg(s.value(0).toString()));
        }
    }
    if (a.agentId > 0) {
        QSqlQuery ag(c);
        ag.prepare(u"SELECT active FROM agents WHERE id = :id"_s);
        ag.bindValue(u":id"_s, a.agentId);
        if (!ag.exec() || !ag.next() || !ag.value(0).toBool())
            errors.add(u"agentId"_s, tr("L'agent indiqué n'existe pas ou son compte est désactivé."));
    }
    if (!errors.isEmpty())
        return errors.toError();

    if (a.agentId > 0) {
        // Half-open intervals overlap when each starts before the other ends.
        QSqlQuery o(c);
        o.prepare(u"SELECT start_at, end_at FROM appointments WHERE agent_id = :agent AND id <> :id "
                  u"AND status IN ('prevu', 'honore') AND start_at < :end AND end_at > :start LIMIT 1"_s);
        o.bindValue(u":agent"_s, a.agentId);
        o.bindValue(u":id"_s, a.id);
        o.bindValue(u":start"_s, d.toDbDateTime(a.startAt));
        o.bindValue(u":end"_s, d.toDbDateTime(a.endAt()));
        if (auto r = sql::exec(o, tr("vérification du planning")); !r)
            return r;
        if (o.next()) {
            const QDateTime s0 = d.fromDbDateTime(o.value(0)).toLocalTime();
            const QDateTime e0 = d.fromDbDateTime(o.value(1)).toLocalTime();
            const QString message
                = tr("L'agent a déjà un rendez-vous le %1 de %2 à %3 : choisissez un autre créneau.")
                      .arg(s0.toString(u"dd/MM/yyyy"_s), s0.toString(u"HH:mm"_s), e0.toString(u"HH:mm"_s));
            return Error(ErrorCode::Conflict, message, { { u"startAt"_s, message } });
        }
    }
    return {};
}

Result<Appointment> AppointmentService::book(const Appointment& input)
{
    if (auto r = m_session.require(perm::AppointmentWrite); !r)
        return r.error();
    Appointment a = input;
    a.id = 0;
    a.motive = a.motive.trimmed();
    a.status = AppointmentStatus::Planned;
    a.cancelReason.clear();
    const Dialect& d = m_db->dialect();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (auto r = checkSlot(c, a); !r)
            return r;
        const QDateTime now = m_now();
        auto q = sql::prepare(c,
            d.insertReturningId(u"appointments"_s,
                { u"citizen_id"_s, u"service_id"_s, u"agent_id"_s, u"start_at"_s, u"end_at"_s,
                    u"duration_minutes"_s, u"motive_theme_id"_s, u"motive"_s, u"status"_s, u"dossier_id"_s,
                    u"created_at"_s, u"updated_at"_s }),
            tr("prise de rendez-vous"));
        if (!q)
            return q.error();
        q->bindValue(u":citizen_id"_s, a.citizenId);
        q->bindValue(u":service_id"_s, a.serviceId);
        q->bindValue(u":agent_id"_s, sql::nullableId(a.agentId));
        q->bindValue(u":start_at"_s, d.toDbDateTime(a.startAt));
        q->bindValue(u":end_at"_s, d.toDbDateTime(a.endAt()));
        q->bindValue(u":duration_minutes"_s, a.durationMinutes);
        q->bindValue(u":motive_theme_id"_s, sql::nullableId(a.motiveThemeId));
        q->bindValue(u":motive"_s, sql::text(a.motive));
        q->bindValue(u":status"_s, appointmentStatusId(a.status));
        q->bindValue(u":dossier_id"_s, sql::nullableId(a.dossierId));
        q->bindValue(u":created_at"_s, d.toDbDateTime(now));
        q->bindValue(u":updated_at"_s, d.toDbDateTime(now));
        if (auto r = sql::exec(*q, tr("prise de rendez-vous")); !r)
            return r;
        a.id = d.insertedId(*q);
        a.version = 1;
        a.createdAt = a.updatedAt = now;
        return m_audit.record(c, u"create"_s, u"appointment"_s, a.id,
            { { u"citizen_id"_s, a.citizenId }, { u"start"_s, a.startAt.toString(Qt::ISODate) } });
    });
    if (!tx)
        return tx.error();
    return a;
}

Result<QList<Appointment>> AppointmentService::select(const QString& where, const QVariantMap& binds) const
{
    if (auto r = m_session.require(perm::ContactRead); !r)
        return r.error();
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(c, QString(u"SELECT "_s + kColumns + u" FROM appointments "_s + where),
        tr("lecture des rendez-vous"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des rendez-vous")); !r)
        return r.error();
    QList<Appointment> out;
    while (q->next())
        out.append(readAppointment(*q, m_db->dialect()));
    return out;
}

Result<Appointment> AppointmentService::get(qint64 id) const
{
    auto rows = select(u"WHERE id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce rendez-vous n'existe pas."));
    return rows->first();
}

Result<Appointment> AppointmentService::loadForWrite(QSqlDatabase& c, qint64 id, int version) const
{
    QSqlQuery q(c);
    q.prepare(QString(u"SELECT "_s + kColumns + u" FROM appointments WHERE id = :id"_s));
    q.bindValue(u":id"_s, id);
    if (auto r = sql::exec(q, tr("lecture du rendez-vous")); !r)
        return r.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("Ce rendez-vous n'existe pas."));
    Appointment a = readAppointment(q, m_db->dialect());
    if (a.version != version)
        return Error(
            ErrorCode::Conflict, tr("Ce rendez-vous a été modifié par un autre agent. Rechargez-le."));
    return a;
}

Result<Appointment> AppointmentService::cancel(qint64 id, int version, const QString& reason)
{
    if (auto r = m_session.require(perm::AppointmentWrite); !r)
        return r.error();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto a = loadForWrite(c, id, version);
        if (!a)
            return a.error();
        if (a->status != AppointmentStatus::Planned)
            return Error(ErrorCode::Validation, tr("Seul un rendez-vous prévu peut être annulé."));
        QSqlQuery u(c);
        u.prepare(
            u"UPDATE appointments SET version = version + 1, status = 'annule', cancel_reason = :reason, "
            u"updated_at = :now WHERE id = :id AND version = :version"_s);
        u.bindValue(u":reason"_s, sql::text(reason.trimmed()));
        u.bindValue(u":now"_s, m_db->dialect().toDbDateTime(m_now()));
        u.bindValue(u":id"_s, id);
        u.bindValue(u":version"_s, version);
        if (auto r = sql::exec(u, tr("annulation du rendez-vous")); !r)
            return r;
        if (u.numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"appointments"_s, id, tr("Le rendez-vous"));
        return m_audit.record(c, u"cancel"_s, u"appointment"_s, id, { { u"reason"_s, reason.trimmed() } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<Appointment> AppointmentService::setStatus(qint64 id, int version, AppointmentStatus status)
{
    if (auto r = m_session.require(perm::AppointmentWrite); !r)
        return r.error();
    if (status == AppointmentStatus::Cancelled)
        return cancel(id, version, {});
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto a = loadForWrite(c, id, version);
        if (!a)
            return a.error();
        if (a->status == AppointmentStatus::Cancelled)
            return Error(ErrorCode::Validation, tr("Un rendez-vous annulé ne peut plus changer d'état."));
        QSqlQuery u(c);
        u.prepare(u"UPDATE appointments SET version = version + 1, status = :status, updated_at = :now "
                  u"WHERE id = :id AND version = :version"_s);
        u.bindValue(u":status"_s, appointmentStatusId(status));
        u.bindValue(u":now"_s, m_db->dialect().toDbDateTime(m_now()));
        u.bindValue(u":id"_s, id);
        u.bindValue(u":version"_s, version);
        if (auto r = sql::exec(u, tr("mise à jour du rendez-vous")); !r)
            return r;
        if (u.numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"appointments"_s, id, tr("Le rendez-vous"));
        return m_audit.record(
            c, u"status"_s, u"appointment"_s, id, { { u"status"_s, appointmentStatusId(status) } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<Appointment> AppointmentService::reschedule(
    qint64 id, int version, const QDateTime& start, int durationMinutes)
{
    if (auto r = m_session.require(perm::AppointmentWrite); !r)
        return r.error();
    const Dialect& d = m_db->dialect();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto a = loadForWrite(c, id, version);
        if (!a)
            return a.error();
        if (a->status != AppointmentStatus::Planned)
            return Error(ErrorCode::Validation, tr("Seul un rendez-vous prévu peut être déplacé."));
        Appointment moved = *a;
        moved.startAt = start;
        moved.durationMinutes = durationMinutes;
        if (auto r = checkSlot(c, moved); !r)
            return r;
        QSqlQuery u(c);
        u.prepare(u"UPDATE appointments SET version = version + 1, start_at = :start, end_at = :end, "
                  u"duration_minutes = :duration, updated_at = :now WHERE id = :id AND version = :version"_s);
        u.bindValue(u":start"_s, d.toDbDateTime(moved.startAt));
        u.bindValue(u":end"_s, d.toDbDateTime(moved.endAt()));
        u.bindValue(u":duration"_s, durationMinutes);
        u.bindValue(u":now"_s, d.toDbDateTime(m_now()));
        u.bindValue(u":id"_s, id);
        u.bindValue(u":version"_s, version);
        if (auto r = sql::exec(u, tr("déplacement du rendez-vous")); !r)
            return r;
        if (u.numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"appointments"_s, id, tr("Le rendez-vous"));
        return m_audit.record(
            c, u"reschedule"_s, u"appointment"_s, id, { { u"start"_s, start.toString(Qt::ISODate) } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<QList<Appointment>> AppointmentService::listByDay(
    const QDate& day, qint64 serviceId, qint64 agentId) const
{
    const Dialect& d = m_db->dialect();
    QString where = u"WHERE start_at >= :from AND start_at < :to"_s;
    QVariantMap binds { { u":from"_s, d.toDbDateTime(QDateTime(day, QTime(0, 0))) },
        { u":to"_s, d.toDbDateTime(QDateTime(day.addDays(1), QTime(0, 0))) } };
    if (serviceId > 0) {
        where += u" AND service_id = :service"_s;
        binds.insert(u":service"_s, serviceId);
    }
    if (agentId > 0) {
        where += u" AND agent_id = :agent"_s;
        binds.insert(u":agent"_s, agentId);
    }
    return select(where + u" ORDER BY start_at, id"_s, binds);
}

Result<QList<Appointment>> AppointmentService::listByService(
    qint64 serviceId, const QDateTime& from, const QDateTime& to) const
{
    const Dialect& d = m_db->dialect();
    return select(
        u"WHERE service_id = :service AND start_at >= :from AND start_at < :to ORDER BY start_at, id"_s,
        { { u":service"_s, serviceId }, { u":from"_s, d.toDbDateTime(from) },
            { u":to"_s, d.toDbDateTime(to) } });
}

Result<QList<Appointment>> AppointmentService::listByCitizen(qint64 citizenId) const
{
    return select(u"WHERE citizen_id = :c ORDER BY start_at DESC, id DESC"_s, { { u":c"_s, citizenId } });
}

} // namespace iris
