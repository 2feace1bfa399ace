#include "core/services/DossierRepository.h"

#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

const QString kColumns = u"d.id, d.version, d.type_id, d.reference, d.year, d.sequence, d.status, d.subject, "
                         u"d.service_id, d.agent_id, d.opened_on, d.due_date, d.closed_at, d.citizen_id, "
                         u"d.organisation_id, d.created_at, d.updated_at"_s;

const QString kDocumentColumns = u"id, version, dossier_id, position, label, required, state, received_at, "
                                 u"received_by, verified_at, verified_by, note"_s;

Dossier readDossier(const QSqlQuery& q, const Dialect& d)
{
    Dossier x;
    x.id = q.value(0).toLongLong();
    x.version = q.value(1).toInt();
    x.typeId = q.value(2).toString();
    x.reference = q.value(3).toString();
    x.year = q.value(4).toInt();
    x.sequence = q.value(5).toInt();
    x.status = q.value(6).toString();
    x.subject = q.value(7).toString();
    x.serviceId = sql::id(q.value(8));
    x.agentId = sql::id(q.value(9));
    x.openedOn = d.fromDbDate(q.value(10));
    x.dueDate = d.fromDbDate(q.value(11));
    x.closedAt = d.fromDbDateTime(q.value(12));
    x.citizenId = sql::id(q.value(13));
    x.organisationId = sql::id(q.value(14));
    x.createdAt = d.fromDbDateTime(q.value(15));
    x.updatedAt = d.fromDbDateTime(q.value(16));
    return x;
}

DossierDocument readDocument(const QSqlQuery& q, const Dialect& d)
{
    DossierDocument x;
    x.id = q.value(0).toLongLong();
    x.version = q.value(1).toInt();
    x.dossierId = q.value(2).toLongLong();
    x.position = q.value(3).toInt();
    x.label = q.value(4).toString();
    x.required = q.value(5).toBool();
    documentStateFromId(q.value(6).toString(), &x.state);
    x.receivedAt = d.fromDbDateTime(q.value(7));
    x.receivedBy = sql::id(q.value(8));
    x.verifiedAt = d.fromDbDateTime(q.value(9));
    x.verifiedBy = sql::id(q.value(10));
    x.note = q.value(11).toString();
    return x;
}

} // namespace

