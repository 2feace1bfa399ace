#pragma once

#include <string>
#include <string_view>

namespace iris::kbd {

/// An Ed25519 key pair (libsodium). Key files hold one line of base64: the
/// 32-byte public key, or the 64-byte secret key (seed + public key).
class SigningKey final
{
public:
    static SigningKey generate();
    /// Reads a secret key file; throws std::runtime_error with a French message.
    static SigningKey loadSecret(const std::string& path);

    /// Writes the secret file (mode 0600, refuses to overwrite) and the public file.
    void save(const std::string& secretPath, const std::string& publicPath) const;

    std::string sign(std::string_view message) const; ///< 64-byte detached signature
    const std::string& publicKey() const { return m_public; }
    /// Short key identifier shown in manifests and logs: first 16 hex digits of SHA-256(public key).
    std::string keyId() const;

    static bool verify(std::string_view message, std::string_view signature, std::string_view publicKey);

private:
    std::string m_secret;
    std::string m_public;
};

} // namespace iris::kbd
