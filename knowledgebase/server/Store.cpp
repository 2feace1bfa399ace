#include "Store.h"

#include "knowledgebase/server/AtomicFile.h"
#include "knowledgebase/server/Encoding.h"

#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <sodium.h>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>

namespace iris::kbd {

namespace {

std::string padded(uint64_t v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%08llu", static_cast<unsigned long long>(v));
    return buffer;
}

} // namespace

Store::Store(std::string root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.back() == '/')
        m_root.pop_back();
}

std::string Store::manifestPath() const
{
    return m_root + "/manifest.json";
}
std::string Store::publicKeyPath() const
{
    return m_root + "/public.key";
}
std::string Store::versionsDir() const
{
    return m_root + "/versions";
}
std::string Store::bundlesDir() const
{
    return m_root + "/bundles";
}
std::string Store::indexPath(uint64_t version) const
{
    return versionsDir() + "/" + padded(version) + ".index";
}
std::string Store::snapshotFile(uint64_t version) const
{
    return bundlesDir() + "/snapshot-" + padded(version) + ".bin";
}
std::string Store::deltaFile(uint64_t from, uint64_t to) const
{
    return bundlesDir() + "/delta-" + padded(from) + "-" + padded(to) + ".bin";
}

void Store::createLayout() const
{
    std::filesystem::create_directories(versionsDir());
    std::filesystem::create_directories(bundlesDir());
}

bool Store::hasManifest() const
{
    return std::filesystem::exists(manifestPath());
}

std::string Store::publicKey() const
{
    std::string key;
    try {
        key = fromBase64(AtomicFile::read(publicKeyPath()));
    } catch (const std::exception&) {
        key.clear();
    }
    if (key.size() != crypto_sign_PUBLICKEYBYTES)
        throw std::runtime_error("clé publique du dépôt absente ou illisible : « " + publicKeyPath() + " »");
    return key;
}

std::optional<Manifest> Store::currentManifest() const
{
    if (!hasManifest())
        return std::nullopt;
    return Manifest::fromEnvelope(AtomicFile::read(manifestPath()), publicKey());
}

StoreLock::StoreLock(const Store& store)
{
    m_fd = ::open((store.root() + "/.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (m_fd >= 0)
            ::close(m_fd);
        throw std::runtime_error("une autre publication est en cours sur « " + store.root() + " »");
    }
}

StoreLock::~StoreLock()
{
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace iris::kbd
