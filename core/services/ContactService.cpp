#include "core/services/ContactService.h"

#include "core/base/TextFold.h"
#include "core/base/ValidationErrors.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

const QString kColumns
    = u"id, version, channel, direction, started_at, ended_at, agent_id, service_id, "
      u"motive_theme_id, summary, outcome, oriented_service_id, dossier_id, callback_due_at, "
      u"citizen_id, organisation_id, created_at"_s;

const QString kThemeColumns
    = u"id, version, parent_id, code, label, default_service_id, sort_order, active"_s;

Contact readContact(const QSqlQuery& q, const Dialect& d)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.version = q.value(1).toInt();
    contactChannelFromId(q.value(2).toString(), &c.channel);
    contactDirectionFromId(q.value(3).toString(), &c.direction);
    c.startedAt = d.fromDbDateTime(q.value(4));
    c.endedAt = d.fromDbDateTime(q.value(5));
    c.agentId = sql::id(q.value(6));
    c.serviceId = sql::id(q.value(7));
    c.motiveThemeId = sql::id(q.value(8));
    c.summary = q.value(9).toString();
    contactOutcomeFromId(q.value(10).toString(), &c.outcome);
    c.orientedServiceId = sql::id(q.value(11));
    c.dossierId = sql::id(q.value(12));
    c.callbackDueAt = d.fromDbDateTime(q.value(13));
    c.citizenId = sql::id(q.value(14));
    c.organisationId = sql::id(q.value(15));
    c.createdAt = d.fromDbDateTime(q.value(16));
    return c;
}

MotiveTheme readTheme(const QSqlQuery& q)
{
    MotiveTheme t;
    t.id = q.value(0).toLongLong();
    t.version = q.value(1).toInt();
    t.parentId = sql::id(q.value(2));
    t.code = q.value(3).toString();
    t.label = q.value(4).toString();
    t.defaultServiceId = sql::id(q.value(5));
    t.sortOrder = q.value(6).toInt();
    t.active = q.value(7).toBool();
    return t;
}

void bindContact(QSqlQuery& q, const Contact& c, const Dialect& d)
{
    q.bindValue(u":channel"_s, contactChannelId(c.channel));
    q.bindValue(u":direction"_s, contactDirectionId(c.direction));
    q.bindValue(u":started_at"_s, d.toDbDateTime(c.startedAt));
    q.bindValue(u":ended_at"_s,
        c.endedAt.isValid() ? d.toDbDateTime(c.endedAt) : QVariant(QMetaType::fromType<QString>()));
    q.bindValue(u":agent_id"_s, sql::nullableId(c.agentId));
    q.bindValue(u":service_id"_s, sql::nullableId(c.serviceId));
    q.bindValue(u":motive_theme_id"_s, sql::nullableId(c.motiveThemeId));
    q.bindValue(u":summary"_s, sql::text(c.summary));
    q.bindValue(u":outcome"_s, contactOutcomeId(c.outcome));
    q.bindValue(u":oriented_service_id"_s, sql::nullableId(c.orientedServiceId));
    q.bindValue(u":dossier_id"_s, sql::nullableId(c.dossierId));
    q.bindValue(u":callback_due_at"_s,
        c.callbackDueAt.isValid() ? d.toDbDateTime(c.callbackDueAt)
                                  : QVariant(QMetaType::fromType<QString>()));
    q.bindValue(u":citizen_id"_s, sql::nullableId(c.citizenId));
    q.bindValue(u":organisation_id"_s, sql::nullableId(c.organisationId));
}

} // namespace

