#include "core/services/DossierService.h"

#include "core/base/ValidationErrors.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString readPermission(const DossierType* type)
{
    return (type && !type->readPermission.isEmpty()) ? type->readPermission : perm::DossierRead;
}

QString writePermission(const DossierType* type)
{
    return (type && !type->writePermission.isEmpty()) ? type->writePermission : perm::DossierWrite;
}

} // namespace

DossierService::DossierService(
    std::shared_ptr<Database> db, const Session& session, AuditLog& audit, const DossierTypeRegistry* types)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
    , m_types(types)
    , m_repo(m_db->dialect())
{
}

Result<const DossierType*> DossierService::typeOf(const QString& typeId) const
{
    const DossierType* type = m_types ? m_types->type(typeId) : nullptr;
    if (!type)
        return Error(ErrorCode::NotFound,
            tr("Le type de dossier « %1 » n'est pas disponible (module absent ou désactivé).").arg(typeId));
    return type;
}

Result<void> DossierService::event(
    QSqlDatabase& c, qint64 dossierId, const QString& kind, const QString& text) const
{
    return m_repo.appendEvent(c, dossierId, m_now(), m_session.agent().id, kind, text);
}

Result<Dossier> DossierService::create(const Dossier& draft)
{
    auto type = typeOf(draft.typeId);
    if (!type)
        return type.error();
    const DossierType* t = *type;
    if (auto r = m_session.require(writePermission(t)); !r)
        return r.error();
    Dossier x = draft;
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        ValidationErrors errors;
        x.subject = x.subject.simplified();
        if (x.subject.size() > 200)
            errors.add(u"subject"_s, tr("L'objet du dossier ne doit pas dépasser 200 caractères."));
        if (x.citizenId > 0 && !sql::rowExists(c, u"citizens"_s, x.citizenId))
            errors.add(u"citizenId"_s, tr("L'usager indiqué n'existe pas."));
        if (x.organisationId > 0 && !sql::rowExists(c, u"organisations"_s, x.organisationId))
            errors.add(u"organisationId"_s, tr("L'association indiquée n'existe pas."));
        if (x.agentId > 0 && !sql::rowExists(c, u"agents"_s, x.agentId))
            errors.add(u"agentId"_s, tr("L'agent indiqué n'existe pas."));
        if (x.serviceId > 0 && !sql::rowExists(c, u"services"_s, x.serviceId))
            errors.add(u"serviceId"_s, tr("Le service indiqué n'existe pas dans l'annuaire."));
        if (!errors.isEmpty())
            return errors.toError();
        if (x.serviceId == 0 && !t->defaultServiceCode.isEmpty()) {
            QSqlQuery s(c);
            s.prepare(u"SELECT id FROM services WHERE code = :code"_s);
            s.bindValue(u":code"_s, t->defaultServiceCode);
            if (s.exec() && s.next())
                x.serviceId = s.value(0).toLongLong();
        }

        const QDateTime now = m_now();
        x.openedOn = now.date();
        x.year = x.openedOn.year();
        auto sequence = m_repo.nextSequence(c, t->id, x.year);
        if (!sequence)
            return sequence.error();
        x.sequence = *sequence;
        if (x.sequence > 999999)
            return Error(ErrorCode::Conflict,
                tr("La numérotation annuelle des dossiers « %1 » est épuisée.").arg(t->label));
        x.reference
            = u"%1-%2-%3"_s.arg(t->referencePrefix).arg(x.year).arg(x.sequence, 6, 10, QLatin1Char('0'));
        x.status = t->workflow.initialState();
        if (!x.dueDate.isValid())
            x.dueDate = t->deadline.dueDate(x.openedOn, m_calendar);
        x.closedAt = {};
        x.createdAt = x.updatedAt = now;

        x.typeId = t->id;
        if (auto r = m_repo.insert(c, x, t->checklist); !r)
            return r;
        QString text = tr("Dossier %1 créé (%2), statut « %3 ».")
                           .arg(x.reference, t->label, t->workflow.label(x.status));
        if (x.dueDate.isValid())
            text += u' ' + tr("Échéance : %1.").arg(x.dueDate.toString(u"dd/MM/yyyy"_s));
        if (auto r = event(c, x.id, u"created"_s, text); !r)
            return r;
        return m_audit.record(c, u"create"_s, u"dossier"_s, x.id,
            { { u"reference"_s, x.reference }, { u"type"_s, t->id }, { u"citizen_id"_s, x.citizenId } });
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<QList<Dossier>> DossierService::select(const QString& where, const QVariantMap& binds, int limit) const
{
    QSqlDatabase c = m_db->connection();
    return m_repo.select(c, where, binds, limit);
}

Result<QList<Dossier>> DossierService::readable(Result<QList<Dossier>> rows) const
{
    if (!rows)
        return rows;
    if (auto r = m_session.require(perm::DossierRead); !r)
        return r.error();
    QList<Dossier> out;
    for (const Dossier& x : *rows) {
        if (m_session.can(readPermission(m_types ? m_types->type(x.typeId) : nullptr)))
            out.append(x);
    }
    return out;
}

Result<Dossier> DossierService::get(qint64 id) const
{
    auto rows = select(u"WHERE d.id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce dossier n'existe pas."));
    const Dossier& x = rows->first();
    if (auto r = m_session.require(readPermission(m_types ? m_types->type(x.typeId) : nullptr)); !r)
        return r.error();
    return x;
}

