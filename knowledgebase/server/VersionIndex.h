#pragma once

#include "knowledgebase/server/ArticleSet.h"

#include <string>
#include <utility>
#include <vector>

namespace iris::kbd {

/// The hash list of one published version: (id, article hash) sorted by id.
/// Its digest, the content hash, is what the signed manifest commits to and
/// what a client recomputes from its own copy after applying a bundle.
class VersionIndex final
{
public:
    using Entry = std::pair<std::string, std::string>;

    static VersionIndex fromArticles(const ArticleSet& set);
    static VersionIndex load(const std::string& path);
    void save(const std::string& path) const;

    const std::vector<Entry>& entries() const { return m_entries; }
    /// SHA-256 over the lines "id\thash\n" in id order.
    std::string contentHash() const;

private:
    std::vector<Entry> m_entries;
};

} // namespace iris::kbd
