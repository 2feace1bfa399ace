#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>

namespace iris {

/// Argon2id password hashing (libsodium crypto_pwhash_str*). The stored string is
/// self-describing ("$argon2id$v=19$m=65536,t=2,p=1$salt$hash"): algorithm, limits and a
/// random salt are inside, so two hashes of the same password differ and older hashes
/// keep verifying after the limits are raised (needsRehash() then says to re-hash at the
/// next successful login). Thread-safe; libsodium is initialised once on first use.
class PasswordHasher final
{
    Q_DECLARE_TR_FUNCTIONS(iris::PasswordHasher)

public:
    PasswordHasher() = delete;

    /// libsodium "interactive" limits: 2 passes over 64 MiB (~0.1 s on a desktop).
    enum class Strength {
        Interactive, ///< agents logging in at the counter (default)
        Moderate, ///< 3 passes over 256 MiB, for an administrator account if wanted
    };

    /// The Argon2id string to store. Fails (IoError, French message) only when libsodium
    /// cannot be initialised or memory cannot be allocated. An empty password is refused
    /// (InvalidArgument).
    static Result<QString> hash(const QString& password, Strength strength = Strength::Interactive);
    /// True when `password` matches `storedHash`; false for a wrong password or a hash that
    /// is not an Argon2id string. Constant-time comparison inside libsodium.
    static bool verify(const QString& storedHash, const QString& password);
    /// True when `storedHash` was made with other limits than `strength` (or another
    /// algorithm, or is unreadable): re-hash the password after the next successful login.
    static bool needsRehash(const QString& storedHash, Strength strength = Strength::Interactive);
};

} // namespace iris