ContactService::ContactService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<Contact> ContactService::validated(QSqlDatabase& c, const Contact& input) const
{
    Contact x = input;
    ValidationErrors errors;
    const QDateTime now = m_now();
    if (!x.startedAt.isValid())
        errors.add(u"startedAt"_s, tr("L'heure de début du contact est obligatoire."));
    else if (x.startedAt > now.addSecs(300))
        errors.add(u"startedAt"_s, tr("Un contact ne peut pas commencer dans le futur."));
    if (x.endedAt.isValid() && x.startedAt.isValid() && x.endedAt < x.startedAt)
        errors.add(u"endedAt"_s, tr("La fin du contact précède son début."));
    if (x.agentId == 0)
        x.agentId = m_session.agent().id;
    if (x.serviceId == 0)
        x.serviceId = m_session.agent().serviceId;
    if (x.agentId > 0 && !sql::rowExists(c, u"agents"_s, x.agentId))
        errors.add(u"agentId"_s, tr("L'agent indiqué n'existe pas."));
    if (x.serviceId > 0 && !sql::rowExists(c, u"services"_s, x.serviceId))
        errors.add(u"serviceId"_s, tr("Le service indiqué n'existe pas dans l'annuaire."));
    if (x.motiveThemeId <= 0)
        errors.add(u"motiveThemeId"_s, tr("Choisissez le motif du contact."));
    else if (!sql::rowExists(c, u"motive_themes"_s, x.motiveThemeId))
        errors.add(u"motiveThemeId"_s, tr("Le motif indiqué n'existe pas."));
    x.summary = x.summary.trimmed();
    if (x.summary.size() > 4000)
        errors.add(u"summary"_s, tr("Le résumé ne doit pas dépasser 4 000 caractères."));
    switch (x.outcome) {
    case ContactOutcome::Oriente:
        if (x.orientedServiceId <= 0)
            errors.add(u"orientedServiceId"_s, tr("Indiquez le service vers lequel l'usager a été orienté."));
        else if (!sql::rowExists(c, u"services"_s, x.orientedServiceId))
            errors.add(u"orientedServiceId"_s, tr("Le service d'orientation n'existe pas dans l'annuaire."));
        break;
    case ContactOutcome::DossierCree:
        if (x.dossierId <= 0)
            errors.add(u"dossierId"_s, tr("Indiquez le dossier créé lors de ce contact."));
        break;
    case ContactOutcome::RappelPrevu:
        if (!x.callbackDueAt.isValid())
            errors.add(u"callbackDueAt"_s, tr("Indiquez quand l'usager doit être rappelé."));
        else if (x.startedAt.isValid() && x.callbackDueAt < x.startedAt)
            errors.add(u"callbackDueAt"_s, tr("Le rappel ne peut pas être prévu avant le contact."));
        break;
    case ContactOutcome::Repondu:
    case ContactOutcome::RendezVous:
        break;
    }
    if (x.dossierId > 0 && !sql::rowExists(c, u"dossiers"_s, x.dossierId))
        errors.add(u"dossierId"_s, tr("Le dossier indiqué n'existe pas."));
    if (x.citizenId > 0 && !sql::rowExists(c, u"citizens"_s, x.citizenId))
        errors.add(u"citizenId"_s, tr("L'usager indiqué n'existe pas."));
    if (x.organisationId > 0 && !sql::rowExists(c, u"organisations"_s, x.organisationId))
        errors.add(u"organisationId"_s, tr("L'association indiquée n'existe pas."));
    if (!errors.isEmpty())
        return errors.toError();
    return x;
}

Result<Contact> ContactService::log(const Contact& input)
{
    if (auto r = m_session.require(perm::ContactWrite); !r)
        return r.error();
    const Dialect& d = m_db->dialect();
    Contact x;
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto valid = validated(c, input);
        if (!valid)
            return valid.error();
        x = *valid;
        x.createdAt = m_now();
        auto q = sql::prepare(c,
            d.insertReturningId(u"contacts"_s,
                { u"channel"_s, u"direction"_s, u"started_at"_s, u"ended_at"_s, u"agent_id"_s,
                    u"service_id"_s, u"motive_theme_id"_s, u"summary"_s, u"outcome"_s,
                    u"oriented_service_id"_s, u"dossier_id"_s, u"callback_due_at"_s, u"citizen_id"_s,
                    u"organisation_id"_s, u"created_at"_s }),
            tr("enregistrement du contact"));
        if (!q)
            return q.error();
        bindContact(*q, x, d);
        q->bindValue(u":created_at"_s, d.toDbDateTime(x.createdAt));
        if (auto r = sql::exec(*q, tr("enregistrement du contact")); !r)
            return r;
        x.id = d.insertedId(*q);
        x.version = 1;
        return m_audit.record(c, u"create"_s, u"contact"_s, x.id,
            { { u"channel"_s, contactChannelId(x.channel) }, { u"citizen_id"_s, x.citizenId } });
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<Contact> ContactService::update(const Contact& input)
{
    if (auto r = m_session.require(perm::ContactWrite); !r)
        return r.error();
    const Dialect& d = m_db->dialect();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto valid = validated(c, input);
        if (!valid)
            return valid.error();
        auto q = sql::prepare(c,
            u"UPDATE contacts SET version = version + 1, channel = :channel, direction = :direction, "
            u"started_at = :started_at, ended_at = :ended_at, agent_id = :agent_id, "
            u"service_id = :service_id, motive_theme_id = :motive_theme_id, summary = :summary, "
            u"outcome = :outcome, oriented_service_id = :oriented_service_id, "
            u"dossier_id = :dossier_id, callback_due_at = :callback_due_at, "
            u"citizen_id = :citizen_id, organisation_id = :organisation_id "
            u"WHERE id = :id AND version = :version"_s,
            tr("modification du contact"));
        if (!q)
            return q.error();
        bindContact(*q, *valid, d);
        q->bindValue(u":id"_s, valid->id);
        q->bindValue(u":version"_s, valid->version);
        if (auto r = sql::exec(*q, tr("modification du contact")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"contacts"_s, valid->id, tr("Le contact"));
        return m_audit.record(
            c, u"update"_s, u"contact"_s, valid->id, { { u"outcome"_s, contactOutcomeId(valid->outcome) } });
    });
    if (!tx)
        return tx.error();
    return get(input.id);
}

