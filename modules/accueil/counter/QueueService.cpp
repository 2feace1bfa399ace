#include "modules/accueil/counter/QueueService.h"

#include "core/domain/Appointment.h"
#include "core/domain/Citizen.h"
#include "core/security/Permissions.h"
#include "core/services/AppointmentService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/TicketCategory.h"
#include "modules/accueil/counter/TicketStore.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kCallable = u"t.status IN ('en_attente', 'transfere')"_s;
const QString kAtDesk = u"t.status IN ('appele', 'en_cours', 'en_pause')"_s;
// The ticket a desk has in hand today: while there is one, the desk cannot call another.
const QString kTicketAtDesk = u"SELECT t.label FROM accueil_tickets t WHERE t.desk_id = :desk AND t.day = :day "
                              u"AND t.status IN ('appele', 'en_cours') ORDER BY t.called_at, t.id LIMIT 1"_s;
} // namespace

QueueService::QueueService(CoreServices& services)
    : m_services(services)
{
}

QueueService::CallRank QueueService::rankOf(const Ticket& ticket, const QDateTime& now)
{
    // The same three keys, in the same order, as TicketStore::callOrder().
    if (ticket.priority > 0)
        return CallRank::Priority;
    if (ticket.appointmentAt.isValid() && ticket.appointmentAt <= now.addSecs(kAppointmentLeadMinutes * 60))
        return CallRank::Appointment;
    return CallRank::Arrival;
}

Result<Desk> QueueService::activeDesk(QSqlDatabase& c, qint64 deskId, QString* busyWith) const
{
    QSqlQuery q(c);
    // With busyWith, the ticket the desk has in hand comes in the same round trip.
    q.prepare(u"SELECT id, version, number, label, service_id, active"_s
              + (busyWith ? u", ("_s + kTicketAtDesk + u")"_s : QString()) + u" FROM accueil_desks WHERE id = :id"_s);
    q.bindValue(u":id"_s, deskId);
    if (busyWith) {
        q.bindValue(u":desk"_s, deskId);
        q.bindValue(u":day"_s, m_services.database()->dialect().toDbDate(m_now().date()));
    }
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du guichet"));
    if (!q.next() || !q.value(5).toBool())
        return Error(ErrorCode::NotFound, tr("Ce guichet n'existe pas ou n'est plus ouvert."));
    Desk d;
    d.id = q.value(0).toLongLong();
    d.version = q.value(1).toInt();
    d.number = q.value(2).toInt();
    d.label = q.value(3).toString();
    d.serviceId = sql::id(q.value(4));
    d.active = true;
    if (busyWith)
        *busyWith = q.value(6).toString();
    return d;
}

QString QueueService::callableBy(const Desk& desk) const
{
    if (desk.serviceId > 0)
        return u"(t.target_desk_id = :desk OR (t.target_desk_id IS NULL AND t.service_id = :desk_service))"_s;
    return u"(t.target_desk_id = :desk OR (t.target_desk_id IS NULL AND (t.service_id IS NULL OR NOT EXISTS "
           u"(SELECT 1 FROM accueil_desks d WHERE d.active = TRUE AND d.service_id = t.service_id))))"_s;
}

QVariantMap QueueService::callBinds(const Desk& desk, const QDateTime& now) const
{
    const Dialect& d = m_services.database()->dialect();
    QVariantMap binds{{u":day"_s, d.toDbDate(now.date())},
                      {u":appointment_horizon"_s, d.toDbDateTime(now.addSecs(kAppointmentLeadMinutes * 60))}};
    if (desk.id > 0)
        binds.insert(u":desk"_s, desk.id);
    if (desk.serviceId > 0)
        binds.insert(u":desk_service"_s, desk.serviceId);
    return binds;
}