Result<Dossier> DossierService::findByReference(const QString& reference) const
{
    auto rows = select(u"WHERE d.reference = :ref"_s, { { u":ref"_s, reference.trimmed().toUpper() } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(
            ErrorCode::NotFound, tr("Aucun dossier n'a la référence « %1 ».").arg(reference.trimmed()));
    return get(rows->first().id);
}

Result<Dossier> DossierService::loadForWrite(
    QSqlDatabase& c, qint64 id, int version, const DossierType** type) const
{
    auto found = m_repo.find(c, id);
    if (!found)
        return found.error();
    Dossier x = *found;
    auto t = typeOf(x.typeId);
    if (!t)
        return t.error();
    if (auto r = m_session.require(writePermission(*t)); !r)
        return r.error();
    if (version != x.version)
        return Error(ErrorCode::Conflict,
            tr("Le dossier %1 a été modifié par un autre agent depuis son ouverture. "
               "Rechargez-le avant d'enregistrer vos changements.")
                .arg(x.reference));
    *type = *t;
    return x;
}

Result<void> DossierService::touch(
    QSqlDatabase& c, qint64 id, int version, const QString& set, const QVariantMap& binds) const
{
    return m_repo.update(c, id, version, set, binds, m_now());
}

Result<Dossier> DossierService::update(const Dossier& input)
{
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        const DossierType* t = nullptr;
        auto current = loadForWrite(c, input.id, input.version, &t);
        if (!current)
            return current.error();
        ValidationErrors errors;
        const QString subject = input.subject.simplified();
        if (subject.size() > 200)
            errors.add(u"subject"_s, tr("L'objet du dossier ne doit pas dépasser 200 caractères."));
        if (input.citizenId > 0 && !sql::rowExists(c, u"citizens"_s, input.citizenId))
            errors.add(u"citizenId"_s, tr("L'usager indiqué n'existe pas."));
        if (input.organisationId > 0 && !sql::rowExists(c, u"organisations"_s, input.organisationId))
            errors.add(u"organisationId"_s, tr("L'association indiquée n'existe pas."));
        if (!errors.isEmpty())
            return errors.toError();
        if (auto r = touch(c, input.id, input.version,
                u"subject = :subject, citizen_id = :citizen, organisation_id = :org"_s,
                { { u":subject"_s, sql::text(subject) }, { u":citizen"_s, sql::nullableId(input.citizenId) },
                    { u":org"_s, sql::nullableId(input.organisationId) } });
            !r)
            return r;
        return m_audit.record(
            c, u"update"_s, u"dossier"_s, input.id, { { u"reference"_s, current->reference } });
    });
    if (!tx)
        return tx.error();
    return get(input.id);
}