Result<QList<Dossier>> DossierRepository::select(
    QSqlDatabase& db, const QString& where, const QVariantMap& binds, int limit) const
{
    QString text = u"SELECT "_s + kColumns + u" FROM dossiers d "_s + where;
    if (limit > 0)
        text += u" LIMIT "_s + QString::number(limit);
    auto q = sql::prepare(db, text, tr("lecture des dossiers"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des dossiers")); !r)
        return r.error();
    QList<Dossier> out;
    while (q->next())
        out.append(readDossier(*q, m_dialect));
    return out;
}

Result<Dossier> DossierRepository::find(QSqlDatabase& db, qint64 id) const
{
    auto rows = select(db, u"WHERE d.id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce dossier n'existe pas."));
    return rows->first();
}

Result<int> DossierRepository::nextSequence(QSqlDatabase& db, const QString& typeId, int year) const
{
    // Created or bumped in one statement under the row's lock: concurrent creations on other
    // workstations take turns (BEGIN IMMEDIATE on SQLite).
    QSqlQuery seq(db);
    if (!seq.prepare(u"INSERT INTO dossier_sequences (type_id, year, last_value) VALUES (:t, :y, 1) "
                     u"ON CONFLICT (type_id, year) DO UPDATE SET last_value = dossier_sequences.last_value + 1 "
                     u"RETURNING last_value"_s))
        return Database::classify(seq.lastError(), tr("numérotation du dossier"));
    seq.bindValue(u":t"_s, typeId);
    seq.bindValue(u":y"_s, year);
    if (auto r = sql::exec(seq, tr("numérotation du dossier")); !r)
        return r.error();
    if (!seq.next())
        return Error(ErrorCode::DatabaseError, tr("La numérotation des dossiers est indisponible."));
    return seq.value(0).toInt();
}

Result<void> DossierRepository::insert(
    QSqlDatabase& db, Dossier& x, const QList<ChecklistTemplateItem>& checklist) const
{
    const Dialect& d = m_dialect;
    auto q = sql::prepare(db,
        d.insertReturningId(u"dossiers"_s,
            { u"type_id"_s, u"reference"_s, u"year"_s, u"sequence"_s, u"status"_s, u"subject"_s,
                u"service_id"_s, u"agent_id"_s, u"opened_on"_s, u"due_date"_s, u"citizen_id"_s,
                u"organisation_id"_s, u"created_at"_s, u"updated_at"_s }),
        tr("création du dossier"));
    if (!q)
        return q.error();
    q->bindValue(u":type_id"_s, x.typeId);
    q->bindValue(u":reference"_s, x.reference);
    q->bindValue(u":year"_s, x.year);
    q->bindValue(u":sequence"_s, x.sequence);
    q->bindValue(u":status"_s, x.status);
    q->bindValue(u":subject"_s, sql::text(x.subject));
    q->bindValue(u":service_id"_s, sql::nullableId(x.serviceId));
    q->bindValue(u":agent_id"_s, sql::nullableId(x.agentId));
    q->bindValue(u":opened_on"_s, d.toDbDate(x.openedOn));
    q->bindValue(u":due_date"_s, d.toDbDate(x.dueDate));
    q->bindValue(u":citizen_id"_s, sql::nullableId(x.citizenId));
    q->bindValue(u":organisation_id"_s, sql::nullableId(x.organisationId));
    q->bindValue(u":created_at"_s, d.toDbDateTime(x.createdAt));
    q->bindValue(u":updated_at"_s, d.toDbDateTime(x.updatedAt));
    if (auto r = sql::exec(*q, tr("création du dossier")); !r)
        return r;
    x.id = d.insertedId(*q);
    x.version = 1;

    QSqlQuery doc(db);
    doc.prepare(
        u"INSERT INTO dossier_documents (dossier_id, position, label, required) VALUES (:d, :p, :l, :r)"_s);
    for (int i = 0; i < checklist.size(); ++i) {
        doc.bindValue(u":d"_s, x.id);
        doc.bindValue(u":p"_s, i);
        doc.bindValue(u":l"_s, checklist.at(i).label.trimmed());
        doc.bindValue(u":r"_s, checklist.at(i).required);
        if (auto r = sql::exec(doc, tr("création du dossier")); !r)
            return r;
    }
    return {};
}

Result<void> DossierRepository::update(QSqlDatabase& db, qint64 id, int version, const QString& set,
    const QVariantMap& binds, const QDateTime& now) const
{
    QSqlQuery q(db);
    q.prepare(QString(u"UPDATE dossiers SET version = version + 1, updated_at = :now, "_s + set
        + u" WHERE id = :id AND version = :version"_s));
    q.bindValue(u":now"_s, m_dialect.toDbDateTime(now));
    q.bindValue(u":id"_s, id);
    q.bindValue(u":version"_s, version);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (auto r = sql::exec(q, tr("modification du dossier")); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return sql::staleOrMissing(db, u"dossiers"_s, id, tr("Le dossier"));
    return {};
}

Result<void> DossierRepository::appendEvent(QSqlDatabase& db, qint64 dossierId, const QDateTime& at,
    qint64 agentId, const QString& kind, const QString& text) const
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO dossier_events (dossier_id, at, agent_id, kind, text) "
              u"VALUES (:d, :at, :agent, :kind, :text)"_s);
    q.bindValue(u":d"_s, dossierId);
    q.bindValue(u":at"_s, m_dialect.toDbDateTime(at));
    q.bindValue(u":agent"_s, sql::nullableId(agentId));
    q.bindValue(u":kind"_s, kind);
    q.bindValue(u":text"_s, sql::text(text));
    return sql::exec(q, tr("mise à jour de l'historique du dossier"));
}