Result<Contact> ContactService::get(qint64 id) const
{
    if (auto r = m_session.require(perm::ContactRead); !r)
        return r.error();
    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.prepare(QString(u"SELECT "_s + kColumns + u" FROM contacts WHERE id = :id"_s));
    q.bindValue(u":id"_s, id);
    if (auto r = sql::exec(q, tr("lecture du contact")); !r)
        return r.error();
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("Ce contact n'existe pas."));
    return readContact(q, m_db->dialect());
}

QString ContactService::filterSql(const ContactFilter& f, QVariantMap* binds) const
{
    const Dialect& d = m_db->dialect();
    QStringList where;
    const auto add = [&](const QString& clause, const QString& name, const QVariant& value) {
        where << clause;
        binds->insert(name, value);
    };
    if (f.citizenId > 0)
        add(u"citizen_id = :citizen"_s, u":citizen"_s, f.citizenId);
    if (f.organisationId > 0)
        add(u"organisation_id = :org"_s, u":org"_s, f.organisationId);
    if (f.serviceId > 0)
        add(u"service_id = :service"_s, u":service"_s, f.serviceId);
    if (f.agentId > 0)
        add(u"agent_id = :agent"_s, u":agent"_s, f.agentId);
    if (f.motiveThemeId > 0)
        add(u"motive_theme_id = :motive"_s, u":motive"_s, f.motiveThemeId);
    if (f.from.isValid())
        add(u"started_at >= :from"_s, u":from"_s, d.toDbDateTime(f.from));
    if (f.to.isValid())
        add(u"started_at < :to"_s, u":to"_s, d.toDbDateTime(f.to));
    if (f.channel)
        add(u"channel = :channel"_s, u":channel"_s, contactChannelId(*f.channel));
    return where.isEmpty() ? QString() : QString(u" WHERE "_s + where.join(u" AND "_s));
}

