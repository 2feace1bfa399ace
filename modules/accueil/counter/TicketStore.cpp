#include "modules/accueil/counter/TicketStore.h"

#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

const QString kColumns
    = u"t.id, t.version, t.day, t.category_id, t.number, t.label, t.status, t.priority, t.appointment_id, "
      u"t.appointment_at, t.citizen_id, t.service_id, t.desk_id, t.target_desk_id, t.agent_id, t.issued_at, "
      u"t.queued_at, t.first_called_at, t.called_at, t.service_started_at, t.ended_at, t.call_count, t.outcome, "
      u"t.contact_id, t.notes"_s;

Ticket readTicket(const QSqlQuery& q, const Dialect& d)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.version = q.value(1).toInt();
    t.day = d.fromDbDate(q.value(2));
    t.categoryId = q.value(3).toLongLong();
    t.number = q.value(4).toInt();
    t.label = q.value(5).toString();
    ticketStatusFromId(q.value(6).toString(), &t.status);
    t.priority = q.value(7).toInt();
    t.appointmentId = sql::id(q.value(8));
    t.appointmentAt = d.fromDbDateTime(q.value(9));
    t.citizenId = sql::id(q.value(10));
    t.serviceId = sql::id(q.value(11));
    t.deskId = sql::id(q.value(12));
    t.targetDeskId = sql::id(q.value(13));
    t.agentId = sql::id(q.value(14));
    t.issuedAt = d.fromDbDateTime(q.value(15));
    t.queuedAt = d.fromDbDateTime(q.value(16));
    t.firstCalledAt = d.fromDbDateTime(q.value(17));
    t.calledAt = d.fromDbDateTime(q.value(18));
    t.serviceStartedAt = d.fromDbDateTime(q.value(19));
    t.endedAt = d.fromDbDateTime(q.value(20));
    t.callCount = q.value(21).toInt();
    t.outcome = q.value(22).toString();
    t.contactId = sql::id(q.value(23));
    t.notes = q.value(24).toString();
    return t;
}

} // namespace

TicketStore::TicketStore(const Dialect& dialect)
    : m_dialect(dialect)
{
}

QString TicketStore::callOrder()
{
    return u"t.priority DESC, CASE WHEN t.appointment_at IS NOT NULL AND t.appointment_at <= :appointment_horizon "
           u"THEN 0 ELSE 1 END, t.queued_at, t.id"_s;
}

