#include "modules/accueil/mail/ReplyTemplateStore.h"

#include "core/base/ValidationErrors.h"
#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kColumns = u"id, version, code, label, subject, body, sort_order, created_at, updated_at"_s;
const QString kEntity = u"accueil_reply_template"_s;
} // namespace

ReplyTemplateStore::ReplyTemplateStore(CoreServices& services)
    : m_services(services)
{
}

Result<void> ReplyTemplateStore::mayRead() const
{
    const Session& s = m_services.session();
    if (s.can(ids::PermMail) || s.can(ids::PermConfigure))
        return {};
    return s.require(ids::PermMail);
}

Result<QList<ReplyTemplate>> ReplyTemplateStore::select(const QString& where, const QVariantMap& binds) const
{
    if (auto r = mayRead(); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    const QString context = tr("lecture des modèles de réponse");
    auto q = sql::prepare(c,
        u"SELECT %1 FROM accueil_reply_templates %2 ORDER BY sort_order, label"_s.arg(kColumns, where),
        context);
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, context); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    QList<ReplyTemplate> out;
    while (q->next()) {
        ReplyTemplate t;
        t.id = q->value(0).toLongLong();
        t.version = q->value(1).toInt();
        t.code = q->value(2).toString();
        t.label = q->value(3).toString();
        t.subject = q->value(4).toString();
        t.body = q->value(5).toString();
        t.sortOrder = q->value(6).toInt();
        t.createdAt = d.fromDbDateTime(q->value(7));
        t.updatedAt = d.fromDbDateTime(q->value(8));
        out << t;
    }
    return out;
}

Result<QList<ReplyTemplate>> ReplyTemplateStore::list() const
{
    return select({}, {});
}

Result<ReplyTemplate> ReplyTemplateStore::get(qint64 id) const
{
    const auto rows = select(u"WHERE id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce modèle de réponse n'existe plus."));
    return rows->first();
}

Result<ReplyTemplate> ReplyTemplateStore::findByCode(const QString& code) const
{
    const auto rows = select(u"WHERE code = :code"_s, { { u":code"_s, code } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Le modèle de réponse « %1 » n'existe pas.").arg(code));
    return rows->first();
}

Result<ReplyTemplate> ReplyTemplateStore::validated(const ReplyTemplate& value) const
{
    ReplyTemplate t = value;
    t.label = t.label.simplified();
    t.subject = t.subject.simplified();
    ValidationErrors errors;
    if (t.label.isEmpty())
        errors.add(u"label"_s, tr("Donnez un nom au modèle."));
    if (t.subject.isEmpty())
        errors.add(u"subject"_s, tr("L'objet du modèle est vide."));
    if (t.body.trimmed().isEmpty())
        errors.add(u"body"_s, tr("Le texte du modèle est vide."));
    if (!t.label.isEmpty()) {
        QSqlDatabase c = m_services.database()->connection();
        QSqlQuery q(c);
        q.prepare(u"SELECT COUNT(*) FROM accueil_reply_templates WHERE label = :label AND id <> :id"_s);
        q.bindValue(u":label"_s, t.label);
        q.bindValue(u":id"_s, t.id);
        if (q.exec() && q.next() && q.value(0).toInt() > 0)
            errors.add(u"label"_s, tr("Un modèle s'appelle déjà « %1 ».").arg(t.label));
    }
    if (!errors.isEmpty())
        return errors.toError();
    return t;
}

Result<ReplyTemplate> ReplyTemplateStore::create(const ReplyTemplate& value)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    Result<ReplyTemplate> v = validated(value);
    if (!v)
        return v.error();
    ReplyTemplate t = *v;
    const Dialect& d = m_services.database()->dialect();
    const QString context = tr("enregistrement du modèle de réponse");
    const Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto q = sql::prepare(c,
            u"INSERT INTO accueil_reply_templates (code, label, subject, body, sort_order, created_at, "
            u"updated_at) VALUES (:code, :label, :subject, :body, :sort, :now, :now2)"_s + d.returningId(),
            context);
        if (!q)
            return q.error();
        q->bindValue(u":code"_s, sql::nullableText(t.code));
        q->bindValue(u":label"_s, t.label);
        q->bindValue(u":subject"_s, t.subject);
        q->bindValue(u":body"_s, t.body);
        q->bindValue(u":sort"_s, t.sortOrder);
        q->bindValue(u":now"_s, d.toDbDateTime(m_now()));
        q->bindValue(u":now2"_s, d.toDbDateTime(m_now()));
        if (auto r = sql::exec(*q, context); !r)
            return r;
        t.id = d.insertedId(*q);
        return m_services.audit().record(c, u"create"_s, kEntity, t.id, { { u"label"_s, t.label } });
    });
    if (!tx)
        return tx.error();
    return get(t.id);
}

Result<ReplyTemplate> ReplyTemplateStore::update(const ReplyTemplate& value)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    Result<ReplyTemplate> v = validated(value);
    if (!v)
        return v.error();
    const ReplyTemplate& t = *v;
    const Dialect& d = m_services.database()->dialect();
    const QString context = tr("enregistrement du modèle de réponse");
    const Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto q = sql::prepare(c,
            u"UPDATE accueil_reply_templates SET label = :label, subject = :subject, body = :body, "
            u"sort_order = :sort, updated_at = :now, version = version + 1 "
            u"WHERE id = :id AND version = :version"_s,
            context);
        if (!q)
            return q.error();
        q->bindValue(u":label"_s, t.label);
        q->bindValue(u":subject"_s, t.subject);
        q->bindValue(u":body"_s, t.body);
        q->bindValue(u":sort"_s, t.sortOrder);
        q->bindValue(u":now"_s, d.toDbDateTime(m_now()));
        q->bindValue(u":id"_s, t.id);
        q->bindValue(u":version"_s, t.version);
        if (auto r = sql::exec(*q, context); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_reply_templates"_s, t.id, tr("ce modèle de réponse"));
        return m_services.audit().record(c, u"update"_s, kEntity, t.id, { { u"label"_s, t.label } });
    });
    if (!tx)
        return tx.error();
    return get(t.id);
}

Result<void> ReplyTemplateStore::remove(qint64 id, int version)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    const QString context = tr("suppression du modèle de réponse");
    return m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto q = sql::prepare(
            c, u"DELETE FROM accueil_reply_templates WHERE id = :id AND version = :version"_s, context);
        if (!q)
            return q.error();
        q->bindValue(u":id"_s, id);
        q->bindValue(u":version"_s, version);
        if (auto r = sql::exec(*q, context); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"accueil_reply_templates"_s, id, tr("ce modèle de réponse"));
        return m_services.audit().record(c, u"delete"_s, kEntity, id);
    });
}

} // namespace iris::accueil
