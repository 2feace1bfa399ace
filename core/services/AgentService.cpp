#include "core/services/AgentService.h"

#include "core/base/ValidationErrors.h"
#include "core/security/PasswordHasher.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

const QString kColumns
    = u"id, version, login, display_name, role, service_id, active, last_login_at, created_at, updated_at"_s;

Agent readAgent(const QSqlQuery& q, const Dialect& dialect)
{
    Agent a;
    a.id = q.value(0).toLongLong();
    a.version = q.value(1).toInt();
    a.login = q.value(2).toString();
    a.displayName = q.value(3).toString();
    roleFromId(q.value(4).toString(), &a.role);
    a.serviceId = sql::id(q.value(5));
    a.active = q.value(6).toBool();
    a.lastLoginAt = dialect.fromDbDateTime(q.value(7));
    a.createdAt = dialect.fromDbDateTime(q.value(8));
    a.updatedAt = dialect.fromDbDateTime(q.value(9));
    return a;
}

} // namespace

AgentService::AgentService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

QString AgentService::passwordProblem(const QString& password)
{
    if (password.size() < kMinPasswordLength)
        return tr("Le mot de passe doit compter au moins %1 caractères.").arg(kMinPasswordLength);
    if (password.trimmed().isEmpty())
        return tr("Le mot de passe ne peut pas être fait uniquement d'espaces.");
    return {};
}

