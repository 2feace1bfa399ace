#pragma once

#include "core/base/Result.h"
#include "core/security/Session.h"

#include <memory>

namespace iris {

class Database;

/// Local agent accounts; passwords hashed with Argon2id (libsodium crypto_pwhash_str).
class AuthService
{
public:
    explicit AuthService(std::shared_ptr<Database> db);

    /// AuthenticationFailed with one French message for unknown login or wrong password
    /// (never says which); disabled accounts refused; the attempt is audited.
    Result<AgentIdentity> login(const QString& login, const QString& password) const;
    /// Sets or changes an agent's password (hash stored, never the password).
    Result<void> setPassword(qint64 agentId, const QString& password) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace iris
