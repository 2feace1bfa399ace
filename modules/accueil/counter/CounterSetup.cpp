#include "modules/accueil/counter/CounterSetup.h"

#include "core/base/ValidationErrors.h"
#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/shared/AccueilIds.h"

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
constexpr int kDefaultDeskCount = 12;
} // namespace

namespace {

const QString kCategoryColumns = u"id, version, label, prefix, default_service_id, motive_theme_id, sort_order, active"_s;
const QString kDeskColumns = u"id, version, number, label, service_id, active"_s;

TicketCategory readCategory(const QSqlQuery& q)
{
    TicketCategory c;
    c.id = q.value(0).toLongLong();
    c.version = q.value(1).toInt();
    c.label = q.value(2).toString();
    c.prefix = q.value(3).toString();
    c.defaultServiceId = sql::id(q.value(4));
    c.motiveThemeId = sql::id(q.value(5));
    c.sortOrder = q.value(6).toInt();
    c.active = q.value(7).toBool();
    return c;
}

Desk readDesk(const QSqlQuery& q)
{
    Desk d;
    d.id = q.value(0).toLongLong();
    d.version = q.value(1).toInt();
    d.number = q.value(2).toInt();
    d.label = q.value(3).toString();
    d.serviceId = sql::id(q.value(4));
    d.active = q.value(5).toBool();
    return d;
}

qint64 lookupId(QSqlDatabase& c, const QString& table, const QString& code)
{
    QSqlQuery q(c);
    q.prepare(QString(u"SELECT id FROM "_s + table + u" WHERE code = :code"_s));
    q.bindValue(u":code"_s, code);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

CounterSetup::CounterSetup(CoreServices& services)
    : m_services(services)
{
}

Result<QList<TicketCategory>> CounterSetup::categories(bool includeInactive) const
{
    QSqlDatabase c = m_services.database()->connection();
    QSqlQuery q(c);
    const QString where = includeInactive ? QString() : u" WHERE active = TRUE"_s;
    if (!q.exec(QString(u"SELECT "_s + kCategoryColumns + u" FROM accueil_ticket_categories"_s + where
                        + u" ORDER BY sort_order, prefix, id"_s)))
        return Database::classify(q.lastError(), tr("lecture des catégories de tickets"));
    QList<TicketCategory> list;
    while (q.next())
        list << readCategory(q);
    return list;
}

Result<TicketCategory> CounterSetup::category(qint64 id) const
{
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(c, QString(u"SELECT "_s + kCategoryColumns + u" FROM accueil_ticket_categories WHERE id = :id"_s),
                          tr("lecture d'une catégorie de tickets"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, id);
    if (auto r = sql::exec(*q, tr("lecture d'une catégorie de tickets")); !r)
        return r.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, tr("Cette catégorie de tickets n'existe pas."));
    return readCategory(*q);
}

Result<QList<Desk>> CounterSetup::desks(bool includeInactive) const
{
    QSqlDatabase c = m_services.database()->connection();
    QSqlQuery q(c);
    const QString where = includeInactive ? QString() : u" WHERE active = TRUE"_s;
    if (!q.exec(QString(u"SELECT "_s + kDeskColumns + u" FROM accueil_desks"_s + where + u" ORDER BY number"_s)))
        return Database::classify(q.lastError(), tr("lecture des guichets"));
    QList<Desk> list;
    while (q.next())
        list << readDesk(q);
    return list;
}

Result<Desk> CounterSetup::desk(qint64 id) const
{
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(c, QString(u"SELECT "_s + kDeskColumns + u" FROM accueil_desks WHERE id = :id"_s),
                          tr("lecture d'un guichet"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, id);
    if (auto r = sql::exec(*q, tr("lecture d'un guichet")); !r)
        return r.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, tr("Ce guichet n'existe pas."));
    return readDesk(*q);
}

Result<TicketCategory> CounterSetup::saveCategory(const TicketCategory& input)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    TicketCategory x = input;
    x.label = x.label.trimmed();
    x.prefix = x.prefix.trimmed().toUpper();
    ValidationErrors errors;
    if (x.label.isEmpty())
        errors.add(u"label"_s, tr("Le libellé de la catégorie est obligatoire."));
    if (x.prefix.size() != 1 || x.prefix.at(0) < u'A' || x.prefix.at(0) > u'Z')
        errors.add(u"prefix"_s, tr("Le préfixe est une seule lettre de A à Z."));
    if (!errors.isEmpty())
        return errors.toError();

    const Dialect& d = m_services.database()->dialect();
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (x.active) {
            QSqlQuery dup(c);
            dup.prepare(u"SELECT 1 FROM accueil_ticket_categories WHERE prefix = :p AND active = TRUE AND id <> :id"_s);
            dup.bindValue(u":p"_s, x.prefix);
            dup.bindValue(u":id"_s, x.id);
            if (dup.exec() && dup.next())
                return Error::validation({{u"prefix"_s, tr("La lettre %1 est déjà celle d'une autre catégorie.")
                                                            .arg(x.prefix)}});
        }
        const QString statement = x.id == 0
            ? d.insertReturningId(u"accueil_ticket_categories"_s,
                                  {u"label"_s, u"prefix"_s, u"default_service_id"_s, u"motive_theme_id"_s,
                                   u"sort_order"_s, u"active"_s})
            : u"UPDATE accueil_ticket_categories SET label = :label, prefix = :prefix, "
              u"default_service_id = :default_service_id, motive_theme_id = :motive_theme_id, "
              u"sort_order = :sort_order, active = :active, version = version + 1 "
              u"WHERE id = :id AND version = :version"_s;
        auto q = sql::prepare(c, statement, tr("enregistrement de la catégorie de tickets"));
        if (!q)
            return q.error();
        q->bindValue(u":label"_s, x.label);
        q->bindValue(u":prefix"_s, x.prefix);
        q->bindValue(u":default_service_id"_s, sql::nullableId(x.defaultServiceId));
        q->bindValue(u":motive_theme_id"_s, sql::nullableId(x.motiveThemeId));
        q->bindValue(u":sort_order"_s, x.sortOrder);
        q->bindValue(u":active"_s, x.active);
        if (x.id != 0) {
            q->bindValue(u":id"_s, x.id);
            q->bindValue(u":version"_s, x.version);
        }
        if (auto r = sql::exec(*q, tr("enregistrement de la catégorie de tickets")); !r)
            return r;
        if (x.id == 0) {
            x.id = d.insertedId(*q);
            x.version = 1;
        } else if (q->numRowsAffected() != 1) {
            return sql::staleOrMissing(c, u"accueil_ticket_categories"_s, x.id, tr("La catégorie"));
        } else {
            ++x.version;
        }
        return m_services.audit().record(c, x.version == 1 ? u"create"_s : u"update"_s,
                                         u"accueil_ticket_category"_s, x.id, {{u"prefix"_s, x.prefix}});
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<Desk> CounterSetup::saveDesk(const Desk& input)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    Desk x = input;
    x.label = x.label.trimmed();
    if (x.number < 1 || x.number > 999)
        return Error::validation({{u"number"_s, tr("Le numéro du guichet va de 1 à 999.")}});
    const Dialect& d = m_services.database()->dialect();
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery dup(c);
        dup.prepare(u"SELECT 1 FROM accueil_desks WHERE number = :n AND id <> :id"_s);
        dup.bindValue(u":n"_s, x.number);
        dup.bindValue(u":id"_s, x.id);
        if (dup.exec() && dup.next())
            return Error::validation({{u"number"_s, tr("Le guichet %1 existe déjà.").arg(x.number)}});
        const QString statement = x.id == 0
            ? d.insertReturningId(u"accueil_desks"_s, {u"number"_s, u"label"_s, u"service_id"_s, u"active"_s})
            : u"UPDATE accueil_desks SET number = :number, label = :label, service_id = :service_id, "
              u"active = :active, version = version + 1 WHERE id = :id AND version = :version"_s;
        auto q = sql::prepare(c, statement, tr("enregistrement du guichet"));
        if (!q)
            return q.error();
        q->bindValue(u":number"_s, x.number);
        q->bindValue(u":label"_s, sql::text(x.label));
        q->bindValue(u":service_id"_s, sql::nullableId(x.serviceId));
        q->bindValue(u":active"_s, x.active);
        if (x.id != 0) {
            q->bindValue(u":id"_s, x.id);
            q->bindValue(u":version"_s, x.version);
        }
        if (auto r = sql::exec(*q, tr("enregistrement du guichet")); !r)
            return r;
        if (x.id == 0) {
            x.id = d.insertedId(*q);
            x.version = 1;
        } else if (q->numRowsAffected() != 1) {
            return sql::staleOrMissing(c, u"accueil_desks"_s, x.id, tr("Le guichet"));
        } else {
            ++x.version;
        }
        return m_services.audit().record(c, x.version == 1 ? u"create"_s : u"update"_s, u"accueil_desk"_s, x.id,
                                         {{u"number"_s, x.number}});
    });
    if (!tx)
        return tx.error();
    return x;
}