Result<void> QueueService::checkDeskFree(QSqlDatabase& c, const Desk& desk) const
{
    QSqlQuery q(c);
    q.prepare(kTicketAtDesk);
    q.bindValue(u":desk"_s, desk.id);
    q.bindValue(u":day"_s, m_services.database()->dialect().toDbDate(m_now().date()));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du guichet"));
    if (q.next())
        return deskBusy(desk, q.value(0).toString());
    return {};
}

Error QueueService::deskBusy(const Desk& desk, const QString& ticketLabel) const
{
    return Error(ErrorCode::InvalidArgument,
                 tr("Le %1 a déjà le ticket %2 en cours : clôturez-le, mettez-le en pause ou marquez-le "
                    "absent avant d'appeler le suivant.")
                     .arg(desk.displayName(), ticketLabel));
}

Result<Ticket> QueueService::take(QSqlDatabase& c, Ticket t, const Desk& desk, const QDateTime& now) const
{
    const TicketStore store(m_services.database()->dialect());
    const TicketStatus before = t.status;
    t.status = TicketStatus::Appele;
    t.deskId = desk.id;
    t.targetDeskId = 0;
    t.agentId = m_services.session().agent().id;
    t.calledAt = now;
    if (!t.firstCalledAt.isValid())
        t.firstCalledAt = now;
    ++t.callCount;
    // Conditional on the status read inside this write transaction: a ticket another
    // desk has just taken is no longer callable and the update touches no row.
    auto q = sql::prepare(c,
                          u"UPDATE accueil_tickets SET status = 'appele', desk_id = :desk, target_desk_id = NULL, "
                          u"agent_id = :agent, called_at = :now, first_called_at = COALESCE(first_called_at, :now2), "
                          u"call_count = call_count + 1, version = version + 1 "
                          u"WHERE id = :id AND status = :before"_s,
                          tr("appel du ticket"));
    if (!q)
        return q.error();
    const Dialect& d = m_services.database()->dialect();
    q->bindValue(u":desk"_s, desk.id);
    q->bindValue(u":agent"_s, sql::nullableId(t.agentId));
    q->bindValue(u":now"_s, d.toDbDateTime(now));
    q->bindValue(u":now2"_s, d.toDbDateTime(now));
    q->bindValue(u":id"_s, t.id);
    q->bindValue(u":before"_s, ticketStatusId(before));
    if (auto r = sql::exec(*q, tr("appel du ticket")); !r)
        return r.error();
    if (q->numRowsAffected() != 1)
        return Error(ErrorCode::Conflict, tr("Le ticket %1 vient d'être appelé par un autre guichet.").arg(t.label));
    ++t.version;
    if (auto r = store.addEvent(c, t.id, now, u"appel"_s, desk.id, t.agentId, desk.displayName()); !r)
        return r.error();
    return t;
}

