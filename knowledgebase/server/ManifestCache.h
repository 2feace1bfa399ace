#pragma once

#include "knowledgebase/server/Manifest.h"
#include "knowledgebase/server/Store.h"

#include <memory>
#include <mutex>
#include <string>

namespace iris::kbd {

/// The current manifest as the server serves it, reloaded when publish renames
/// a new manifest.json into place (checked by inode and mtime on each request,
/// one stat() call), so serving never needs a restart.
class ManifestCache final
{
public:
    struct Current
    {
        Manifest manifest;
        std::string envelope; ///< exact bytes served
        std::string etag; ///< quoted
    };

    explicit ManifestCache(Store store);

    /// nullptr while the store has no version yet; throws when the manifest is unreadable or its signature
    /// wrong.
    std::shared_ptr<const Current> current();
    const Store& store() const { return m_store; }

private:
    Store m_store;
    std::mutex m_mutex;
    std::shared_ptr<const Current> m_current;
    unsigned long long m_inode = 0;
    long long m_mtimeNs = 0;
    long long m_size = -1;
};

} // namespace iris::kbd
