#include "modules/accueil/mail/CourrielService.h"

#include "core/base/ValidationErrors.h"
#include "core/base/WorkingCalendar.h"
#include "core/domain/AuditEvent.h"
#include "core/domain/Contact.h"
#include "core/security/Permissions.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/mail/CourrielSettings.h"
#include "modules/accueil/mail/CourrielStore.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/MimeParser.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AssigneeScope.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

/// The scope of an agent without accueil.supervise: their own, their service's (and its
/// agents') and the unassigned courriels.
QString scopeClause(QVariantMap& binds, const AgentIdentity& me)
{
    return u"(%1 OR (c.assigned_agent_id IS NULL AND c.assigned_service_id IS NULL))"_s.arg(
        assigneeScopeClause(OverdueQuery::Scope::MyService, me, binds, u"c."_s));
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

QString appendNote(const QString& note, const QString& line)
{
    return QStringList { note, line }.join(u'\n').trimmed();
}

} // namespace

CourrielService::CourrielService(CoreServices& services)
    : m_services(services)
{
}

QDateTime CourrielService::dueFor(
    const QDateTime& receivedAt, int workingDays, const WorkingCalendar& calendar)
{
    // Qualivilles commitment "réponse aux courriels sous N jours ouvrés" (DOMAIN.md):
    // the day of receipt is not counted, the reply is due by the end of the N-th working day.
    const QDate day = calendar.addWorkingDays(receivedAt.toLocalTime().date(), qMax(1, workingDays));
    return QDateTime(day, QTime(23, 59, 59));
}

Result<void> CourrielService::checkMayHandle(const Courriel& x) const
{
    const Session& s = m_services.session();
    if (s.can(ids::PermSupervise))
        return {};
    if (x.assignedAgentId == 0 && x.assignedServiceId == 0)
        return {};
    QSqlDatabase c = m_services.database()->connection();
    if (isAssignedToMyService(c, s.agent(), x.assignedAgentId, x.assignedServiceId))
        return {};
    return Error(
        ErrorCode::PermissionDenied, tr("Ce courriel est confié à un autre agent ou à un autre service."));
}

Result<Courriel> CourrielService::fetch(qint64 id, bool withBody) const
{
    QSqlDatabase c = m_services.database()->connection();
    const CourrielStore store(m_services.database()->dialect());
    Result<QList<Courriel>> rows
        = store.select(c, u"c.id = :id"_s, { { u":id"_s, id } }, u"c.id"_s, 1, 0, withBody);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce courriel n'existe pas."));
    return rows->constFirst();
}

Result<Courriel> CourrielService::load(qint64 id, bool withBody) const
{
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();
    Result<Courriel> x = fetch(id, withBody);
    if (!x)
        return x;
    if (auto r = checkMayHandle(*x); !r)
        return r.error();
    return x;
}

Result<Courriel> CourrielService::get(qint64 id) const
{
    Result<Courriel> x = load(id, true);
    if (!x || x->citizenId <= 0)
        return x;
    // A courriel of a known citizen is personal data: its opening is audited.
    if (auto r = m_services.audit().record(
            auditaction::Read, ids::CourrielEntity, id, { { u"citizen_id"_s, x->citizenId } });
        !r)
        return r.error();
    return x;
}