Result<Ticket> QueueService::issue(const IssueRequest& request)
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    const QDateTime now = m_now();
    const Dialect& d = m_services.database()->dialect();
    const TicketStore store(d);
    Ticket t;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        const Result<TicketCategory> category = CounterSetup(m_services).category(request.categoryId);
        if (!category)
            return Error(ErrorCode::Validation, tr("Choisissez la catégorie du ticket."));
        if (!category->active)
            return Error(ErrorCode::Validation, tr("La catégorie « %1 » n'est plus proposée.").arg(category->label));
        t.day = now.date();
        t.categoryId = category->id;
        t.priority = qBound(0, request.priority, 9);
        t.citizenId = request.citizenId;
        t.serviceId = category->defaultServiceId;
        if (category->motiveThemeId > 0)
            t.motiveIds << category->motiveThemeId;
        if (request.appointmentId > 0) {
            const Result<Appointment> a = m_services.appointments().get(request.appointmentId);
            if (!a)
                return a.error();
            if (a->status != AppointmentStatus::Planned)
                return Error(ErrorCode::Validation,
                             tr("Ce rendez-vous est %1 : il ne peut plus être enregistré à l'accueil.")
                                 .arg(appointmentStatusLabel(a->status).toLower()));
            if (a->startAt.toLocalTime().date() != t.day)
                return Error(ErrorCode::Validation, tr("Ce rendez-vous n'est pas prévu aujourd'hui."));
            QSqlQuery dup(c);
            dup.prepare(u"SELECT label FROM accueil_tickets WHERE appointment_id = :a AND status <> 'parti'"_s);
            dup.bindValue(u":a"_s, a->id);
            if (dup.exec() && dup.next())
                return Error(ErrorCode::Duplicate,
                             tr("Ce rendez-vous a déjà été enregistré (ticket %1).").arg(dup.value(0).toString()));
            t.appointmentId = a->id;
            t.appointmentAt = a->startAt;
            t.citizenId = a->citizenId;
            t.serviceId = a->serviceId;
            if (a->motiveThemeId > 0)
                t.motiveIds = {a->motiveThemeId};
        }

        // Per-day numbering in one statement: the sequence row is created or bumped and its new
        // value returned, the row lock making concurrent issues from other workstations take
        // turns (PostgreSQL), as BEGIN IMMEDIATE does on SQLite; (day, category, number) is
        // unique anyway.
        QSqlQuery seq(c);
        seq.prepare(u"INSERT INTO accueil_ticket_sequences (category_id, day, last_value) VALUES (:c, :d, 1) "
                    u"ON CONFLICT (category_id, day) DO UPDATE "
                    u"SET last_value = accueil_ticket_sequences.last_value + 1 RETURNING last_value"_s);
        seq.bindValue(u":c"_s, t.categoryId);
        seq.bindValue(u":d"_s, d.toDbDate(t.day));
        if (!seq.exec() || !seq.next())
            return Database::classify(seq.lastError(), tr("numérotation des tickets"));
        t.number = seq.value(0).toInt();
        seq.finish();
        t.label = category->prefix + QString::number(t.number).rightJustified(3, u'0');
        t.issuedAt = t.queuedAt = now;
        t.status = TicketStatus::EnAttente;

        auto q = sql::prepare(c,
                              d.insertReturningId(u"accueil_tickets"_s,
                                                  {u"day"_s, u"category_id"_s, u"number"_s, u"label"_s, u"status"_s,
                                                   u"priority"_s, u"appointment_id"_s, u"appointment_at"_s,
                                                   u"citizen_id"_s, u"service_id"_s, u"issued_at"_s, u"queued_at"_s}),
                              tr("émission du ticket"));
        if (!q)
            return q.error();
        q->bindValue(u":day"_s, d.toDbDate(t.day));
        q->bindValue(u":category_id"_s, t.categoryId);
        q->bindValue(u":number"_s, t.number);
        q->bindValue(u":label"_s, t.label);
        q->bindValue(u":status"_s, ticketStatusId(t.status));
        q->bindValue(u":priority"_s, t.priority);
        q->bindValue(u":appointment_id"_s, sql::nullableId(t.appointmentId));
        q->bindValue(u":appointment_at"_s, d.toDbDateTime(t.appointmentAt));
        q->bindValue(u":citizen_id"_s, sql::nullableId(t.citizenId));
        q->bindValue(u":service_id"_s, sql::nullableId(t.serviceId));
        q->bindValue(u":issued_at"_s, d.toDbDateTime(t.issuedAt));
        q->bindValue(u":queued_at"_s, d.toDbDateTime(t.queuedAt));
        if (auto r = sql::exec(*q, tr("émission du ticket")); !r)
            return r;
        t.id = d.insertedId(*q);
        t.version = 1;
        if (auto r = store.replaceMotives(c, t.id, t.motiveIds); !r)
            return r;
        return store.addEvent(c, t.id, now, u"emission"_s, 0, m_services.session().agent().id,
                              t.appointmentId > 0 ? tr("rendez-vous") : QString());
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<std::optional<Ticket>> QueueService::callNext(qint64 deskId)
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    const QDateTime now = m_now();
    const TicketStore store(m_services.database()->dialect());
    std::optional<Ticket> called;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        QString busyWith;
        const Result<Desk> desk = activeDesk(c, deskId, &busyWith);
        if (!desk)
            return desk.error();
        if (!busyWith.isEmpty())
            return deskBusy(*desk, busyWith);
        // SQLite: BEGIN IMMEDIATE holds the write lock from the read of the candidate to its
        // update. PostgreSQL: the candidate is claimed (FOR UPDATE SKIP LOCKED), so another desk
        // calling at the same moment takes the next one instead of waiting. The conditional
        // update is a second guard either way.
        for (int attempt = 0; attempt < 3; ++attempt) {
            Result<QList<Ticket>> next = store.select(c, QString(u"t.day = :day AND "_s + kCallable + u" AND "_s
                                                                 + callableBy(*desk)),
                                                      callBinds(*desk, now), TicketStore::callOrder(), 1,
                                                      true, /*claim=*/true);
            if (!next)
                return next.error();
            if (next->isEmpty())
                return {};
            Result<Ticket> taken = take(c, next->constFirst(), *desk, now);
            if (taken) {
                called = *taken;
                return {};
            }
            if (taken.error().code() != ErrorCode::Conflict)
                return taken.error();
        }
        return Error(ErrorCode::DatabaseLocked, tr("La file est très sollicitée : réessayez."));
    });
    if (!tx)
        return tx.error();
    return called;
}

