#include "modules/accueil/phone/CallbackService.h"

#include "core/base/PhoneNumber.h"
#include "core/base/ValidationErrors.h"
#include "core/security/Permissions.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AssigneeScope.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

const QString kColumns
    = u"id, version, citizen_id, phone, motive_theme_id, subject, due_at, assigned_agent_id, assigned_service_id, "
      u"origin_contact_id, created_at, created_by, done_at, done_by, done_contact_id, result"_s;

CallbackTask readTask(const QSqlQuery& q, const Dialect& d)
{
    CallbackTask t;
    t.id = q.value(0).toLongLong();
    t.version = q.value(1).toInt();
    t.citizenId = sql::id(q.value(2));
    t.phone = q.value(3).toString();
    t.motiveThemeId = sql::id(q.value(4));
    t.subject = q.value(5).toString();
    t.dueAt = d.fromDbDateTime(q.value(6));
    t.assignedAgentId = sql::id(q.value(7));
    t.assignedServiceId = sql::id(q.value(8));
    t.originContactId = sql::id(q.value(9));
    t.createdAt = d.fromDbDateTime(q.value(10));
    t.createdBy = sql::id(q.value(11));
    t.doneAt = d.fromDbDateTime(q.value(12));
    t.doneBy = sql::id(q.value(13));
    t.doneContactId = sql::id(q.value(14));
    t.result = q.value(15).toString();
    return t;
}

Result<QList<CallbackTask>> selectTasks(QSqlDatabase& c, const Dialect& d, const QString& where,
                                        const QVariantMap& binds, const QString& order, int limit)
{
    QString statement = u"SELECT "_s + kColumns + u" FROM accueil_callbacks WHERE "_s + where + u" ORDER BY "_s + order;
    if (limit > 0)
        statement += u" LIMIT "_s + QString::number(limit);
    auto q = sql::prepare(c, statement, CallbackService::tr("lecture des rappels"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, CallbackService::tr("lecture des rappels")); !r)
        return r.error();
    QList<CallbackTask> tasks;
    while (q->next())
        tasks << readTask(*q, d);
    return tasks;
}

} // namespace

CallbackService::CallbackService(CoreServices& services)
    : m_services(services)
{
}

