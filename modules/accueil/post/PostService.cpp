#include "modules/accueil/post/PostService.h"

#include "core/base/TextFold.h"
#include "core/base/ValidationErrors.h"
#include "core/domain/Citizen.h"
#include "core/domain/Contact.h"
#include "core/domain/Organisation.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/OrganisationService.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostAccess.h"
#include "modules/accueil/post/PostDocumentSql.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostLetterSql.h"
#include "modules/accueil/post/PostSettings.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AssigneeScope.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

ContactChannel channelOf(ReplyMode mode)
{
    switch (mode) {
    case ReplyMode::Courrier:
        return ContactChannel::Courrier;
    case ReplyMode::Courriel:
        return ContactChannel::Courriel;
    case ReplyMode::Telephone:
        return ContactChannel::Telephone;
    case ReplyMode::Visite:
        return ContactChannel::Visite;
    }
    return ContactChannel::Courrier;
}

QString frDate(const QDate& d)
{
    return d.toString(u"dd/MM/yyyy"_s);
}

} // namespace

PostService::PostService(CoreServices& services)
    : m_services(services)
{
}

Result<PostSettings> PostService::settings() const
{
    return PostSettingsStore(m_services).load();
}

Result<void> PostService::checkPdf(const PostAttachment& file, qint64 maxBytes)
{
    const QString name = QFileInfo(file.fileName).fileName();
    if (file.content.isEmpty())
        return Error::validation({ { u"scan"_s, tr("Le fichier « %1 » est vide.").arg(name) } });
    if (!file.content.startsWith("%PDF-"))
        return Error::validation({ { u"scan"_s,
            tr("Le fichier « %1 » n'est pas un PDF : seuls les documents PDF peuvent être joints au "
               "registre.")
                .arg(name) } });
    if (file.content.size() > maxBytes)
        return Error::validation({ { u"scan"_s,
            tr("Le fichier « %1 » pèse %2 : la taille maximale est de %3.")
                .arg(name, QLocale(QLocale::French).formattedDataSize(file.content.size()),
                    QLocale(QLocale::French).formattedDataSize(maxBytes)) } });
    return {};
}

