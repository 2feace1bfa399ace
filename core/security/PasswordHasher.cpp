#include "core/security/PasswordHasher.h"

#include <QByteArray>
#include <QCoreApplication>
#include <algorithm>
#include <iterator>
#include <sodium.h>

namespace iris {

namespace {

bool sodiumReady()
{
    // sodium_init() is thread-safe and idempotent; a magic static calls it once.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

struct Limits
{
    unsigned long long ops;
    size_t mem;
};

Limits limitsFor(PasswordHasher::Strength strength)
{
    switch (strength) {
    case PasswordHasher::Strength::Interactive:
        return { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
    case PasswordHasher::Strength::Moderate:
        return { crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE };
    }
    return { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

// UTF-8 copy of the password, wiped from memory when it goes out of scope.
class SecretBytes final
{
public:
    explicit SecretBytes(const QString& text)
        : m_bytes(text.toUtf8())
    {
    }
    ~SecretBytes() { sodium_memzero(m_bytes.data(), size_t(m_bytes.size())); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    const char* data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

// The stored hash as a NUL-terminated buffer of the size libsodium expects; false when
// it cannot be an Argon2id string.
bool toHashBuffer(const QString& storedHash, char (&buffer)[crypto_pwhash_STRBYTES])
{
    const QByteArray ascii = storedHash.toLatin1();
    if (ascii.isEmpty() || ascii.size() >= qsizetype(crypto_pwhash_STRBYTES)
        || !ascii.startsWith(crypto_pwhash_argon2id_STRPREFIX))
        return false;
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    std::copy(ascii.cbegin(), ascii.cend(), buffer);
    return true;
}

} // namespace

Result<QString> PasswordHasher::hash(const QString& password, Strength strength)
{
    if (password.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Le mot de passe ne peut pas être vide."));
    if (!sodiumReady())
        return Error(ErrorCode::IoError, tr("La bibliothèque de chiffrement n'a pas pu être initialisée."));
    const Limits limits = limitsFor(strength);
    const SecretBytes secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, secret.data(), secret.size(), limits.ops, limits.mem, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return Error(
            ErrorCode::IoError, tr("Le mot de passe n'a pas pu être chiffré (mémoire insuffisante)."));
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& storedHash, const QString& password)
{
    char buffer[crypto_pwhash_STRBYTES];
    if (!sodiumReady() || !toHashBuffer(storedHash, buffer))
        return false;
    const SecretBytes secret(password);
    return crypto_pwhash_str_verify(buffer, secret.data(), secret.size()) == 0;
}

bool PasswordHasher::needsRehash(const QString& storedHash, Strength strength)
{
    char buffer[crypto_pwhash_STRBYTES];
    if (!sodiumReady() || !toHashBuffer(storedHash, buffer))
        return true;
    const Limits limits = limitsFor(strength);
    return crypto_pwhash_str_needs_rehash(buffer, limits.ops, limits.mem) != 0;
}

} // namespace iris