Result<CallbackTask> CallbackService::schedule(const CallbackTask& input)
{
    const Session& session = m_services.session();
    if (!session.can(ids::PermPhone) && !session.can(ids::PermCounter))
        return session.require(ids::PermPhone).error();
    CallbackTask x = input;
    ValidationErrors errors;
    const Result<QString> phone = PhoneNumber::normalize(x.phone);
    if (x.phone.trimmed().isEmpty())
        errors.add(u"phone"_s, tr("Indiquez le numéro auquel rappeler l'usager."));
    else if (!phone)
        errors.add(u"phone"_s, phone.error().message());
    else
        x.phone = *phone;
    const QDateTime now = m_now();
    if (!x.dueAt.isValid())
        errors.add(u"dueAt"_s, tr("Indiquez quand rappeler l'usager."));
    else if (x.dueAt < now.addSecs(-60))
        errors.add(u"dueAt"_s, tr("L'heure du rappel est déjà passée."));
    if (x.motiveThemeId <= 0)
        errors.add(u"motiveThemeId"_s, tr("Indiquez le motif du rappel."));
    if (x.assignedAgentId <= 0 && x.assignedServiceId <= 0)
        errors.add(u"assignee"_s, tr("Indiquez qui doit rappeler : un agent ou un service."));
    x.subject = x.subject.trimmed();
    if (x.subject.size() > 1000)
        errors.add(u"subject"_s, tr("L'objet du rappel ne doit pas dépasser 1 000 caractères."));
    if (!errors.isEmpty())
        return errors.toError();

    const Dialect& d = m_services.database()->dialect();
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        ValidationErrors refs;
        if (x.assignedAgentId > 0 && !sql::rowExists(c, u"agents"_s, x.assignedAgentId))
            refs.add(u"assignee"_s, tr("L'agent désigné pour le rappel n'existe pas."));
        if (x.assignedServiceId > 0 && !sql::rowExists(c, u"services"_s, x.assignedServiceId))
            refs.add(u"assignee"_s, tr("Le service désigné pour le rappel n'existe pas dans l'annuaire."));
        if (!sql::rowExists(c, u"motive_themes"_s, x.motiveThemeId))
            refs.add(u"motiveThemeId"_s, tr("Le motif indiqué n'existe pas."));
        if (x.citizenId > 0 && !sql::rowExists(c, u"citizens"_s, x.citizenId))
            refs.add(u"citizenId"_s, tr("L'usager indiqué n'existe pas."));
        if (!refs.isEmpty())
            return refs.toError();
        x.createdAt = now;
        x.createdBy = session.agent().id;
        auto q = sql::prepare(c,
                              d.insertReturningId(u"accueil_callbacks"_s,
                                                  {u"citizen_id"_s, u"phone"_s, u"motive_theme_id"_s, u"subject"_s,
                                                   u"due_at"_s, u"assigned_agent_id"_s, u"assigned_service_id"_s,
                                                   u"origin_contact_id"_s, u"created_at"_s, u"created_by"_s}),
                              tr("enregistrement du rappel"));
        if (!q)
            return q.error();
        q->bindValue(u":citizen_id"_s, sql::nullableId(x.citizenId));
        q->bindValue(u":phone"_s, x.phone);
        q->bindValue(u":motive_theme_id"_s, sql::nullableId(x.motiveThemeId));
        q->bindValue(u":subject"_s, sql::text(x.subject));
        q->bindValue(u":due_at"_s, d.toDbDateTime(x.dueAt));
        q->bindValue(u":assigned_agent_id"_s, sql::nullableId(x.assignedAgentId));
        q->bindValue(u":assigned_service_id"_s, sql::nullableId(x.assignedServiceId));
        q->bindValue(u":origin_contact_id"_s, sql::nullableId(x.originContactId));
        q->bindValue(u":created_at"_s, d.toDbDateTime(x.createdAt));
        q->bindValue(u":created_by"_s, sql::nullableId(x.createdBy));
        if (auto r = sql::exec(*q, tr("enregistrement du rappel")); !r)
            return r;
        x.id = d.insertedId(*q);
        x.version = 1;
        return m_services.audit().record(c, u"create"_s, u"accueil_callback"_s, x.id,
                                         {{u"citizen_id"_s, x.citizenId}, {u"due_at"_s, x.dueAt.toString(Qt::ISODate)}});
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<CallbackTask> CallbackService::get(qint64 id) const
{
    if (auto r = m_services.session().require(ids::PermFollowUp); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    Result<QList<CallbackTask>> rows
        = selectTasks(c, m_services.database()->dialect(), u"id = :id"_s, {{u":id"_s, id}}, u"id"_s, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce rappel n'existe pas."));
    return rows->constFirst();
}

Result<void> CallbackService::checkMayHandle(const CallbackTask& task) const
{
    const Session& s = m_services.session();
    if (s.can(ids::PermSupervise))
        return {};
    const AgentIdentity& me = s.agent();
    if (task.assignedAgentId > 0 && task.assignedAgentId == me.id)
        return {};
    if (task.assignedServiceId > 0 && task.assignedServiceId == me.serviceId)
        return {};
    return Error(ErrorCode::PermissionDenied, tr("Ce rappel est confié à un autre agent ou à un autre service."));
}

Result<CallbackTask> CallbackService::complete(qint64 id, int version, const Completion& completion)
{
    if (auto r = m_services.session().require(ids::PermFollowUp); !r)
        return r.error();
    const QDateTime now = m_now();
    const Dialect& d = m_services.database()->dialect();
    CallbackTask t;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<CallbackTask> loaded = get(id);
        if (!loaded)
            return loaded.error();
        t = *loaded;
        if (auto r = checkMayHandle(t); !r)
            return r;
        if (t.version != version)
            return sql::staleOrMissing(c, u"accueil_callbacks"_s, t.id, tr("Le rappel"));
        if (t.isDone())
            return Error(ErrorCode::Conflict, tr("Ce rappel a déjà été fait."));
        Contact contact;
        contact.channel = ContactChannel::Telephone;
        contact.direction = ContactDirection::Sortant;
        contact.startedAt = now;
        contact.endedAt = now;
        contact.motiveThemeId = t.motiveThemeId;
        contact.citizenId = t.citizenId;
        contact.summary = completion.summary;
        contact.outcome = completion.outcome;
        contact.orientedServiceId = completion.orientedServiceId;
        const Result<Contact> logged = m_services.contacts().log(contact);
        if (!logged)
            return logged.error();
        auto q = sql::prepare(c,
                              u"UPDATE accueil_callbacks SET done_at = :at, done_by = :by, done_contact_id = :contact, "
                              u"result = :result, version = version + 1 WHERE id = :id AND version = :version"_s,
                              tr("clôture du rappel"));
        if (!q)
            return q.error();
        t.doneAt = now;
        t.doneBy = m_services.session().agent().id;
        t.doneContactId = logged->id;
        t.result = QStringList{t.result, completion.summary}.join(u'\n').trimmed();
        q->bindValue(u":at"_s, d.toDbDateTime(t.doneAt));
        q->bindValue(u":by"_s, sql::nullableId(t.doneBy));
        q->bindValue(u":contact"_s, t.doneContactId);
        q->bindValue(u":result"_s, sql::text(t.result));
        q->bindValue(u":id"_s, t.id);
        q->bindValue(u":version"_s, version);
        if (auto r = sql::exec(*q, tr("clôture du rappel")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_callbacks"_s, t.id, tr("Le rappel"));
        ++t.version;
        return m_services.audit().record(c, u"update"_s, u"accueil_callback"_s, t.id, {{u"done"_s, true}});
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<CallbackTask> CallbackService::postpone(qint64 id, int version, const QDateTime& dueAt, const QString& note)
{
    if (auto r = m_services.session().require(ids::PermFollowUp); !r)
        return r.error();
    if (!dueAt.isValid() || dueAt < m_now().addSecs(-60))
        return Error::validation({{u"dueAt"_s, tr("Choisissez une nouvelle heure de rappel à venir.")}});
    const Dialect& d = m_services.database()->dialect();
    CallbackTask t;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<CallbackTask> loaded = get(id);
        if (!loaded)
            return loaded.error();
        t = *loaded;
        if (auto r = checkMayHandle(t); !r)
            return r;
        if (t.isDone())
            return Error(ErrorCode::Conflict, tr("Ce rappel a déjà été fait."));
        const QString stamp = m_now().toLocalTime().toString(u"dd/MM HH:mm"_s);
        t.result = QStringList{t.result, note.trimmed().isEmpty() ? QString() : QString(stamp + u" : "_s + note.trimmed())}
                       .join(u'\n')
                       .trimmed();
        t.dueAt = dueAt;
        auto q = sql::prepare(c,
                              u"UPDATE accueil_callbacks SET due_at = :due, result = :result, version = version + 1 "
                              u"WHERE id = :id AND version = :version"_s,
                              tr("report du rappel"));
        if (!q)
            return q.error();
        q->bindValue(u":due"_s, d.toDbDateTime(dueAt));
        q->bindValue(u":result"_s, sql::text(t.result));
        q->bindValue(u":id"_s, id);
        q->bindValue(u":version"_s, version);
        if (auto r = sql::exec(*q, tr("report du rappel")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_callbacks"_s, id, tr("Le rappel"));
        ++t.version;
        return m_services.audit().record(c, u"update"_s, u"accueil_callback"_s, id,
                                         {{u"due_at"_s, dueAt.toString(Qt::ISODate)}});
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<QList<CallbackTask>> CallbackService::open(const OverdueQuery& query) const
{
    const Session& s = m_services.session();
    if (auto r = s.require(ids::PermFollowUp); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    QString where = u"done_at IS NULL"_s;
    QVariantMap binds;
    if (query.dueBefore.isValid()) {
        where += u" AND due_at <= :before"_s;
        binds.insert(u":before"_s, d.toDbDateTime(query.dueBefore));
    }
    if (query.scope == OverdueQuery::Scope::All) {
        if (auto r = s.require(ids::PermSupervise); !r)
            return r.error();
    }
    where += u" AND "_s + assigneeScopeClause(query.scope, s.agent(), binds);
    QSqlDatabase c = m_services.database()->connection();
    return selectTasks(c, d, where, binds, u"due_at, id"_s, query.limit);
}

Result<QList<CallbackTask>> CallbackService::ofCitizen(qint64 citizenId) const
{
    if (auto r = m_services.session().require(perm::ContactRead); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    return selectTasks(c, m_services.database()->dialect(), u"citizen_id = :c"_s, {{u":c"_s, citizenId}},
                       u"done_at IS NOT NULL, due_at DESC, id DESC"_s, 100);
}

} // namespace iris::accueil