Result<QList<Ticket>> TicketStore::select(QSqlDatabase& c, const QString& where, const QVariantMap& binds,
                                          const QString& orderBy, int limit, bool withMotives, bool claim) const
{
    QString statement = u"SELECT "_s + kColumns + u" FROM accueil_tickets t"_s;
    if (!where.isEmpty())
        statement += u" WHERE "_s + where;
    if (!orderBy.isEmpty())
        statement += u" ORDER BY "_s + orderBy;
    if (limit > 0)
        statement += u" LIMIT "_s + QString::number(limit);
    if (claim)
        statement += m_dialect.claimRows(u"t"_s);
    auto q = sql::prepare(c, statement, tr("lecture des tickets"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des tickets")); !r)
        return r.error();
    QList<Ticket> tickets;
    while (q->next())
        tickets << readTicket(*q, m_dialect);
    if (withMotives && !tickets.isEmpty()) {
        QSqlQuery m(c);
        m.prepare(u"SELECT motive_theme_id FROM accueil_ticket_motives WHERE ticket_id = :id ORDER BY position"_s);
        for (Ticket& t : tickets) {
            m.bindValue(u":id"_s, t.id);
            if (!m.exec())
                return Database::classify(m.lastError(), tr("lecture des motifs de la visite"));
            while (m.next())
                t.motiveIds << m.value(0).toLongLong();
        }
    }
    return tickets;
}

Result<Ticket> TicketStore::load(QSqlDatabase& c, qint64 id) const
{
    Result<QList<Ticket>> rows = select(c, u"t.id = :id"_s, {{u":id"_s, id}}, {});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce ticket n'existe pas."));
    return rows->constFirst();
}

Result<void> TicketStore::update(QSqlDatabase& c, Ticket& t) const
{
    auto q = sql::prepare(c,
                          u"UPDATE accueil_tickets SET status = :status, priority = :priority, citizen_id = :citizen, "
                          u"service_id = :service, desk_id = :desk, target_desk_id = :target, agent_id = :agent, "
                          u"first_called_at = :first_called, called_at = :called, service_started_at = :started, "
                          u"ended_at = :ended, call_count = :calls, outcome = :outcome, contact_id = :contact, "
                          u"notes = :notes, version = version + 1 WHERE id = :id AND version = :version"_s,
                          tr("enregistrement du ticket"));
    if (!q)
        return q.error();
    const auto ts = [this](const QDateTime& v) { return m_dialect.toDbDateTime(v); };
    q->bindValue(u":status"_s, ticketStatusId(t.status));
    q->bindValue(u":priority"_s, t.priority);
    q->bindValue(u":citizen"_s, sql::nullableId(t.citizenId));
    q->bindValue(u":service"_s, sql::nullableId(t.serviceId));
    q->bindValue(u":desk"_s, sql::nullableId(t.deskId));
    q->bindValue(u":target"_s, sql::nullableId(t.targetDeskId));
    q->bindValue(u":agent"_s, sql::nullableId(t.agentId));
    q->bindValue(u":first_called"_s, ts(t.firstCalledAt));
    q->bindValue(u":called"_s, ts(t.calledAt));
    q->bindValue(u":started"_s, ts(t.serviceStartedAt));
    q->bindValue(u":ended"_s, ts(t.endedAt));
    q->bindValue(u":calls"_s, t.callCount);
    q->bindValue(u":outcome"_s, sql::nullableText(t.outcome));
    q->bindValue(u":contact"_s, sql::nullableId(t.contactId));
    q->bindValue(u":notes"_s, sql::text(t.notes));
    q->bindValue(u":id"_s, t.id);
    q->bindValue(u":version"_s, t.version);
    if (auto r = sql::exec(*q, tr("enregistrement du ticket")); !r)
        return r;
    if (q->numRowsAffected() != 1)
        return sql::staleOrMissing(c, u"accueil_tickets"_s, t.id, tr("Le ticket %1").arg(t.label));
    ++t.version;
    return {};
}

Result<void> TicketStore::addEvent(QSqlDatabase& c, qint64 ticketId, const QDateTime& at, const QString& kind,
                                   qint64 deskId, qint64 agentId, const QString& detail) const
{
    auto q = sql::prepare(c,
                          u"INSERT INTO accueil_ticket_events (ticket_id, at, kind, desk_id, agent_id, detail) "
                          u"VALUES (:ticket, :at, :kind, :desk, :agent, :detail)"_s,
                          tr("historique du ticket"));
    if (!q)
        return q.error();
    q->bindValue(u":ticket"_s, ticketId);
    q->bindValue(u":at"_s, m_dialect.toDbDateTime(at));
    q->bindValue(u":kind"_s, kind);
    q->bindValue(u":desk"_s, sql::nullableId(deskId));
    q->bindValue(u":agent"_s, sql::nullableId(agentId));
    q->bindValue(u":detail"_s, sql::text(detail));
    return sql::exec(*q, tr("historique du ticket"));
}

Result<void> TicketStore::replaceMotives(QSqlDatabase& c, qint64 ticketId, const QList<qint64>& motiveIds) const
{
    QSqlQuery del(c);
    del.prepare(u"DELETE FROM accueil_ticket_motives WHERE ticket_id = :id"_s);
    del.bindValue(u":id"_s, ticketId);
    if (!del.exec())
        return Database::classify(del.lastError(), tr("motifs de la visite"));
    QSqlQuery ins(c);
    ins.prepare(u"INSERT INTO accueil_ticket_motives (ticket_id, position, motive_theme_id) VALUES (:t, :p, :m)"_s);
    int position = 0;
    for (qint64 motive : motiveIds) {
        ins.bindValue(u":t"_s, ticketId);
        ins.bindValue(u":p"_s, position++);
        ins.bindValue(u":m"_s, motive);
        if (!ins.exec())
            return Database::classify(ins.lastError(), tr("motifs de la visite"));
    }
    return {};
}

} // namespace iris::accueil