Result<QList<Courriel>> CourrielService::list(const CourrielFilter& f) const
{
    const Session& s = m_services.session();
    if (auto r = s.require(ids::PermMail); !r)
        return r.error();
    QStringList where;
    QVariantMap binds;
    if (!s.can(ids::PermSupervise))
        where << scopeClause(binds, s.agent());
    if (f.status) {
        where << u"c.status = :status"_s;
        binds.insert(u":status"_s, courrielStatusId(*f.status));
    }
    if (f.citizenId > 0) {
        where << u"c.citizen_id = :citizen"_s;
        binds.insert(u":citizen"_s, f.citizenId);
    }
    if (f.agentId > 0) {
        where << u"c.assigned_agent_id = :agent"_s;
        binds.insert(u":agent"_s, f.agentId);
    }
    if (f.serviceId > 0) {
        where << u"(c.assigned_service_id = :service OR c.assigned_agent_id IN "
                 u"(SELECT id FROM agents WHERE service_id = :service2))"_s;
        binds.insert(u":service"_s, f.serviceId);
        binds.insert(u":service2"_s, f.serviceId);
    }
    if (!f.text.trimmed().isEmpty()) {
        where << u"(c.subject LIKE :t ESCAPE '\\' OR c.from_address LIKE :t2 ESCAPE '\\' "
                 u"OR c.from_name LIKE :t3 ESCAPE '\\')"_s;
        const QString pattern = likePattern(f.text.trimmed());
        binds.insert(u":t"_s, pattern);
        binds.insert(u":t2"_s, pattern);
        binds.insert(u":t3"_s, pattern);
    }
    if (where.isEmpty())
        where << u"1 = 1"_s;
    QSqlDatabase c = m_services.database()->connection();
    return CourrielStore(m_services.database()->dialect())
        .select(c, where.join(u" AND "_s), binds, u"c.received_at DESC, c.id DESC"_s,
            f.limit > 0 ? f.limit : 0, f.offset, false);
}

Result<QList<Courriel>> CourrielService::ofCitizen(qint64 citizenId) const
{
    if (auto r = m_services.session().require(perm::ContactRead); !r)
        return r.error();
    CourrielFilter f;
    f.citizenId = citizenId;
    f.limit = 500;
    return list(f);
}

Result<QByteArray> CourrielService::attachmentData(qint64 attachmentId) const
{
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    qint64 courrielId = 0;
    Result<QByteArray> data
        = CourrielStore(m_services.database()->dialect()).attachmentData(c, attachmentId, &courrielId);
    if (!data)
        return data;
    const Result<Courriel> owner = load(courrielId, false);
    if (!owner)
        return owner.error();
    // A citizen's attachment is personal data: opening or saving it is audited.
    if (owner->citizenId > 0) {
        if (auto r = m_services.audit().record(auditaction::Read, ids::CourrielEntity, courrielId,
                { { u"citizen_id"_s, owner->citizenId }, { u"attachment_id"_s, attachmentId } });
            !r)
            return r.error();
    }
    return data;
}

Result<QByteArray> CourrielService::rawMessage(qint64 courrielId) const
{
    const Result<Courriel> owner = load(courrielId, false);
    if (!owner)
        return owner.error();
    QSqlDatabase c = m_services.database()->connection();
    Result<QByteArray> raw = CourrielStore(m_services.database()->dialect()).rawMessage(c, courrielId);
    if (raw && owner->citizenId > 0) {
        if (auto r = m_services.audit().record(auditaction::Read, ids::CourrielEntity, courrielId,
                { { u"citizen_id"_s, owner->citizenId }, { u"raw"_s, true } });
            !r)
            return r.error();
    }
    return raw;
}

Result<bool> CourrielService::isRegistered(const QString& messageId) const
{
    QSqlDatabase c = m_services.database()->connection();
    const Result<qint64> id = CourrielStore(m_services.database()->dialect()).idOfMessage(c, messageId);
    if (!id)
        return id.error();
    return *id > 0;
}