Result<bool> CounterSetup::installDefaults()
{
    const Session& session = m_services.session();
    if (!session.can(ids::PermCounter) && !session.can(ids::PermConfigure))
        return session.require(ids::PermCounter).error();
    bool installed = false;
    const Dialect& d = m_services.database()->dialect();
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery any(c);
        if (!any.exec(u"SELECT (SELECT COUNT(*) FROM accueil_ticket_categories) + (SELECT COUNT(*) FROM accueil_desks)"_s)
            || !any.next())
            return Database::classify(any.lastError(), tr("lecture de la configuration de l'accueil"));
        if (any.value(0).toLongLong() > 0)
            return {};
        struct Cat
        {
            const char* label;
            QChar prefix;
            const char* service;
            const char* motive;
        };
        const Cat cats[] = {
            {QT_TR_NOOP("État civil et formalités"), u'A', "etat-civil", "etat-civil"},
            {QT_TR_NOOP("Titres d'identité"), u'B', "titres-identite", "titres"},
            {QT_TR_NOOP("Action sociale et logement"), u'C', "ccas", "social"},
            {QT_TR_NOOP("Famille, école et loisirs"), u'D', "education", "education"},
            {QT_TR_NOOP("Informations et autres demandes"), u'E', nullptr, "information"},
            {QT_TR_NOOP("Rendez-vous"), u'R', nullptr, nullptr},
        };
        auto cq = sql::prepare(c, d.insertReturningId(u"accueil_ticket_categories"_s,
                                                      {u"label"_s, u"prefix"_s, u"default_service_id"_s,
                                                       u"motive_theme_id"_s, u"sort_order"_s}),
                               tr("installation des catégories de tickets"));
        if (!cq)
            return cq.error();
        int order = 0;
        for (const Cat& cat : cats) {
            cq->bindValue(u":label"_s, tr(cat.label));
            cq->bindValue(u":prefix"_s, QString(cat.prefix));
            cq->bindValue(u":default_service_id"_s,
                          sql::nullableId(cat.service ? lookupId(c, u"services"_s, QLatin1String(cat.service)) : 0));
            cq->bindValue(u":motive_theme_id"_s,
                          sql::nullableId(cat.motive ? lookupId(c, u"motive_themes"_s, QLatin1String(cat.motive)) : 0));
            cq->bindValue(u":sort_order"_s, order += 10);
            if (auto r = sql::exec(*cq, tr("installation des catégories de tickets")); !r)
                return r;
        }
        auto dq = sql::prepare(c, d.insertReturningId(u"accueil_desks"_s, {u"number"_s, u"label"_s, u"service_id"_s}),
                               tr("installation des guichets"));
        if (!dq)
            return dq.error();
        const qint64 ccas = lookupId(c, u"services"_s, u"ccas"_s);
        // Twelve counter desks, as at IRIS (twelve agents); desk 5 is the CCAS's own.
        for (int n = 1; n <= kDefaultDeskCount; ++n) {
            const bool social = n == 5 && ccas > 0;
            dq->bindValue(u":number"_s, n);
            dq->bindValue(u":label"_s, social ? tr("Guichet CCAS") : QString(u""_s));
            dq->bindValue(u":service_id"_s, sql::nullableId(social ? ccas : 0));
            if (auto r = sql::exec(*dq, tr("installation des guichets")); !r)
                return r;
        }
        installed = true;
        return m_services.audit().record(c, u"create"_s, u"accueil_setup"_s, 0, {{u"defaults"_s, true}});
    });
    if (!tx)
        return tx.error();
    return installed;
}

} // namespace iris::accueil