Result<Dossier> DossierService::transition(
    qint64 id, int version, const QString& toState, const QString& comment)
{
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        const DossierType* t = nullptr;
        auto current = loadForWrite(c, id, version, &t);
        if (!current)
            return current.error();
        const Workflow& wf = t->workflow;
        const WorkflowTransition* move = wf.find(current->status, toState);
        if (!move) {
            QStringList allowed;
            for (const WorkflowTransition& tr : wf.transitionsFrom(current->status))
                allowed << QString(u"« "_s + wf.label(tr.to) + u" »"_s);
            const QString from = wf.label(current->status);
            const QString to = wf.hasState(toState) ? wf.label(toState) : toState;
            const QString message = allowed.isEmpty()
                ? tr("Le dossier %1 est à l'état « %2 » : il ne peut plus changer d'état.")
                      .arg(current->reference, from)
                : tr("Passage de « %1 » à « %2 » non autorisé pour le dossier %3. Étapes possibles : %4.")
                      .arg(from, to, current->reference, allowed.join(u", "_s));
            return Error(ErrorCode::Validation, message, { { u"status"_s, message } });
        }
        if (!move->permission.isEmpty()) {
            if (auto r = m_session.require(move->permission); !r)
                return r;
        }
        if (t->transitionGuard) {
            if (auto r = t->transitionGuard(c, *current, toState); !r)
                return r;
        }
        const bool closing = wf.isFinal(toState);
        if (auto r = touch(c, id, version, u"status = :status, closed_at = :closed"_s,
                { { u":status"_s, toState },
                    { u":closed"_s,
                        closing ? m_db->dialect().toDbDateTime(m_now())
                                : QVariant(QMetaType::fromType<QString>()) } });
            !r)
            return r;
        QString text = tr("Statut : « %1 » → « %2 ».").arg(wf.label(current->status), wf.label(toState));
        if (!comment.trimmed().isEmpty())
            text += u' ' + comment.trimmed();
        if (auto r = event(c, id, u"status"_s, text); !r)
            return r;
        return m_audit.record(c, u"transition"_s, u"dossier"_s, id,
            { { u"from"_s, current->status }, { u"to"_s, toState }, { u"reference"_s, current->reference } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<Dossier> DossierService::assign(qint64 id, int version, qint64 serviceId, qint64 agentId)
{
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        const DossierType* t = nullptr;
        auto current = loadForWrite(c, id, version, &t);
        if (!current)
            return current.error();
        ValidationErrors errors;
        QString serviceName, agentName;
        if (serviceId > 0) {
            QSqlQuery s(c);
            s.prepare(u"SELECT name FROM services WHERE id = :id"_s);
            s.bindValue(u":id"_s, serviceId);
            if (s.exec() && s.next())
                serviceName = s.value(0).toString();
            else
                errors.add(u"serviceId"_s, tr("Le service indiqué n'existe pas dans l'annuaire."));
        }
        if (agentId > 0) {
            QSqlQuery a(c);
            a.prepare(u"SELECT display_name, active FROM agents WHERE id = :id"_s);
            a.bindValue(u":id"_s, agentId);
            if (a.exec() && a.next() && a.value(1).toBool())
                agentName = a.value(0).toString();
            else
                errors.add(u"agentId"_s, tr("L'agent indiqué n'existe pas ou son compte est désactivé."));
        }
        if (!errors.isEmpty())
            return errors.toError();
        if (auto r = touch(c, id, version, u"service_id = :service, agent_id = :agent"_s,
                { { u":service"_s, sql::nullableId(serviceId) }, { u":agent"_s, sql::nullableId(agentId) } });
            !r)
            return r;
        const QString none = tr("aucun");
        if (auto r = event(c, id, u"assigned"_s,
                tr("Attribué au service « %1 », agent : %2.")
                    .arg(serviceName.isEmpty() ? none : serviceName, agentName.isEmpty() ? none : agentName));
            !r)
            return r;
        return m_audit.record(
            c, u"assign"_s, u"dossier"_s, id, { { u"service_id"_s, serviceId }, { u"agent_id"_s, agentId } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<Dossier> DossierService::setDueDate(
    qint64 id, int version, const QDate& dueDate, const QString& reason)
{
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        const DossierType* t = nullptr;
        auto current = loadForWrite(c, id, version, &t);
        if (!current)
            return current.error();
        if (dueDate.isValid() && dueDate < current->openedOn)
            return Error::validation(
                { { u"dueDate"_s, tr("L'échéance ne peut pas précéder l'ouverture du dossier.") } });
        if (auto r = touch(
                c, id, version, u"due_date = :due"_s, { { u":due"_s, m_db->dialect().toDbDate(dueDate) } });
            !r)
            return r;
        QString text = dueDate.isValid() ? tr("Échéance fixée au %1.").arg(dueDate.toString(u"dd/MM/yyyy"_s))
                                         : tr("Échéance supprimée.");
        if (!reason.trimmed().isEmpty())
            text += u' ' + reason.trimmed();
        if (auto r = event(c, id, u"due_date"_s, text); !r)
            return r;
        return m_audit.record(
            c, u"due_date"_s, u"dossier"_s, id, { { u"due_date"_s, dueDate.toString(Qt::ISODate) } });
    });
    if (!tx)
        return tx.error();
    return get(id);
}

// ---- checklist ---------------------------------------------------------------------

Result<QList<DossierDocument>> DossierService::documents(qint64 dossierId) const
{
    if (auto d = get(dossierId); !d)
        return d.error();
    QSqlDatabase c = m_db->connection();
    return m_repo.documents(c, dossierId);
}

Result<DossierDocument> DossierService::addDocument(qint64 dossierId, const QString& label, bool required)
{
    const QString clean = label.simplified();
    if (clean.isEmpty() || clean.size() > 200)
        return Error::validation(
            { { u"label"_s, tr("Le libellé de la pièce est obligatoire (200 caractères au plus).") } });
    DossierDocument doc;
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery v(c);
        v.prepare(u"SELECT version FROM dossiers WHERE id = :id"_s);
        v.bindValue(u":id"_s, dossierId);
        if (auto r = sql::exec(v, tr("ajout d'une pièce")); !r)
            return r;
        if (!v.next())
            return Error(ErrorCode::NotFound, tr("Ce dossier n'existe pas."));
        const DossierType* t = nullptr;
        auto current = loadForWrite(c, dossierId, v.value(0).toInt(), &t);
        if (!current)
            return current.error();
        doc.dossierId = dossierId;
        doc.label = clean;
        doc.required = required;
        if (auto r = m_repo.appendDocument(c, doc); !r)
            return r;
        if (auto r = event(c, dossierId, u"document"_s, tr("Pièce demandée : %1.").arg(clean)); !r)
            return r;
        return m_audit.record(c, u"add_document"_s, u"dossier"_s, dossierId, { { u"label"_s, clean } });
    });
    if (!tx)
        return tx.error();
    return doc;
}

Result<DossierDocument> DossierService::setDocumentState(
    qint64 documentId, int version, DocumentState state, const QString& note)
{
    DossierDocument doc;
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto stored = m_repo.document(c, documentId);
        if (!stored)
            return stored.error();
        doc = *stored;
        QSqlQuery v(c);
        v.prepare(u"SELECT version FROM dossiers WHERE id = :id"_s);
        v.bindValue(u":id"_s, doc.dossierId);
        if (!v.exec() || !v.next())
            return Error(ErrorCode::NotFound, tr("Ce dossier n'existe pas."));
        const DossierType* t = nullptr;
        auto dossier = loadForWrite(c, doc.dossierId, v.value(0).toInt(), &t);
        if (!dossier)
            return dossier.error();
        if (dossier->isClosed())
            return Error(ErrorCode::Validation,
                tr("Le dossier %1 est clos : ses pièces ne peuvent plus changer.").arg(dossier->reference));
        if (doc.version != version)
            return Error(ErrorCode::Conflict,
                tr("La pièce « %1 » a été modifiée par un autre agent. Rechargez le dossier.")
                    .arg(doc.label));
        const QDateTime now = m_now();
        const qint64 agent = m_session.agent().id;
        switch (state) {
        case DocumentState::Expected:
            doc.receivedAt = doc.verifiedAt = {};
            doc.receivedBy = doc.verifiedBy = 0;
            break;
        case DocumentState::Received:
            if (doc.state == DocumentState::Expected || !doc.receivedAt.isValid()) {
                doc.receivedAt = now;
                doc.receivedBy = agent;
            }
            doc.verifiedAt = {};
            doc.verifiedBy = 0;
            break;
        case DocumentState::Verified:
            if (!doc.receivedAt.isValid()) {
                doc.receivedAt = now;
                doc.receivedBy = agent;
            }
            doc.verifiedAt = now;
            doc.verifiedBy = agent;
            break;
        }
        doc.state = state;
        if (!note.isNull())
            doc.note = note.trimmed();
        if (auto r = m_repo.updateDocument(c, doc, version); !r)
            return r;
        doc.version += 1;
        if (auto r = event(c, doc.dossierId, u"document"_s,
                tr("Pièce « %1 » : %2.").arg(doc.label, documentStateLabel(state).toLower()));
            !r)
            return r;
        return m_audit.record(c, u"document"_s, u"dossier"_s, doc.dossierId,
            { { u"document_id"_s, documentId }, { u"state"_s, documentStateId(state) } });
    });
    if (!tx)
        return tx.error();
    return doc;
}

