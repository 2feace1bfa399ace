#include "VersionIndex.h"

#include "knowledgebase/server/AtomicFile.h"

#include <sodium.h>
#include <stdexcept>

namespace iris::kbd {

namespace {
constexpr const char* kHeader = "iris-kb-index/1";
}

VersionIndex VersionIndex::fromArticles(const ArticleSet& set)
{
    VersionIndex index;
    index.m_entries.reserve(set.articles().size());
    for (const PublishedArticle& a : set.articles())
        index.m_entries.emplace_back(a.id, a.hash);
    return index;
}

VersionIndex VersionIndex::load(const std::string& path)
{
    const std::string text = AtomicFile::read(path);
    VersionIndex index;
    size_t pos = text.find('\n');
    if (pos == std::string::npos || text.compare(0, pos, kHeader) != 0)
        throw std::runtime_error("index de version illisible : « " + path + " »");
    ++pos;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        const size_t tab = text.find('\t', pos);
        if (end == std::string::npos || tab == std::string::npos || tab > end)
            throw std::runtime_error("index de version tronqué : « " + path + " »");
        index.m_entries.emplace_back(text.substr(pos, tab - pos), text.substr(tab + 1, end - tab - 1));
        pos = end + 1;
    }
    return index;
}

void VersionIndex::save(const std::string& path) const
{
    std::string text = std::string(kHeader) + "\n";
    for (const Entry& e : m_entries)
        text += e.first + "\t" + e.second + "\n";
    AtomicFile::write(path, text);
}

std::string VersionIndex::contentHash() const
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (const Entry& e : m_entries) {
        const std::string line = e.first + "\t" + e.second + "\n";
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(line.data()), line.size());
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    static const char* const hex = "0123456789abcdef";
    std::string out;
    for (const unsigned char c : digest) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xf]);
    }
    return out;
}

} // namespace iris::kbd
