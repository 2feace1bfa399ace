#include "SigningKey.h"

#include "knowledgebase/server/AtomicFile.h"
#include "knowledgebase/server/Encoding.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace iris::kbd {

SigningKey SigningKey::generate()
{
    SigningKey key;
    key.m_public.resize(crypto_sign_PUBLICKEYBYTES);
    key.m_secret.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(key.m_public.data()),
        reinterpret_cast<unsigned char*>(key.m_secret.data()));
    return key;
}

SigningKey SigningKey::loadSecret(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("impossible de lire la clé secrète « " + path + " »");
    std::stringstream text;
    text << in.rdbuf();
    SigningKey key;
    try {
        key.m_secret = fromBase64(text.str());
    } catch (const std::exception&) {
        key.m_secret.clear();
    }
    if (key.m_secret.size() != crypto_sign_SECRETKEYBYTES)
        throw std::runtime_error("« " + path + " » n'est pas une clé secrète Ed25519 (iris-kbd keygen)");
    key.m_public.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(key.m_public.data()),
        reinterpret_cast<const unsigned char*>(key.m_secret.data()));
    return key;
}

void SigningKey::save(const std::string& secretPath, const std::string& publicPath) const
{
    // O_EXCL: never silently replace a key that clients may already trust.
    const int fd = ::open(secretPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("impossible de créer « " + secretPath + " » : " + std::strerror(errno));
    const std::string text = toBase64(m_secret) + "\n";
    const bool ok
        = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(secretPath.c_str());
        throw std::runtime_error("écriture impossible de « " + secretPath + " »");
    }
    AtomicFile::write(publicPath, toBase64(m_public) + "\n");
}

std::string SigningKey::sign(std::string_view message) const
{
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
        reinterpret_cast<const unsigned char*>(message.data()), message.size(),
        reinterpret_cast<const unsigned char*>(m_secret.data()));
    return signature;
}

std::string SigningKey::keyId() const
{
    return sha256Hex(m_public).substr(0, 16);
}

bool SigningKey::verify(std::string_view message, std::string_view signature, std::string_view publicKey)
{
    if (signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
               reinterpret_cast<const unsigned char*>(message.data()), message.size(),
               reinterpret_cast<const unsigned char*>(publicKey.data()))
        == 0;
}

} // namespace iris::kbd