Result<QSet<QString>> CourrielService::registeredSourceFiles() const
{
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();
    QSqlQuery q(m_services.database()->connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT source_file FROM accueil_courriels WHERE source_file <> ''"_s))
        return Database::classify(q.lastError(), tr("lecture du registre des courriels"));
    QSet<QString> names;
    while (q.next())
        names.insert(q.value(0).toString());
    return names;
}

Result<CourrielService::Registered> CourrielService::registerMessage(
    const QByteArray& raw, const QDateTime& fallbackReceivedAt)
{
    return registerParsed(MimeParser::parse(raw), fallbackReceivedAt);
}

Result<CourrielService::Registered> CourrielService::registerParsed(
    const MimeMessage& m, const QDateTime& fallbackReceivedAt, const QString& sourceFile)
{
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();
    CourrielSettings settings(m_services);
    const Result<CourrielSettings::Values> values = settings.load();
    if (!values)
        return values.error();
    const Result<qint64> service = settings.effectiveDefaultService();
    if (!service)
        return service.error();
    const Result<qint64> motive = settings.effectiveMotive();
    if (!motive)
        return motive.error();

    const QDateTime now = m_now();
    Courriel x;
    // RFC 5322 §3.6.4: Message-ID is optional; without one the message's own bytes identify
    // it, so the same file delivered twice is still registered once.
    x.messageId
        = m.messageId.isEmpty() ? QString(u"sha256-"_s + CourrielStore::sha256Hex(m.raw)) : m.messageId;
    x.receivedAt
        = m.date.isValid() ? m.date.toLocalTime() : (fallbackReceivedAt.isValid() ? fallbackReceivedAt : now);
    x.registeredAt = now;
    x.fromAddress = m.fromAddress;
    x.fromName = m.fromName;
    x.toAddress = m.toAddress;
    x.subject = m.subject;
    x.bodyText = m.bodyText;
    x.malformed = m.malformed;
    x.warning = m.warningText();
    x.assignedServiceId = *service;
    x.dueAt = dueFor(x.receivedAt, values->replyDays, m_services.dossiers().calendar());
    x.status = CourrielStatus::ATraiter;

    const Dialect& d = m_services.database()->dialect();
    const CourrielStore store(d);
    Registered out;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<qint64> existing = store.idOfMessage(c, x.messageId);
        if (!existing)
            return existing.error();
        if (*existing > 0) {
            const Result<bool> same = store.sameMessage(
                c, *existing, x.fromAddress, x.subject, m.date.isValid() ? x.receivedAt : QDateTime());
            if (!same)
                return same.error();
            if (!*same) {
                // Another message reusing a Message-ID (a faulty mailer): kept under an id
                // derived from its own bytes, so it is neither lost nor registered twice.
                x.messageId = QString(x.messageId + u"#sha256-"_s + CourrielStore::sha256Hex(m.raw).left(16));
                x.warning = QStringList { x.warning,
                    tr("Son identifiant (Message-ID) est déjà celui d'un autre courriel : "
                       "il a été enregistré séparément.") }
                                .join(u' ')
                                .trimmed();
                existing = store.idOfMessage(c, x.messageId);
                if (!existing)
                    return existing.error();
            }
        }
        if (*existing > 0) {
            out.outcome = RegisterOutcome::Duplicate;
            out.courriel.id = *existing;
            out.courriel.messageId = x.messageId;
            return {};
        }
        // Match the sender to a citizen by e-mail (citizens.email_key is the lower-cased address).
        QList<qint64> matches;
        if (!x.fromAddress.isEmpty()) {
            auto q = sql::prepare(c, u"SELECT id FROM citizens WHERE email_key = :a ORDER BY id LIMIT 5"_s,
                tr("recherche de l'usager expéditeur"));
            if (!q)
                return q.error();
            q->bindValue(u":a"_s, x.fromAddress.toLower());
            if (auto r = sql::exec(*q, tr("recherche de l'usager expéditeur")); !r)
                return r;
            while (q->next())
                matches << q->value(0).toLongLong();
        }
        if (matches.size() == 1)
            x.citizenId = matches.constFirst();
        else if (matches.size() > 1)
            x.note
                = tr("Plusieurs usagers ont l'adresse %1 : choisissez l'usager concerné.").arg(x.fromAddress);
        if (auto r = store.insert(c, x, sourceFile, m.raw, m.attachments); !r)
            return r;
        if (x.citizenId > 0) {
            if (*motive <= 0) {
                x.note = appendNote(x.note,
                    tr("Aucun motif « Autre demande » dans le référentiel : "
                       "le contact n'a pas été ajouté à l'historique de l'usager."));
            } else {
                Result<qint64> contact = logIncoming(x, *motive);
                if (contact) {
                    x.contactId = *contact;
                } else if (contact.error().code() == ErrorCode::Validation
                    || contact.error().code() == ErrorCode::PermissionDenied) {
                    // Refused before any write: the courriel is still registered, with the reason.
                    x.note = appendNote(x.note,
                        tr("Le contact n'a pas été ajouté à l'historique de l'usager : %1")
                            .arg(contact.error().toString()));
                } else {
                    return contact.error();
                }
            }
            auto q = sql::prepare(c,
                u"UPDATE accueil_courriels SET contact_id = :contact, note = :note WHERE id = :id"_s,
                tr("enregistrement du courriel"));
            if (!q)
                return q.error();
            q->bindValue(u":contact"_s, sql::nullableId(x.contactId));
            q->bindValue(u":note"_s, sql::text(x.note));
            q->bindValue(u":id"_s, x.id);
            if (auto r = sql::exec(*q, tr("enregistrement du courriel")); !r)
                return r;
        }
        out.outcome = RegisterOutcome::Imported;
        return m_services.audit().record(c, auditaction::Create, ids::CourrielEntity, x.id,
            { { u"message_id"_s, x.messageId }, { u"citizen_id"_s, x.citizenId },
                { u"malformed"_s, x.malformed } });
    });
    if (!tx) {
        // Another importer registered the same Message-ID between our check and our insert.
        if (tx.error().code() == ErrorCode::Duplicate) {
            const Result<bool> registered = isRegistered(x.messageId);
            if (registered && *registered) {
                Registered dup;
                dup.outcome = RegisterOutcome::Duplicate;
                dup.courriel.messageId = x.messageId;
                return dup;
            }
        }
        return tx.error();
    }
    if (out.outcome == RegisterOutcome::Imported)
        out.courriel = x;
    return out;
}

