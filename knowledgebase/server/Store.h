#pragma once

#include "knowledgebase/server/Manifest.h"

#include <cstdint>
#include <optional>
#include <string>

namespace iris::kbd {

/// The server's store directory:
///   manifest.json                   signed envelope of the current version (the commit point)
///   public.key                      the key clients must trust (written at the first publish)
///   versions/<V>.index              hash list of each recent version (to compute deltas)
///   bundles/snapshot-<V>.bin        full content of version V
///   bundles/delta-<F>-<V>.bin       changes from F to V
///   .lock                           held by a running publish
class Store final
{
public:
    explicit Store(std::string root);

    const std::string& root() const { return m_root; }
    std::string manifestPath() const;
    std::string publicKeyPath() const;
    std::string indexPath(uint64_t version) const;
    std::string snapshotFile(uint64_t version) const;
    std::string deltaFile(uint64_t from, uint64_t to) const;
    std::string versionsDir() const;
    std::string bundlesDir() const;

    void createLayout() const;
    bool hasManifest() const;
    /// Raw 32-byte public key of the store; throws if absent or malformed.
    std::string publicKey() const;
    /// The current manifest, signature checked against the store's key; nullopt for an empty store.
    std::optional<Manifest> currentManifest() const;

private:
    std::string m_root;
};

/// Exclusive advisory lock on the store (flock), so two publishes never interleave.
class StoreLock final
{
public:
    explicit StoreLock(const Store& store); ///< throws if another publish holds it
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace iris::kbd