Result<Ticket> QueueService::call(qint64 ticketId, qint64 deskId)
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    const QDateTime now = m_now();
    const TicketStore store(m_services.database()->dialect());
    Ticket result;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        const Result<Desk> desk = activeDesk(c, deskId);
        if (!desk)
            return desk.error();
        Result<Ticket> t = store.load(c, ticketId);
        if (!t)
            return t.error();
        if (t->day != now.date())
            return Error(ErrorCode::InvalidArgument, tr("Le ticket %1 n'est pas un ticket d'aujourd'hui.").arg(t->label));
        if (!isCallable(t->status) && t->status != TicketStatus::Absent)
            return Error(ErrorCode::Conflict,
                         tr("Le ticket %1 est « %2 » : il ne peut pas être appelé.")
                             .arg(t->label, ticketStatusLabel(t->status).toLower()));
        if (t->targetDeskId > 0 && t->targetDeskId != desk->id && !m_services.session().can(ids::PermSupervise))
            return Error(ErrorCode::PermissionDenied,
                         tr("Le ticket %1 a été transféré à un autre guichet.").arg(t->label));
        if (auto r = checkDeskFree(c, *desk); !r)
            return r;
        Result<Ticket> taken = take(c, *t, *desk, now);
        if (!taken)
            return taken.error();
        result = *taken;
        return {};
    });
    if (!tx)
        return tx.error();
    return result;
}

Result<Ticket> QueueService::recall(qint64 ticketId, int version)
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    const QDateTime now = m_now();
    const TicketStore store(m_services.database()->dialect());
    Ticket t;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Ticket> loaded = store.load(c, ticketId);
        if (!loaded)
            return loaded.error();
        t = *loaded;
        t.version = version;
        if (t.status != TicketStatus::Appele)
            return Error(ErrorCode::Conflict, tr("Seul un ticket appelé peut être annoncé de nouveau."));
        t.calledAt = now;
        ++t.callCount;
        if (auto r = store.update(c, t); !r)
            return r;
        return store.addEvent(c, t.id, now, u"rappel"_s, t.deskId, m_services.session().agent().id);
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<Ticket> QueueService::get(qint64 ticketId) const
{
    QSqlDatabase c = m_services.database()->connection();
    return TicketStore(m_services.database()->dialect()).load(c, ticketId);
}