Result<qint64> CourrielService::logIncoming(const Courriel& x, qint64 motiveId)
{
    Contact contact;
    contact.channel = ContactChannel::Courriel;
    contact.direction = ContactDirection::Entrant;
    const QDateTime now = m_now();
    // A sender's clock ahead of ours must not make the contact start in the future.
    contact.startedAt = x.receivedAt.isValid() && x.receivedAt < now ? x.receivedAt : now;
    contact.serviceId = x.assignedServiceId;
    contact.motiveThemeId = motiveId;
    contact.citizenId = x.citizenId;
    contact.summary
        = tr("Courriel reçu : %1").arg(x.subject.isEmpty() ? tr("(sans objet)") : x.subject).left(4000);
    // The answer is owed by the deadline; the reply is logged as its own outgoing contact.
    contact.outcome = ContactOutcome::RappelPrevu;
    contact.callbackDueAt = x.dueAt;
    const Result<Contact> logged = m_services.contacts().log(contact);
    if (!logged)
        return logged.error();
    return logged->id;
}

Result<Courriel> CourrielService::update(qint64 id, int version, const QString& context,
    const std::function<Result<void>(QSqlDatabase&, Courriel&)>& change)
{
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();
    Courriel x;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Courriel> loaded = load(id, true);
        if (!loaded)
            return loaded.error();
        x = *loaded;
        if (x.version != version)
            return sql::staleOrMissing(c, u"accueil_courriels"_s, id, tr("Le courriel"));
        if (auto r = change(c, x); !r)
            return r;
        const Dialect& d = m_services.database()->dialect();
        auto q = sql::prepare(c,
            u"UPDATE accueil_courriels SET version = version + 1, citizen_id = :citizen, "
            u"assigned_agent_id = :agent, assigned_service_id = :service, status = :status, "
            u"contact_id = :contact, answered_at = :answered_at, answered_by = COALESCE(answered_by, "
            u":answered_by), "
            u"reply_contact_id = :reply_contact, reply_message_id = :reply_message, "
            u"reply_to = :reply_to, reply_subject = :reply_subject, reply_body = :reply_body, "
            u"note = :note WHERE id = :id AND version = :version"_s,
            context);
        if (!q)
            return q.error();
        q->bindValue(u":citizen"_s, sql::nullableId(x.citizenId));
        q->bindValue(u":agent"_s, sql::nullableId(x.assignedAgentId));
        q->bindValue(u":service"_s, sql::nullableId(x.assignedServiceId));
        q->bindValue(u":status"_s, courrielStatusId(x.status));
        q->bindValue(u":contact"_s, sql::nullableId(x.contactId));
        q->bindValue(u":answered_at"_s, x.answeredAt.isValid() ? d.toDbDateTime(x.answeredAt) : QVariant());
        q->bindValue(u":answered_by"_s,
            sql::nullableId(x.status == CourrielStatus::Repondu ? m_services.session().agent().id : 0));
        q->bindValue(u":reply_contact"_s, sql::nullableId(x.replyContactId));
        q->bindValue(u":reply_message"_s, sql::text(x.replyMessageId));
        q->bindValue(u":reply_to"_s, sql::text(x.replyTo));
        q->bindValue(u":reply_subject"_s, sql::text(x.replySubject));
        q->bindValue(u":reply_body"_s, sql::text(x.replyBody));
        q->bindValue(u":note"_s, sql::text(x.note));
        q->bindValue(u":id"_s, id);
        q->bindValue(u":version"_s, version);
        if (auto r = sql::exec(*q, context); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_courriels"_s, id, tr("Le courriel"));
        ++x.version;
        return m_services.audit().record(c, auditaction::Update, ids::CourrielEntity, id,
            { { u"status"_s, courrielStatusId(x.status) }, { u"citizen_id"_s, x.citizenId },
                { u"assigned_agent_id"_s, x.assignedAgentId },
                { u"assigned_service_id"_s, x.assignedServiceId } });
    });
    if (!tx)
        return tx.error();
    // Names (citizen, assignee) as stored now; the agent may have just handed it to
    // another service, so no scope check on this read-back.
    Result<Courriel> fresh = fetch(id, true);
    return fresh ? fresh : Result<Courriel>(x);
}