Result<QList<Agent>> AgentService::select(const QString& where, const QVariantMap& binds) const
{
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(
        c, QString(u"SELECT "_s + kColumns + u" FROM agents "_s + where), tr("lecture des agents"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture des agents")); !r)
        return r.error();
    QList<Agent> out;
    while (q->next())
        out.append(readAgent(*q, m_db->dialect()));
    return out;
}

Result<Agent> AgentService::get(qint64 id) const
{
    auto rows = select(u"WHERE id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Cet agent n'existe pas."));
    return rows->first();
}

Result<Agent> AgentService::findByLogin(const QString& login) const
{
    auto rows = select(u"WHERE login = :login"_s, { { u":login"_s, login.trimmed().toLower() } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Aucun agent n'a l'identifiant « %1 ».").arg(login));
    return rows->first();
}

Result<QList<Agent>> AgentService::list(bool includeInactive) const
{
    return select(
        includeInactive ? u"ORDER BY display_name, id"_s : u"WHERE active = TRUE ORDER BY display_name, id"_s, {});
}

Result<QList<Agent>> AgentService::listByService(qint64 serviceId) const
{
    return select(
        u"WHERE service_id = :s AND active = TRUE ORDER BY display_name, id"_s, { { u":s"_s, serviceId } });
}

Result<Agent> AgentService::validated(const Agent& input) const
{
    Agent a = input;
    ValidationErrors errors;
    a.login = a.login.trimmed().toLower();
    static const QRegularExpression loginPattern(u"^[a-z0-9][a-z0-9._-]{1,39}$"_s);
    if (!loginPattern.match(a.login).hasMatch())
        errors.add(u"login"_s,
            tr("L'identifiant doit compter de 2 à 40 caractères : lettres sans accent, chiffres, "
               "point, tiret ou souligné."));
    a.displayName = a.displayName.simplified();
    if (a.displayName.isEmpty() || a.displayName.size() > 80)
        errors.add(u"displayName"_s, tr("Le nom affiché est obligatoire (80 caractères au plus)."));
    if (a.serviceId > 0) {
        QSqlDatabase c = m_db->connection();
        QSqlQuery q(c);
        q.prepare(u"SELECT 1 FROM services WHERE id = :id"_s);
        q.bindValue(u":id"_s, a.serviceId);
        if (!q.exec() || !q.next())
            errors.add(u"serviceId"_s, tr("Le service de rattachement n'existe pas dans l'annuaire."));
    }
    if (!errors.isEmpty())
        return errors.toError();
    return a;
}

Result<Agent> AgentService::create(const Agent& input, const QString& password)
{
    if (auto r = m_session.require(perm::AgentManage); !r)
        return r.error();
    auto valid = validated(input);
    if (!valid)
        return valid.error();
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Error::validation({ { u"password"_s, problem } });
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    Agent a = *valid;
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = m_now();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery dup(c);
        dup.prepare(u"SELECT 1 FROM agents WHERE login = :login"_s);
        dup.bindValue(u":login"_s, a.login);
        if (auto r = sql::exec(dup, tr("création du compte")); !r)
            return r;
        if (dup.next())
            return Error(ErrorCode::Duplicate, tr("L'identifiant « %1 » est déjà utilisé.").arg(a.login),
                { { u"login"_s, tr("Cet identifiant est déjà pris par un autre agent.") } });
        auto q = sql::prepare(c,
            dialect.insertReturningId(u"agents"_s,
                { u"login"_s, u"display_name"_s, u"role"_s, u"service_id"_s, u"active"_s, u"password_hash"_s,
                    u"created_at"_s, u"updated_at"_s }),
            tr("création du compte"));
        if (!q)
            return q.error();
        q->bindValue(u":login"_s, a.login);
        q->bindValue(u":display_name"_s, a.displayName);
        q->bindValue(u":role"_s, roleId(a.role));
        q->bindValue(u":service_id"_s, sql::nullableId(a.serviceId));
        q->bindValue(u":active"_s, a.active);
        q->bindValue(u":password_hash"_s, *hash);
        q->bindValue(u":created_at"_s, dialect.toDbDateTime(now));
        q->bindValue(u":updated_at"_s, dialect.toDbDateTime(now));
        if (auto r = sql::exec(*q, tr("création du compte")); !r)
            return r;
        a.id = dialect.insertedId(*q);
        a.version = 1;
        a.createdAt = a.updatedAt = now;
        return m_audit.record(
            c, u"create"_s, u"agent"_s, a.id, { { u"login"_s, a.login }, { u"role"_s, roleId(a.role) } });
    });
    if (!tx)
        return tx.error();
    return a;
}

Result<Agent> AgentService::update(const Agent& input)
{
    if (auto r = m_session.require(perm::AgentManage); !r)
        return r.error();
    auto valid = validated(input);
    if (!valid)
        return valid.error();
    Agent a = *valid;
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = m_now();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery cur(c);
        cur.prepare(u"SELECT login, role, active FROM agents WHERE id = :id"_s);
        cur.bindValue(u":id"_s, a.id);
        if (auto r = sql::exec(cur, tr("modification du compte")); !r)
            return r;
        if (!cur.next())
            return Error(ErrorCode::NotFound, tr("Cet agent n'existe pas."));
        if (cur.value(0).toString() != a.login)
            return Error::validation(
                { { u"login"_s, tr("L'identifiant d'un compte ne peut pas être changé.") } });
        const bool wasActiveAdmin
            = cur.value(1).toString() == roleId(Role::Administrateur) && cur.value(2).toBool();
        const bool staysActiveAdmin = a.role == Role::Administrateur && a.active;
        if (wasActiveAdmin && !staysActiveAdmin) {
            QSqlQuery admins(c);
            admins.prepare(u"SELECT COUNT(*) FROM agents WHERE role = :role AND active = TRUE AND id <> :id"_s);
            admins.bindValue(u":role"_s, roleId(Role::Administrateur));
            admins.bindValue(u":id"_s, a.id);
            if (auto r = sql::exec(admins, tr("modification du compte")); !r)
                return r;
            if (admins.next() && admins.value(0).toInt() == 0)
                return Error(ErrorCode::Conflict,
                    tr("C'est le dernier administrateur actif : il ne peut être ni "
                       "désactivé ni changer de rôle."));
        }
        auto q = sql::prepare(c,
            u"UPDATE agents SET version = version + 1, display_name = :name, role = :role, "
            u"service_id = :service, active = :active, updated_at = :now "
            u"WHERE id = :id AND version = :version"_s,
            tr("modification du compte"));
        if (!q)
            return q.error();
        q->bindValue(u":name"_s, a.displayName);
        q->bindValue(u":role"_s, roleId(a.role));
        q->bindValue(u":service"_s, sql::nullableId(a.serviceId));
        q->bindValue(u":active"_s, a.active);
        q->bindValue(u":now"_s, dialect.toDbDateTime(now));
        q->bindValue(u":id"_s, a.id);
        q->bindValue(u":version"_s, a.version);
        if (auto r = sql::exec(*q, tr("modification du compte")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"agents"_s, a.id, tr("Le compte « %1 »").arg(a.login));
        return m_audit.record(
            c, u"update"_s, u"agent"_s, a.id, { { u"role"_s, roleId(a.role) }, { u"active"_s, a.active } });
    });
    if (!tx)
        return tx.error();
    return get(a.id);
}

Result<Agent> AgentService::setActive(qint64 id, int version, bool active)
{
    auto current = get(id);
    if (!current)
        return current.error();
    Agent a = *current;
    a.version = version;
    a.active = active;
    return update(a);
}

Result<void> AgentService::resetPassword(qint64 id, const QString& password)
{
    const bool own = id == m_session.agent().id && id > 0;
    if (!own) {
        if (auto r = m_session.require(perm::AgentManage); !r)
            return r;
    }
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Error::validation({ { u"password"_s, problem } });
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    const Dialect& dialect = m_db->dialect();
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        q.prepare(
            u"UPDATE agents SET password_hash = :hash, version = version + 1, updated_at = :now WHERE id = :id"_s);
        q.bindValue(u":hash"_s, *hash);
        q.bindValue(u":now"_s, dialect.toDbDateTime(m_now()));
        q.bindValue(u":id"_s, id);
        if (auto r = sql::exec(q, tr("changement de mot de passe")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound, tr("Cet agent n'existe pas."));
        return m_audit.record(c, u"password"_s, u"agent"_s, id, {});
    });
}

} // namespace iris