Result<PostLetter> PostService::registerLetter(
    const PostLetter& input, const std::optional<PostAttachment>& scan)
{
    const Session& session = m_services.session();
    if (auto r = session.require(ids::PermPost); !r)
        return r.error();
    const Result<PostSettings> config = settings();
    if (!config)
        return config.error();
    PostLetter x = input;
    const QDateTime now = m_now();
    const QDate today = now.date();
    ValidationErrors errors;
    if (!x.receivedOn.isValid())
        x.receivedOn = today;
    if (x.receivedOn > today)
        errors.add(u"receivedOn"_s, tr("La date de réception ne peut pas être dans le futur."));
    else if (x.receivedOn.year() < 2000)
        errors.add(u"receivedOn"_s, tr("La date de réception est invalide."));
    x.subject = x.subject.trimmed();
    if (x.subject.isEmpty())
        errors.add(u"subject"_s, tr("Indiquez l'objet du courrier."));
    else if (x.subject.size() > 500)
        errors.add(u"subject"_s, tr("L'objet du courrier ne doit pas dépasser 500 caractères."));
    if (x.citizenId > 0 && x.organisationId > 0)
        errors.add(u"sender"_s, tr("Un courrier a un seul expéditeur : un usager ou un organisme."));
    x.senderName = x.senderName.trimmed();
    x.senderAddress = x.senderAddress.trimmed();
    if (x.citizenId <= 0 && x.organisationId <= 0 && x.senderName.isEmpty())
        errors.add(u"sender"_s, tr("Indiquez l'expéditeur : un usager, un organisme ou son nom."));
    // The contact on the sender's history needs a motive (ContactService).
    if ((x.citizenId > 0 || x.organisationId > 0) && x.motiveThemeId <= 0)
        errors.add(u"motiveThemeId"_s,
            tr("Choisissez le motif du courrier : il figure dans l'historique de l'expéditeur."));
    QStringList pieces;
    for (const QString& p : std::as_const(x.missingPieces)) {
        if (!p.trimmed().isEmpty())
            pieces << p.simplified();
    }
    x.missingPieces = pieces;
    if (!x.missingPieces.isEmpty()) {
        if (!x.piecesDueOn.isValid())
            errors.add(u"piecesDueOn"_s, tr("Indiquez la date limite pour fournir les pièces manquantes."));
        else if (x.piecesDueOn <= today)
            errors.add(u"piecesDueOn"_s, tr("La date limite pour fournir les pièces doit être à venir."));
    } else {
        x.piecesDueOn = {};
    }
    if (x.assignedAgentId <= 0 && x.assignedServiceId <= 0)
        x.assignedServiceId = session.agent().serviceId;
    if (x.assignedAgentId <= 0 && x.assignedServiceId <= 0)
        errors.add(u"assignee"_s, tr("Indiquez qui traite le courrier : un agent ou un service."));
    if (scan) {
        if (auto r = checkPdf(*scan, config->maxAttachmentBytes); !r)
            errors.add(u"scan"_s, r.error().fields().value(0).message);
    }
    if (!errors.isEmpty())
        return errors.toError();

    x.dueOn = m_calendar.addWorkingDays(x.receivedOn, config->replyWorkingDays);
    x.acknowledgementDueOn = m_calendar.addWorkingDays(x.receivedOn, config->acknowledgementWorkingDays);
    x.registeredAt = now;
    // The system account registers on behalf of an agent (demo, imports); an agent as themselves.
    x.registeredBy = session.isSystem() && input.registeredBy > 0 ? input.registeredBy : session.agent().id;
    x.year = today.year();
    x.status = PostStatus::ATraiter;

    const Dialect& d = m_services.database()->dialect();
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        ValidationErrors refs;
        if (x.assignedAgentId > 0 && !sql::rowExists(c, u"agents"_s, x.assignedAgentId))
            refs.add(u"assignee"_s, tr("L'agent désigné n'existe pas."));
        if (x.assignedServiceId > 0 && !sql::rowExists(c, u"services"_s, x.assignedServiceId))
            refs.add(u"assignee"_s, tr("Le service désigné n'existe pas dans l'annuaire."));
        if (x.registeredBy > 0 && x.registeredBy != session.agent().id
            && !sql::rowExists(c, u"agents"_s, x.registeredBy))
            refs.add(u"registeredBy"_s, tr("L'agent qui enregistre le courrier n'existe pas."));
        if (x.motiveThemeId > 0 && !sql::rowExists(c, u"motive_themes"_s, x.motiveThemeId))
            refs.add(u"motiveThemeId"_s, tr("Le motif indiqué n'existe pas."));
        if (!refs.isEmpty())
            return refs.toError();
        // Sender snapshot: the register keeps the name and address as the letter gave them.
        if (x.citizenId > 0) {
            const Result<Citizen> citizen = m_services.citizens().get(x.citizenId);
            if (!citizen)
                return citizen.error();
            if (x.senderName.isEmpty())
                x.senderName = citizen->displayName();
            if (x.senderAddress.isEmpty() && !citizen->address.isEmpty())
                x.senderAddress = QStringList { citizen->address.line1, citizen->address.line2,
                    QString(citizen->address.postcode + u' ' + citizen->address.city).trimmed() }
                                      .filter(QRegularExpression(u"\\S"_s))
                                      .join(u'\n');
        } else if (x.organisationId > 0) {
            const Result<Organisation> org = m_services.organisations().get(x.organisationId);
            if (!org)
                return org.error();
            if (x.senderName.isEmpty())
                x.senderName = org->name;
            if (x.senderAddress.isEmpty() && !org->address.isEmpty())
                x.senderAddress = QStringList { org->address.line1, org->address.line2,
                    QString(org->address.postcode + u' ' + org->address.city).trimmed() }
                                      .filter(QRegularExpression(u"\\S"_s))
                                      .join(u'\n');
        }

        // The yearly number, created or bumped in one statement under the row's lock (other
        // workstations registering at the same moment take turns; BEGIN IMMEDIATE on SQLite).
        QSqlQuery seq(c);
        seq.prepare(u"INSERT INTO accueil_post_sequences (year, last_value) VALUES (:y, 1) "
                    u"ON CONFLICT (year) DO UPDATE SET last_value = accueil_post_sequences.last_value + 1 "
                    u"RETURNING last_value"_s);
        seq.bindValue(u":y"_s, x.year);
        if (!seq.exec() || !seq.next())
            return Database::classify(seq.lastError(), tr("numérotation du courrier"));
        x.sequence = seq.value(0).toInt();
        seq.finish();
        x.reference
            = QString(QString::number(x.year) + u'-' + QString::number(x.sequence).rightJustified(6, u'0'));

        if (x.motiveThemeId > 0) {
            Contact contact;
            contact.channel = ContactChannel::Courrier;
            contact.direction = ContactDirection::Entrant;
            contact.startedAt = now;
            contact.agentId = x.registeredBy;
            contact.motiveThemeId = x.motiveThemeId;
            contact.citizenId = x.citizenId;
            contact.organisationId = x.organisationId;
            contact.summary
                = tr("Courrier %1 reçu le %2 : %3").arg(x.reference, frDate(x.receivedOn), x.subject);
            // Registering answers nothing yet: the letter goes to the service that handles it
            // (the register, and the 360° page's Courrier panel, show where it stands).
            qint64 handlingService = x.assignedServiceId;
            if (handlingService <= 0 && x.assignedAgentId > 0) {
                QSqlQuery a(c);
                a.prepare(u"SELECT service_id FROM agents WHERE id = :id"_s);
                a.bindValue(u":id"_s, x.assignedAgentId);
                if (a.exec() && a.next())
                    handlingService = a.value(0).toLongLong();
            }
            if (handlingService <= 0)
                handlingService = session.agent().serviceId;
            if (handlingService > 0) {
                contact.outcome = ContactOutcome::Oriente;
                contact.orientedServiceId = handlingService;
            } else {
                // An agent of no service keeps it: there is nowhere it was routed.
                contact.outcome = ContactOutcome::Repondu;
            }
            const Result<Contact> logged = m_services.contacts().log(contact);
            if (!logged)
                return logged.error();
            x.incomingContactId = logged->id;
        }

        auto q = sql::prepare(c,
            d.insertReturningId(u"accueil_post_letters"_s,
                { u"year"_s, u"sequence"_s, u"reference"_s, u"received_on"_s, u"registered_at"_s,
                    u"registered_by"_s, u"citizen_id"_s, u"organisation_id"_s, u"sender_name"_s,
                    u"sender_address"_s, u"subject"_s, u"motive_theme_id"_s, u"silence_rule"_s,
                    u"missing_pieces"_s, u"pieces_due_on"_s, u"assigned_agent_id"_s, u"assigned_service_id"_s,
                    u"due_on"_s, u"ack_due_on"_s, u"status"_s, u"incoming_contact_id"_s, u"notes"_s,
                    u"search_key"_s }),
            tr("enregistrement du courrier"));
        if (!q)
            return q.error();
        q->bindValue(u":year"_s, x.year);
        q->bindValue(u":sequence"_s, x.sequence);
        q->bindValue(u":reference"_s, x.reference);
        q->bindValue(u":received_on"_s, d.toDbDate(x.receivedOn));
        q->bindValue(u":registered_at"_s, d.toDbDateTime(x.registeredAt));
        q->bindValue(u":registered_by"_s, sql::nullableId(x.registeredBy));
        q->bindValue(u":citizen_id"_s, sql::nullableId(x.citizenId));
        q->bindValue(u":organisation_id"_s, sql::nullableId(x.organisationId));
        q->bindValue(u":sender_name"_s, sql::text(x.senderName));
        q->bindValue(u":sender_address"_s, sql::text(x.senderAddress));
        q->bindValue(u":subject"_s, x.subject);
        q->bindValue(u":motive_theme_id"_s, sql::nullableId(x.motiveThemeId));
        q->bindValue(u":silence_rule"_s, PostVocabulary::silenceId(x.silence));
        q->bindValue(u":missing_pieces"_s, sql::text(x.missingPieces.join(u'\n')));
        q->bindValue(u":pieces_due_on"_s, x.piecesDueOn.isValid() ? d.toDbDate(x.piecesDueOn) : QVariant());
        q->bindValue(u":assigned_agent_id"_s, sql::nullableId(x.assignedAgentId));
        q->bindValue(u":assigned_service_id"_s, sql::nullableId(x.assignedServiceId));
        q->bindValue(u":due_on"_s, d.toDbDate(x.dueOn));
        q->bindValue(u":ack_due_on"_s, d.toDbDate(x.acknowledgementDueOn));
        q->bindValue(u":status"_s, PostVocabulary::statusId(x.status));
        q->bindValue(u":incoming_contact_id"_s, sql::nullableId(x.incomingContactId));
        q->bindValue(u":notes"_s, sql::text(x.notes.trimmed()));
        q->bindValue(
            u":search_key"_s, TextFold::fold(QString(x.reference + u' ' + x.senderName + u' ' + x.subject)));
        if (auto r = sql::exec(*q, tr("enregistrement du courrier")); !r)
            return r;
        x.id = d.insertedId(*q);
        x.version = 1;
        if (scan) {
            const Result<PostDocument> doc
                = insertPostDocument(c, d, x.id, PostDocumentKind::Scan, *scan, now, session.agent().id);
            if (!doc)
                return doc.error();
        }
        return m_services.audit().record(c, auditaction::Create, ids::PostEntity, x.id,
            { { u"reference"_s, x.reference }, { u"citizen_id"_s, x.citizenId },
                { u"organisation_id"_s, x.organisationId }, { u"scan"_s, scan.has_value() } });
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<PostLetter> PostService::load(QSqlDatabase& c, qint64 id) const
{
    Result<QList<PostLetter>> rows = selectPostLetters(
        c, m_services.database()->dialect(), u"id = :id"_s, { { u":id"_s, id } }, u"id"_s, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce courrier n'existe pas dans le registre."));
    return rows->constFirst();
}

Result<void> PostService::checkMayHandle(const PostLetter& letter) const
{
    const Session& s = m_services.session();
    if (auto r = PostAccess::requireHandler(s); !r)
        return r;
    if (s.can(ids::PermSupervise))
        return {};
    QSqlDatabase c = m_services.database()->connection();
    if (isAssignedToMyService(c, s.agent(), letter.assignedAgentId, letter.assignedServiceId))
        return {};
    return Error(
        ErrorCode::PermissionDenied, tr("Ce courrier est confié à un autre agent ou à un autre service."));
}

Result<void> PostService::checkMayRead(const PostLetter& letter) const
{
    Result<void> handles = checkMayHandle(letter);
    if (handles || handles.error().code() != ErrorCode::PermissionDenied)
        return handles;
    const Session& s = m_services.session();
    if (!s.can(ids::PermPost))
        return handles;
    QSqlDatabase c = m_services.database()->connection();
    if (PostAccess::registeredAtCounter(c, s.agent(), letter.registeredBy))
        return {};
    return handles;
}

Result<PostLetter> PostService::find(qint64 id) const
{
    if (auto r = PostAccess::requireHandler(m_services.session()); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    Result<PostLetter> letter = load(c, id);
    if (!letter)
        return letter;
    if (auto r = checkMayRead(*letter); !r)
        return r.error();
    return letter;
}

Result<PostLetter> PostService::get(qint64 id) const
{
    Result<PostLetter> letter = find(id);
    if (!letter)
        return letter;
    if (auto r = checkMayHandle(*letter); !r)
        return r.error();
    if (letter->citizenId > 0) {
        if (auto r = m_services.audit().record(
                auditaction::Read, ids::PostEntity, id, { { u"citizen_id"_s, letter->citizenId } });
            !r)
            return r.error();
    }
    return letter;
}

Result<QList<PostLetter>> PostService::list(const PostFilter& filter) const
{
    const Session& s = m_services.session();
    if (auto r = PostAccess::requireHandler(s); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    QVariantMap binds;
    const Result<QString> view = PostAccess::viewClause(s, filter, m_now().date(), d, binds);
    if (!view)
        return view.error();
    QString where = *view;
    if (filter.status) {
        where += u" AND status = :status"_s;
        binds.insert(u":status"_s, PostVocabulary::statusId(*filter.status));
    }
    if (filter.dueBefore.isValid()) {
        where += u" AND status = 'a_traiter' AND due_on <= :before"_s;
        binds.insert(u":before"_s, d.toDbDate(filter.dueBefore));
    }
    // Every typed word, accents and case folded, within number, sender or subject.
    const QStringList words = TextFold::tokens(filter.text);
    for (qsizetype i = 0; i < words.size() && i < 8; ++i) {
        const QString name = u":w"_s + QString::number(i);
        where += u" AND search_key LIKE "_s + name + u" ESCAPE '\\'"_s;
        binds.insert(name, postLikePattern(words.at(i)));
    }
    QSqlDatabase c = m_services.database()->connection();
    return selectPostLetters(c, d, where, binds, u"year DESC, sequence DESC"_s, filter.limit);
}

Result<QList<PostLetter>> PostService::ofCitizen(qint64 citizenId, int limit) const
{
    const Session& s = m_services.session();
    if (auto r = PostAccess::requireHandler(s); !r)
        return r.error();
    QVariantMap binds { { u":citizen"_s, citizenId } };
    QString where = u"citizen_id = :citizen"_s;
    if (!s.can(ids::PermSupervise)) {
        QString mine = assigneeScopeClause(OverdueQuery::Scope::MyService, s.agent(), binds);
        if (s.can(ids::PermPost))
            mine = u"("_s + mine + u" OR "_s + PostAccess::registeredAtCounterClause(s.agent(), binds)
                + u')';
        where += u" AND "_s + mine;
    }
    QSqlDatabase c = m_services.database()->connection();
    return selectPostLetters(
        c, m_services.database()->dialect(), where, binds, u"year DESC, sequence DESC"_s, limit);
}

Result<QList<PostLetter>> PostService::unacknowledged(const OverdueQuery& query) const
{
    return owed(query, u"acknowledged_on IS NULL"_s, u"ack_due_on"_s);
}

Result<QList<PostLetter>> PostService::open(const OverdueQuery& query) const
{
    return owed(query, QString(), u"due_on"_s);
}

Result<QList<PostLetter>> PostService::owed(
    const OverdueQuery& query, const QString& condition, const QString& dueColumn) const
{
    const Session& s = m_services.session();
    if (auto r = PostAccess::requireHandler(s); !r)
        return r.error();
    if (query.scope == OverdueQuery::Scope::All) {
        if (auto r = s.require(ids::PermSupervise); !r)
            return r.error();
    }
    const Dialect& d = m_services.database()->dialect();
    QVariantMap binds;
    QString where = u"status = 'a_traiter' AND "_s + assigneeScopeClause(query.scope, s.agent(), binds);
    if (!condition.isEmpty())
        where += u" AND "_s + condition;
    if (query.dueBefore.isValid()) {
        // Due on day D means done by the end of D.
        where += u" AND %1 < :before"_s.arg(dueColumn);
        binds.insert(u":before"_s, d.toDbDate(query.dueBefore.date()));
    }
    QSqlDatabase c = m_services.database()->connection();
    return selectPostLetters(c, d, where, binds, dueColumn + u", year, sequence"_s, query.limit);
}

Result<PostLetter> PostService::update(
    qint64 id, int version, const QString& assignments, const QVariantMap& binds, const QJsonObject& audit)
{
    PostLetter result;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto q = sql::prepare(c,
            u"UPDATE accueil_post_letters SET "_s + assignments
                + u", version = version + 1 WHERE id = :id AND version = :version"_s,
            tr("mise à jour du courrier"));
        if (!q)
            return q.error();
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q->bindValue(it.key(), it.value());
        q->bindValue(u":id"_s, id);
        q->bindValue(u":version"_s, version);
        if (auto r = sql::exec(*q, tr("mise à jour du courrier")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_post_letters"_s, id, tr("Le courrier"));
        if (auto r = m_services.audit().record(c, auditaction::Update, ids::PostEntity, id, audit); !r)
            return r;
        Result<PostLetter> reloaded = load(c, id);
        if (!reloaded)
            return reloaded.error();
        result = *reloaded;
        return {};
    });
    if (!tx)
        return tx.error();
    return result;
}

Result<PostLetter> PostService::assign(qint64 id, int version, qint64 agentId, qint64 serviceId)
{
    const Result<PostLetter> current = get(id);
    if (!current)
        return current;
    if (agentId <= 0 && serviceId <= 0)
        return Error::validation(
            { { u"assignee"_s, tr("Indiquez qui traite le courrier : un agent ou un service.") } });
    QSqlDatabase c = m_services.database()->connection();
    ValidationErrors refs;
    if (agentId > 0 && !sql::rowExists(c, u"agents"_s, agentId))
        refs.add(u"assignee"_s, tr("L'agent désigné n'existe pas."));
    if (serviceId > 0 && !sql::rowExists(c, u"services"_s, serviceId))
        refs.add(u"assignee"_s, tr("Le service désigné n'existe pas dans l'annuaire."));
    if (!refs.isEmpty())
        return refs.toError();
    return update(id, version, u"assigned_agent_id = :agent, assigned_service_id = :service"_s,
        { { u":agent"_s, sql::nullableId(agentId) }, { u":service"_s, sql::nullableId(serviceId) } },
        { { u"assigned_agent_id"_s, agentId }, { u"assigned_service_id"_s, serviceId } });
}

Result<PostLetter> PostService::recordReply(qint64 id, int version, const Reply& input)
{
    const Result<PostLetter> current = get(id);
    if (!current)
        return current;
    if (!current->isOpen())
        return Error(ErrorCode::Conflict,
            tr("Le courrier %1 est déjà %2.")
                .arg(current->reference, PostVocabulary::statusLabel(current->status).toLower()));
    const QDateTime now = m_now();
    Reply reply = input;
    if (!reply.date.isValid())
        reply.date = now.date();
    reply.summary = reply.summary.trimmed();
    ValidationErrors errors;
    if (reply.date > now.date())
        errors.add(u"date"_s, tr("La date de la réponse ne peut pas être dans le futur."));
    else if (reply.date < current->receivedOn)
        errors.add(u"date"_s,
            tr("La réponse ne peut pas précéder la réception du courrier (%1).")
                .arg(frDate(current->receivedOn)));
    if (reply.summary.isEmpty())
        errors.add(u"summary"_s, tr("Résumez la réponse apportée."));
    else if (reply.summary.size() > 4000)
        errors.add(u"summary"_s, tr("Le résumé ne doit pas dépasser 4 000 caractères."));
    if (reply.letter) {
        const Result<PostSettings> config = settings();
        if (!config)
            return config.error();
        if (auto r = checkPdf(*reply.letter, config->maxAttachmentBytes); !r)
            errors.add(u"letter"_s, r.error().fields().value(0).message);
    }
    if (!errors.isEmpty())
        return errors.toError();

    const Dialect& d = m_services.database()->dialect();
    PostLetter result;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        qint64 contactId = 0;
        if (current->motiveThemeId > 0) {
            Contact contact;
            contact.channel = channelOf(reply.mode);
            contact.direction = ContactDirection::Sortant;
            contact.startedAt = reply.date == now.date() ? now : QDateTime(reply.date, QTime(12, 0));
            contact.motiveThemeId = current->motiveThemeId;
            contact.citizenId = current->citizenId;
            contact.organisationId = current->organisationId;
            contact.summary = tr("Réponse au courrier %1 : %2").arg(current->reference, reply.summary);
            contact.outcome = ContactOutcome::Repondu;
            const Result<Contact> logged = m_services.contacts().log(contact);
            if (!logged)
                return logged.error();
            contactId = logged->id;
        }
        if (reply.letter) {
            const Result<PostDocument> doc = insertPostDocument(c, d, id, PostDocumentKind::ReponseJointe,
                *reply.letter, now, m_services.session().agent().id);
            if (!doc)
                return doc.error();
        }
        Result<PostLetter> updated = update(id, version,
            u"status = 'repondu', replied_on = :on, reply_mode = :mode, reply_summary = :summary, "
            u"reply_contact_id = :contact"_s,
            { { u":on"_s, d.toDbDate(reply.date) }, { u":mode"_s, PostVocabulary::replyModeId(reply.mode) },
                { u":summary"_s, reply.summary }, { u":contact"_s, sql::nullableId(contactId) } },
            { { u"status"_s, u"repondu"_s }, { u"reply_mode"_s, PostVocabulary::replyModeId(reply.mode) } });
        if (!updated)
            return updated.error();
        result = *updated;
        return {};
    });
    if (!tx)
        return tx.error();
    return result;
}

Result<PostLetter> PostService::file(qint64 id, int version, const QString& note)
{
    const Result<PostLetter> current = get(id);
    if (!current)
        return current;
    if (!current->isOpen())
        return Error(ErrorCode::Conflict,
            tr("Le courrier %1 est déjà %2.")
                .arg(current->reference, PostVocabulary::statusLabel(current->status).toLower()));
    const QString stamp = m_now().toString(u"dd/MM/yyyy"_s);
    const QString notes = QStringList { current->notes,
        note.trimmed().isEmpty() ? QString()
                                 : QString(stamp + u" — "_s + tr("classé : %1").arg(note.trimmed())) }
                              .join(u'\n')
                              .trimmed();
    return update(id, version, u"status = 'classe', notes = :notes"_s, { { u":notes"_s, notes } },
        { { u"status"_s, u"classe"_s } });
}

} // namespace iris::accueil