Result<QList<Ticket>> QueueService::waiting(qint64 deskId) const
{
    const Session& session = m_services.session();
    if (auto r = session.require(deskId > 0 ? ids::PermCounter : ids::PermSupervise); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    const TicketStore store(m_services.database()->dialect());
    const QDateTime now = m_now();
    if (deskId <= 0) {
        return store.select(c, QString(u"t.day = :day AND "_s + kCallable), callBinds(Desk{}, now),
                            TicketStore::callOrder());
    }
    const Result<Desk> desk = activeDesk(c, deskId);
    if (!desk)
        return desk.error();
    return store.select(c, QString(u"t.day = :day AND "_s + kCallable + u" AND "_s + callableBy(*desk)),
                        callBinds(*desk, now), TicketStore::callOrder());
}

Result<QList<Ticket>> QueueService::atDesk(qint64 deskId) const
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    const Dialect& d = m_services.database()->dialect();
    return TicketStore(d).select(c, QString(u"t.desk_id = :desk AND t.day = :day AND "_s + kAtDesk),
                                 {{u":desk"_s, deskId}, {u":day"_s, d.toDbDate(m_now().date())}},
                                 u"t.called_at, t.id"_s);
}

Result<QList<Ticket>> QueueService::announced(int limit) const
{
    QSqlDatabase c = m_services.database()->connection();
    const Dialect& d = m_services.database()->dialect();
    return TicketStore(d).select(c, u"t.day = :day AND t.called_at IS NOT NULL AND t.status IN ('appele', 'en_cours')"_s,
                                 {{u":day"_s, d.toDbDate(m_now().date())}}, u"t.called_at DESC, t.id DESC"_s, limit,
                                 false);
}

Result<QList<QueueService::Arrival>> QueueService::arrivals() const
{
    if (auto r = m_services.session().require(ids::PermCounter); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    const QDate today = m_now().date();
    QSqlQuery q(m_services.database()->connection());
    // A list of names, not the opening of a record: no read audit per line.
    q.prepare(u"SELECT a.id, a.start_at, a.service_id, s.name, a.citizen_id, c.nom_usage, c.nom_naissance, c.prenoms, "
              u"c.phone, a.motive, (SELECT t.label FROM accueil_tickets t WHERE t.appointment_id = a.id "
              u"AND t.status <> 'parti' ORDER BY t.id LIMIT 1) FROM appointments a JOIN citizens c ON c.id = a.citizen_id "
              u"LEFT JOIN services s ON s.id = a.service_id WHERE a.start_at >= :from AND a.start_at < :to "
              u"AND a.status = 'prevu' ORDER BY a.start_at, a.id"_s);
    q.bindValue(u":from"_s, d.toDbDateTime(QDateTime(today, QTime(0, 0))));
    q.bindValue(u":to"_s, d.toDbDateTime(QDateTime(today.addDays(1), QTime(0, 0))));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des rendez-vous du jour"));
    QList<Arrival> list;
    while (q.next()) {
        Arrival a;
        a.appointmentId = q.value(0).toLongLong();
        a.startAt = d.fromDbDateTime(q.value(1));
        a.serviceId = sql::id(q.value(2));
        a.serviceName = q.value(3).toString();
        a.citizenId = q.value(4).toLongLong();
        Citizen c;
        c.nomUsage = q.value(5).toString();
        c.nomNaissance = q.value(6).toString();
        c.prenoms = q.value(7).toString();
        c.phone = q.value(8).toString();
        a.citizenName = c.displayName();
        a.motive = q.value(9).toString();
        a.ticketLabel = q.value(10).toString();
        list << a;
    }
    return list;
}

Result<QList<Ticket>> QueueService::ofCitizen(qint64 citizenId, int limit) const
{
    if (auto r = m_services.session().require(perm::ContactRead); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    return TicketStore(m_services.database()->dialect())
        .select(c, u"t.citizen_id = :c"_s, {{u":c"_s, citizenId}}, u"t.issued_at DESC, t.id DESC"_s, limit);
}

} // namespace iris::accueil
