#include "core/services/AuthService.h"

#include "core/security/PasswordHasher.h"
#include "core/services/AuditLog.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::AuthService", text);
}

// Verified when the login is unknown, so that an unknown login costs the same time as a
// wrong password and the answer time does not reveal which accounts exist.
QString decoyHash()
{
    static QMutex mutex;
    static QString hash;
    QMutexLocker lock(&mutex);
    if (hash.isEmpty()) {
        if (auto h = PasswordHasher::hash(u"iris-desk-decoy"_s))
            hash = *h;
    }
    return hash;
}

Error failed()
{
    return Error(ErrorCode::AuthenticationFailed, tr("Identifiant ou mot de passe incorrect."));
}

} // namespace

AuthService::AuthService(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{
}

Result<AgentIdentity> AuthService::login(const QString& loginText, const QString& password) const
{
    const QString login = loginText.trimmed().toLower();
    if (login.isEmpty() || password.isEmpty())
        return Error(
            ErrorCode::AuthenticationFailed, tr("Saisissez votre identifiant et votre mot de passe."));

    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.prepare(u"SELECT id, login, display_name, role, service_id, active, password_hash "
              u"FROM agents WHERE login = :login"_s);
    q.bindValue(u":login"_s, login);
    if (auto r = sql::exec(q, tr("connexion")); !r)
        return r.error();

    AgentIdentity agent;
    agent.login = login;
    const auto audit = [&](const QString& action, qint64 id, const QJsonObject& details) {
        // The attempt is traced in its own transaction; a failure to trace refuses the login.
        return m_db->transaction([&](QSqlDatabase& tx) {
            return AuditLog::recordAs(tx, *m_db, agent, action, u"agent"_s, id, details);
        });
    };

    if (!q.next()) {
        PasswordHasher::verify(decoyHash(), password);
        if (auto r = audit(u"login_failed"_s, 0, { { u"reason"_s, u"unknown_login"_s } }); !r)
            return r.error();
        return failed();
    }
    agent.id = q.value(0).toLongLong();
    agent.displayName = q.value(2).toString();
    const bool knownRole = roleFromId(q.value(3).toString(), &agent.role);
    agent.serviceId = sql::id(q.value(4));
    const bool active = q.value(5).toBool();
    const QString storedHash = q.value(6).toString();
    q.finish();

    if (storedHash.isEmpty() || !PasswordHasher::verify(storedHash, password)) {
        if (auto r = audit(u"login_failed"_s, agent.id, { { u"reason"_s, u"wrong_password"_s } }); !r)
            return r.error();
        return failed();
    }
    // Only someone who knows the password learns that the account is disabled.
    if (!active || !knownRole) {
        if (auto r = audit(u"login_refused"_s, agent.id, { { u"reason"_s, u"disabled"_s } }); !r)
            return r.error();
        return Error(ErrorCode::AuthenticationFailed,
            tr("Ce compte est désactivé. Adressez-vous à un administrateur."));
    }

    const Dialect& dialect = m_db->dialect();
    const bool rehash = PasswordHasher::needsRehash(storedHash);
    auto tx = m_db->transaction([&](QSqlDatabase& t) -> Result<void> {
        QSqlQuery u(t);
        u.prepare(rehash ? u"UPDATE agents SET last_login_at = :now, password_hash = :hash WHERE id = :id"_s
                         : u"UPDATE agents SET last_login_at = :now WHERE id = :id"_s);
        u.bindValue(u":now"_s, dialect.toDbDateTime(QDateTime::currentDateTime()));
        if (rehash) {
            auto h = PasswordHasher::hash(password);
            if (!h)
                return h.error();
            u.bindValue(u":hash"_s, *h);
        }
        u.bindValue(u":id"_s, agent.id);
        if (auto r = sql::exec(u, tr("connexion")); !r)
            return r;
        return AuditLog::recordAs(t, *m_db, agent, u"login"_s, u"agent"_s, agent.id);
    });
    if (!tx)
        return tx.error();
    return agent;
}

Result<void> AuthService::setPassword(qint64 agentId, const QString& password) const
{
    // Strength policy belongs to AgentService::resetPassword (the agent-facing path);
    // this primitive only refuses an empty password (PasswordHasher).
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        q.prepare(
            u"UPDATE agents SET password_hash = :hash, version = version + 1, updated_at = :now WHERE id = :id"_s);
        q.bindValue(u":hash"_s, *hash);
        q.bindValue(u":now"_s, m_db->dialect().toDbDateTime(QDateTime::currentDateTime()));
        q.bindValue(u":id"_s, agentId);
        if (auto r = sql::exec(q, tr("changement de mot de passe")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound, tr("Cet agent n'existe pas."));
        AgentIdentity system;
        system.login = u"systeme"_s;
        return AuditLog::recordAs(c, *m_db, system, u"password"_s, u"agent"_s, agentId);
    });
}

} // namespace iris