Result<QList<DossierEvent>> DossierRepository::events(QSqlDatabase& db, qint64 dossierId) const
{
    QSqlQuery q(db);
    q.prepare(u"SELECT e.id, e.dossier_id, e.at, e.agent_id, COALESCE(a.display_name, ''), e.kind, e.text "
              u"FROM dossier_events e LEFT JOIN agents a ON a.id = e.agent_id "
              u"WHERE e.dossier_id = :d ORDER BY e.at, e.id"_s);
    q.bindValue(u":d"_s, dossierId);
    if (auto r = sql::exec(q, tr("lecture de l'historique du dossier")); !r)
        return r.error();
    QList<DossierEvent> out;
    while (q.next()) {
        DossierEvent e;
        e.id = q.value(0).toLongLong();
        e.dossierId = q.value(1).toLongLong();
        e.at = m_dialect.fromDbDateTime(q.value(2));
        e.agentId = sql::id(q.value(3));
        e.agentName = e.agentId == 0 ? tr("système") : q.value(4).toString();
        e.kind = q.value(5).toString();
        e.text = q.value(6).toString();
        out.append(e);
    }
    return out;
}

Result<QList<DossierDocument>> DossierRepository::documents(QSqlDatabase& db, qint64 dossierId) const
{
    QSqlQuery q(db);
    q.prepare(QString(u"SELECT "_s + kDocumentColumns
        + u" FROM dossier_documents WHERE dossier_id = :d ORDER BY position, id"_s));
    q.bindValue(u":d"_s, dossierId);
    if (auto r = sql::exec(q, tr("lecture des pièces du dossier")); !r)
        return r.error();
    QList<DossierDocument> out;
    while (q.next())
        out.append(readDocument(q, m_dialect));
    return out;
}

Result<DossierDocument> DossierRepository::document(QSqlDatabase& db, qint64 documentId) const
{
    QSqlQuery q(db);
    q.prepare(QString(u"SELECT "_s + kDocumentColumns + u" FROM dossier_documents WHERE id = :id"_s));
    q.bindValue(u":id"_s, documentId);
    if (auto r = sql::exec(q, tr("lecture de la pièce")); !r)
        return r.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("Cette pièce n'existe pas."));
    return readDocument(q, m_dialect);
}

Result<void> DossierRepository::appendDocument(QSqlDatabase& db, DossierDocument& doc) const
{
    QSqlQuery pos(db);
    pos.prepare(u"SELECT COALESCE(MAX(position), -1) + 1 FROM dossier_documents WHERE dossier_id = :d"_s);
    pos.bindValue(u":d"_s, doc.dossierId);
    if (auto r = sql::exec(pos, tr("ajout d'une pièce")); !r)
        return r;
    doc.position = pos.next() ? pos.value(0).toInt() : 0;
    QSqlQuery q(db);
    q.prepare(m_dialect.insertReturningId(
        u"dossier_documents"_s, { u"dossier_id"_s, u"position"_s, u"label"_s, u"required"_s }));
    q.bindValue(u":dossier_id"_s, doc.dossierId);
    q.bindValue(u":position"_s, doc.position);
    q.bindValue(u":label"_s, doc.label);
    q.bindValue(u":required"_s, doc.required);
    if (auto r = sql::exec(q, tr("ajout d'une pièce")); !r)
        return r;
    doc.id = m_dialect.insertedId(q);
    doc.version = 1;
    return {};
}

Result<void> DossierRepository::updateDocument(
    QSqlDatabase& db, const DossierDocument& doc, int version) const
{
    const auto ts = [this](const QDateTime& t) { return m_dialect.toDbDateTime(t); }; // NULL when invalid
    QSqlQuery u(db);
    u.prepare(u"UPDATE dossier_documents SET version = version + 1, state = :state, received_at = :ra, "
              u"received_by = :rb, verified_at = :va, verified_by = :vb, note = :note "
              u"WHERE id = :id AND version = :v"_s);
    u.bindValue(u":state"_s, documentStateId(doc.state));
    u.bindValue(u":ra"_s, ts(doc.receivedAt));
    u.bindValue(u":rb"_s, sql::nullableId(doc.receivedBy));
    u.bindValue(u":va"_s, ts(doc.verifiedAt));
    u.bindValue(u":vb"_s, sql::nullableId(doc.verifiedBy));
    u.bindValue(u":note"_s, sql::text(doc.note));
    u.bindValue(u":id"_s, doc.id);
    u.bindValue(u":v"_s, version);
    if (auto r = sql::exec(u, tr("mise à jour de la pièce")); !r)
        return r;
    if (u.numRowsAffected() != 1)
        return sql::staleOrMissing(db, u"dossier_documents"_s, doc.id, tr("La pièce"));
    return {};
}

} // namespace iris
