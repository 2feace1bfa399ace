#pragma once

#include "knowledgebase/server/ArticleSet.h"
#include "knowledgebase/server/VersionIndex.h"

#include <cstdint>
#include <string>

namespace iris::kbd {

/// Builds a bundle: what a client downloads to go from one version to another.
///
/// Uncompressed form, JSON Lines (canonical JSON on every line):
///   {"deletes":D,"format":"iris-kb-bundle/1","from":F,"kind":"delta"|"snapshot","to":V,"upserts":U}
///   {"article":{...},"hash":"<sha256 of the article's canonical JSON>","id":"…","op":"put"}
///   {"id":"…","op":"del"}
/// A snapshot has from = 0 and only "put" lines. On the wire the bundle is
/// zlib-compressed behind a 4-byte big-endian uncompressed length (the layout
/// Qt's qUncompress reads). Its SHA-256 (of the compressed bytes, as served) is
/// listed in the signed manifest, so a client checks it before decompressing.
class BundleWriter final
{
public:
    struct Result
    {
        std::string bytes; ///< compressed, as written and served
        uint64_t rawSize = 0;
        uint64_t upserts = 0;
        uint64_t deletes = 0;
    };

    static Result snapshot(const ArticleSet& set, uint64_t version);
    /// Everything that changed from `from` (its hash list) to `set`.
    static Result delta(
        const VersionIndex& from, uint64_t fromVersion, const ArticleSet& set, uint64_t version);
    /// Size of the uncompressed delta, to decide cheaply whether it is worth writing.
    static uint64_t deltaRawSize(const VersionIndex& from, const ArticleSet& set);

    static std::string compress(const std::string& raw);
};

} // namespace iris::kbd