Result<bool> DossierService::checklistComplete(qint64 dossierId) const
{
    auto docs = documents(dossierId);
    if (!docs)
        return docs.error();
    for (const DossierDocument& doc : *docs) {
        if (doc.required && doc.state != DocumentState::Verified)
            return false;
    }
    return true;
}

// ---- timeline ----------------------------------------------------------------------

Result<QList<DossierEvent>> DossierService::timeline(qint64 dossierId) const
{
    if (auto d = get(dossierId); !d)
        return d.error();
    QSqlDatabase c = m_db->connection();
    return m_repo.events(c, dossierId);
}

Result<DossierEvent> DossierService::addEvent(qint64 dossierId, const QString& kind, const QString& text)
{
    const QString clean = text.trimmed();
    if (clean.isEmpty())
        return Error::validation({ { u"text"_s, tr("Le texte de la note est vide.") } });
    if (kind.trimmed().isEmpty())
        return Error::validation({ { u"kind"_s, tr("Le genre d'évènement est obligatoire.") } });
    DossierEvent e;
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery v(c);
        v.prepare(u"SELECT version FROM dossiers WHERE id = :id"_s);
        v.bindValue(u":id"_s, dossierId);
        if (!v.exec() || !v.next())
            return Error(ErrorCode::NotFound, tr("Ce dossier n'existe pas."));
        const DossierType* t = nullptr;
        if (auto current = loadForWrite(c, dossierId, v.value(0).toInt(), &t); !current)
            return current.error();
        if (auto r = event(c, dossierId, kind.trimmed(), clean); !r)
            return r;
        e.dossierId = dossierId;
        e.kind = kind.trimmed();
        e.text = clean;
        e.at = m_now();
        e.agentId = m_session.agent().id;
        e.agentName = m_session.agent().displayName;
        return m_audit.record(c, u"event"_s, u"dossier"_s, dossierId, { { u"kind"_s, e.kind } });
    });
    if (!tx)
        return tx.error();
    return e;
}