Result<Courriel> CourrielService::assign(qint64 id, int version, qint64 agentId, qint64 serviceId)
{
    if (agentId <= 0 && serviceId <= 0)
        return Error::validation(
            { { u"assignee"_s, tr("Indiquez à qui confier le courriel : un agent ou un service.") } });
    return update(
        id, version, tr("attribution du courriel"), [&](QSqlDatabase& c, Courriel& x) -> Result<void> {
            ValidationErrors errors;
            if (agentId > 0 && !sql::rowExists(c, u"agents"_s, agentId))
                errors.add(u"assignee"_s, tr("L'agent désigné n'existe pas."));
            if (serviceId > 0 && !sql::rowExists(c, u"services"_s, serviceId))
                errors.add(u"assignee"_s, tr("Le service désigné n'existe pas dans l'annuaire."));
            if (!errors.isEmpty())
                return errors.toError();
            if (!x.isOpen())
                return Error(
                    ErrorCode::Conflict, tr("Ce courriel est déjà traité : il ne peut plus être attribué."));
            x.assignedAgentId = qMax<qint64>(0, agentId);
            x.assignedServiceId = qMax<qint64>(0, serviceId);
            return {};
        });
}

Result<Courriel> CourrielService::linkCitizen(qint64 id, int version, qint64 citizenId)
{
    if (citizenId <= 0)
        return Error::validation({ { u"citizenId"_s, tr("Choisissez l'usager qui a écrit ce courriel.") } });
    const Result<qint64> motive = CourrielSettings(m_services).effectiveMotive();
    if (!motive)
        return motive.error();
    return update(id, version, tr("rattachement du courriel à l'usager"),
        [&](QSqlDatabase& c, Courriel& x) -> Result<void> {
            if (!sql::rowExists(c, u"citizens"_s, citizenId))
                return Error::validation({ { u"citizenId"_s, tr("L'usager indiqué n'existe pas.") } });
            x.citizenId = citizenId;
            if (x.contactId > 0) {
                // The incoming contact moves to the right citizen's history.
                Result<Contact> contact = m_services.contacts().get(x.contactId);
                if (!contact)
                    return contact.error();
                Contact moved = *contact;
                moved.citizenId = citizenId;
                if (Result<Contact> r = m_services.contacts().update(moved); !r)
                    return r.error();
            } else if (*motive > 0) {
                Result<qint64> contact = logIncoming(x, *motive);
                if (!contact)
                    return contact.error();
                x.contactId = *contact;
            }
            if (x.replyContactId > 0) {
                Result<Contact> reply = m_services.contacts().get(x.replyContactId);
                if (reply && reply->citizenId != citizenId) {
                    Contact moved = *reply;
                    moved.citizenId = citizenId;
                    if (Result<Contact> r = m_services.contacts().update(moved); !r)
                        return r.error();
                }
            }
            return {};
        });
}