Result<QList<Contact>> ContactService::list(const ContactFilter& filter) const
{
    if (auto r = m_session.require(perm::ContactRead); !r)
        return r.error();
    QVariantMap binds;
    QString text = u"SELECT "_s + kColumns + u" FROM contacts"_s + filterSql(filter, &binds)
        + u" ORDER BY started_at DESC, id DESC"_s;
    if (filter.limit > 0) {
        text += u" LIMIT :limit OFFSET :offset"_s;
        binds.insert(u":limit"_s, filter.limit);
        binds.insert(u":offset"_s, qMax(0, filter.offset));
    }
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(c, text, tr("lecture des contacts"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des contacts")); !r)
        return r.error();
    QList<Contact> out;
    while (q->next())
        out.append(readContact(*q, m_db->dialect()));
    return out;
}

Result<qint64> ContactService::count(const ContactFilter& filter) const
{
    if (auto r = m_session.require(perm::ContactRead); !r)
        return r.error();
    QVariantMap binds;
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(c, QString(u"SELECT COUNT(*) FROM contacts"_s + filterSql(filter, &binds)),
        tr("lecture des contacts"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des contacts")); !r)
        return r.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<Contact>> ContactService::listByCitizen(qint64 citizenId, int limit) const
{
    ContactFilter f;
    f.citizenId = citizenId;
    f.limit = limit;
    return list(f);
}

// ---- motive themes ----------------------------------------------------------------

Result<QList<MotiveTheme>> ContactService::selectThemes(const QString& where, const QVariantMap& binds) const
{
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(c, QString(u"SELECT "_s + kThemeColumns + u" FROM motive_themes "_s + where),
        tr("lecture des motifs"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des motifs")); !r)
        return r.error();
    QList<MotiveTheme> out;
    while (q->next())
        out.append(readTheme(*q));
    return out;
}

Result<QList<MotiveTheme>> ContactService::motiveThemes(bool includeInactive) const
{
    auto rows = selectThemes(includeInactive ? QString() : u"WHERE active = TRUE"_s, {});
    if (!rows)
        return rows.error();
    // Depth-first: each parent followed by its children, siblings by (sort order, label).
    QMultiHash<qint64, MotiveTheme> byParent;
    for (const MotiveTheme& t : *rows)
        byParent.insert(t.parentId, t);
    QList<MotiveTheme> ordered;
    std::function<void(qint64)> walk = [&](qint64 parent) {
        QList<MotiveTheme> children = byParent.values(parent);
        std::sort(children.begin(), children.end(), [](const MotiveTheme& a, const MotiveTheme& b) {
            if (a.sortOrder != b.sortOrder)
                return a.sortOrder < b.sortOrder;
            const int byLabel = a.label.localeAwareCompare(b.label);
            return byLabel != 0 ? byLabel < 0 : a.id < b.id;
        });
        for (const MotiveTheme& child : children) {
            ordered.append(child);
            walk(child.id);
        }
    };
    walk(0);
    return ordered;
}

Result<MotiveTheme> ContactService::motiveTheme(qint64 id) const
{
    auto rows = selectThemes(u"WHERE id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce motif n'existe pas."));
    return rows->first();
}

Result<MotiveTheme> ContactService::motiveThemeByCode(const QString& code) const
{
    auto rows = selectThemes(u"WHERE code = :code"_s, { { u":code"_s, code } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Aucun motif n'a le code « %1 ».").arg(code));
    return rows->first();
}

Result<MotiveTheme> ContactService::validatedTheme(QSqlDatabase& c, const MotiveTheme& input) const
{
    MotiveTheme t = input;
    ValidationErrors errors;
    t.label = t.label.simplified();
    if (t.label.isEmpty() || t.label.size() > 120)
        errors.add(u"label"_s, tr("Le libellé du motif est obligatoire (120 caractères au plus)."));
    t.code = t.code.trimmed();
    static const QRegularExpression codePattern(u"^[a-z0-9]+([-.][a-z0-9]+)*$"_s);
    if (!t.code.isEmpty() && !codePattern.match(t.code).hasMatch())
        errors.add(u"code"_s,
            tr("Le code du motif ne peut contenir que des minuscules, chiffres, tirets et points."));
    if (t.parentId > 0 && !sql::rowExists(c, u"motive_themes"_s, t.parentId))
        errors.add(u"parentId"_s, tr("Le motif parent n'existe pas."));
    if (t.defaultServiceId > 0 && !sql::rowExists(c, u"services"_s, t.defaultServiceId))
        errors.add(u"defaultServiceId"_s, tr("Le service par défaut n'existe pas dans l'annuaire."));
    if (!t.code.isEmpty()) {
        QSqlQuery q(c);
        q.prepare(u"SELECT 1 FROM motive_themes WHERE code = :code AND id <> :id"_s);
        q.bindValue(u":code"_s, t.code);
        q.bindValue(u":id"_s, t.id);
        if (q.exec() && q.next())
            errors.add(u"code"_s, tr("Ce code de motif est déjà utilisé."));
    }
    // A theme cannot become its own ancestor.
    if (t.id > 0 && t.parentId > 0) {
        qint64 cursor = t.parentId;
        for (int guard = 0; cursor > 0 && guard < 64; ++guard) {
            if (cursor == t.id) {
                errors.add(u"parentId"_s,
                    tr("Un motif ne peut pas être rangé sous lui-même ou sous l'un de ses sous-motifs."));
                break;
            }
            QSqlQuery q(c);
            q.prepare(u"SELECT parent_id FROM motive_themes WHERE id = :id"_s);
            q.bindValue(u":id"_s, cursor);
            cursor = (q.exec() && q.next()) ? sql::id(q.value(0)) : 0;
        }
    }
    if (!errors.isEmpty())
        return errors.toError();
    return t;
}

Result<MotiveTheme> ContactService::createMotiveTheme(const MotiveTheme& input)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r.error();
    MotiveTheme t;
    const Dialect& d = m_db->dialect();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        MotiveTheme draft = input;
        draft.id = 0;
        auto valid = validatedTheme(c, draft);
        if (!valid)
            return valid.error();
        t = *valid;
        auto q = sql::prepare(c,
            d.insertReturningId(u"motive_themes"_s,
                { u"parent_id"_s, u"code"_s, u"label"_s, u"default_service_id"_s, u"sort_order"_s,
                    u"active"_s }),
            tr("enregistrement du motif"));
        if (!q)
            return q.error();
        q->bindValue(u":parent_id"_s, sql::nullableId(t.parentId));
        q->bindValue(u":code"_s, sql::nullableText(t.code));
        q->bindValue(u":label"_s, t.label);
        q->bindValue(u":default_service_id"_s, sql::nullableId(t.defaultServiceId));
        q->bindValue(u":sort_order"_s, t.sortOrder);
        q->bindValue(u":active"_s, t.active);
        if (auto r = sql::exec(*q, tr("enregistrement du motif")); !r)
            return r;
        t.id = d.insertedId(*q);
        t.version = 1;
        return m_audit.record(c, u"create"_s, u"motive_theme"_s, t.id, { { u"label"_s, t.label } });
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<MotiveTheme> ContactService::updateMotiveTheme(const MotiveTheme& input)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r.error();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto valid = validatedTheme(c, input);
        if (!valid)
            return valid.error();
        auto q = sql::prepare(c,
            u"UPDATE motive_themes SET version = version + 1, parent_id = :parent, code = :code, "
            u"label = :label, default_service_id = :service, sort_order = :sort, active = :active "
            u"WHERE id = :id AND version = :version"_s,
            tr("modification du motif"));
        if (!q)
            return q.error();
        q->bindValue(u":parent"_s, sql::nullableId(valid->parentId));
        q->bindValue(u":code"_s, sql::nullableText(valid->code));
        q->bindValue(u":label"_s, valid->label);
        q->bindValue(u":service"_s, sql::nullableId(valid->defaultServiceId));
        q->bindValue(u":sort"_s, valid->sortOrder);
        q->bindValue(u":active"_s, valid->active);
        q->bindValue(u":id"_s, valid->id);
        q->bindValue(u":version"_s, valid->version);
        if (auto r = sql::exec(*q, tr("modification du motif")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(
                c, u"motive_themes"_s, valid->id, tr("Le motif « %1 »").arg(valid->label));
        return m_audit.record(c, u"update"_s, u"motive_theme"_s, valid->id, { { u"label"_s, valid->label } });
    });
    if (!tx)
        return tx.error();
    return motiveTheme(input.id);
}

Result<void> ContactService::removeMotiveTheme(qint64 id, int version)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r;
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        for (const QString& probe : { u"SELECT 1 FROM motive_themes WHERE parent_id = :id LIMIT 1"_s,
                 u"SELECT 1 FROM contacts WHERE motive_theme_id = :id LIMIT 1"_s,
                 u"SELECT 1 FROM appointments WHERE motive_theme_id = :id LIMIT 1"_s }) {
            QSqlQuery q(c);
            q.prepare(probe);
            q.bindValue(u":id"_s, id);
            if (auto r = sql::exec(q, tr("suppression du motif")); !r)
                return r;
            if (q.next())
                return Error(ErrorCode::Conflict,
                    tr("Ce motif a des sous-motifs ou a déjà servi : il ne peut pas être "
                       "supprimé. Désactivez-le plutôt."));
        }
        QSqlQuery del(c);
        del.prepare(u"DELETE FROM motive_themes WHERE id = :id AND version = :version"_s);
        del.bindValue(u":id"_s, id);
        del.bindValue(u":version"_s, version);
        if (auto r = sql::exec(del, tr("suppression du motif")); !r)
            return r;
        if (del.numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"motive_themes"_s, id, tr("Le motif"));
        return m_audit.record(c, u"delete"_s, u"motive_theme"_s, id, {});
    });
}

} // namespace iris