// ---- lists -------------------------------------------------------------------------

Result<QList<Dossier>> DossierService::overdue(const QDate& today, qint64 serviceId, qint64 agentId) const
{
    QString where = u"WHERE d.closed_at IS NULL AND d.due_date IS NOT NULL AND d.due_date < :today"_s;
    QVariantMap binds { { u":today"_s, m_db->dialect().toDbDate(today) } };
    if (serviceId > 0) {
        where += u" AND d.service_id = :service"_s;
        binds.insert(u":service"_s, serviceId);
    }
    if (agentId > 0) {
        where += u" AND d.agent_id = :agent"_s;
        binds.insert(u":agent"_s, agentId);
    }
    return readable(select(where + u" ORDER BY d.due_date, d.id"_s, binds));
}

Result<QList<Dossier>> DossierService::listByCitizen(qint64 citizenId) const
{
    return readable(select(
        u"WHERE d.citizen_id = :c ORDER BY d.opened_on DESC, d.id DESC"_s, { { u":c"_s, citizenId } }));
}

Result<QList<Dossier>> DossierService::listByType(const QString& typeId, bool openOnly, int limit) const
{
    return readable(select(openOnly ? u"WHERE d.type_id = :t AND d.closed_at IS NULL ORDER BY d.id DESC"_s
                                    : u"WHERE d.type_id = :t ORDER BY d.id DESC"_s,
        { { u":t"_s, typeId } }, limit));
}

} // namespace iris