Result<Courriel> CourrielService::recordReply(qint64 id, int version, const CourrielReply& reply)
{
    ValidationErrors errors;
    if (!reply.toAddress.contains(u'@'))
        errors.add(u"toAddress"_s, tr("Indiquez l'adresse du destinataire de la réponse."));
    if (reply.body.trimmed().isEmpty())
        errors.add(u"body"_s, tr("La réponse est vide."));
    if (!errors.isEmpty())
        return errors.toError();
    const Result<qint64> motive = CourrielSettings(m_services).effectiveMotive();
    if (!motive)
        return motive.error();
    const QDateTime now = m_now();
    const QDateTime sentAt = reply.sentAt.isValid() && reply.sentAt <= now ? reply.sentAt : now;
    return update(
        id, version, tr("enregistrement de la réponse"), [&](QSqlDatabase&, Courriel& x) -> Result<void> {
            if (x.status == CourrielStatus::Repondu)
                return Error(ErrorCode::Conflict, tr("Une réponse a déjà été enregistrée pour ce courriel."));
            if (x.status == CourrielStatus::Classe)
                return Error(ErrorCode::Conflict, tr("Ce courriel a été classé sans suite."));
            if (*motive > 0) {
                Contact contact;
                contact.channel = ContactChannel::Courriel;
                contact.direction = ContactDirection::Sortant;
                contact.startedAt = sentAt;
                contact.endedAt = sentAt;
                contact.motiveThemeId = *motive;
                contact.citizenId = x.citizenId;
                contact.summary = tr("Réponse au courriel : %1").arg(reply.subject.trimmed()).left(4000);
                contact.outcome
                    = reply.orientedServiceId > 0 ? ContactOutcome::Oriente : ContactOutcome::Repondu;
                contact.orientedServiceId = reply.orientedServiceId;
                const Result<Contact> logged = m_services.contacts().log(contact);
                if (!logged)
                    return logged.error();
                x.replyContactId = logged->id;
            }
            x.status = CourrielStatus::Repondu;
            x.answeredAt = sentAt;
            x.replyTo = reply.toAddress.trimmed();
            x.replySubject = reply.subject.trimmed();
            x.replyBody = reply.body;
            x.replyMessageId = reply.sentMessageId.trimmed();
            return {};
        });
}

Result<Courriel> CourrielService::file(qint64 id, int version, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Error::validation(
            { { u"reason"_s, tr("Indiquez pourquoi le courriel est classé sans suite.") } });
    const QString stamp = m_now().toString(u"dd/MM/yyyy HH:mm"_s);
    return update(id, version, tr("classement du courriel"), [&](QSqlDatabase&, Courriel& x) -> Result<void> {
        if (!x.isOpen())
            return Error(ErrorCode::Conflict, tr("Ce courriel est déjà traité."));
        x.status = CourrielStatus::Classe;
        x.note = appendNote(x.note, tr("Classé sans suite le %1 : %2").arg(stamp, reason.trimmed()));
        return {};
    });
}

Result<QList<Courriel>> CourrielService::open(const OverdueQuery& query) const
{
    const Session& s = m_services.session();
    if (auto r = s.require(ids::PermMail); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    QString where = u"c.status = 'a_traiter'"_s;
    QVariantMap binds;
    if (query.dueBefore.isValid()) {
        where += u" AND c.due_at <= :before"_s;
        binds.insert(u":before"_s, d.toDbDateTime(query.dueBefore));
    }
    if (query.scope == OverdueQuery::Scope::All) {
        if (auto r = s.require(ids::PermSupervise); !r)
            return r.error();
    }
    where += u" AND "_s + assigneeScopeClause(query.scope, s.agent(), binds, u"c."_s);
    QSqlDatabase c = m_services.database()->connection();
    return CourrielStore(d).select(c, where, binds, u"c.due_at, c.id"_s, query.limit, 0, false);
}

} // namespace iris::accueil
