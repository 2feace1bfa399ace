#include "ManifestCache.h"

#include "knowledgebase/server/AtomicFile.h"
#include "knowledgebase/server/Encoding.h"

#include <sys/stat.h>

namespace iris::kbd {

ManifestCache::ManifestCache(Store store)
    : m_store(std::move(store))
{
}

std::shared_ptr<const ManifestCache::Current> ManifestCache::current()
{
    struct stat st
    {
    };
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (::stat(m_store.manifestPath().c_str(), &st) != 0) {
        m_current.reset();
        m_size = -1;
        return nullptr;
    }
    const long long mtime = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    if (m_current && st.st_ino == m_inode && mtime == m_mtimeNs && st.st_size == m_size)
        return m_current;
    auto next = std::make_shared<Current>();
    next->envelope = AtomicFile::read(m_store.manifestPath());
    next->manifest = Manifest::fromEnvelope(next->envelope, m_store.publicKey());
    next->etag = "\"m" + std::to_string(next->manifest.version) + "-"
        + sha256Hex(next->envelope).substr(0, 16) + "\"";
    m_current = std::move(next);
    m_inode = st.st_ino;
    m_mtimeNs = mtime;
    m_size = st.st_size;
    return m_current;
}

} // namespace iris::kbd
