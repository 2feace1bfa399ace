#include "BundleWriter.h"

#include "knowledgebase/server/CanonicalJson.h"

#include <Poco/DeflatingStream.h>
#include <sstream>
#include <stdexcept>

namespace iris::kbd {

namespace {

std::string header(const char* kind, uint64_t from, uint64_t to, uint64_t upserts, uint64_t deletes)
{
    return "{\"deletes\":" + std::to_string(deletes)
        + ",\"format\":\"iris-kb-bundle/1\",\"from\":" + std::to_string(from) + ",\"kind\":\"" + kind
        + "\",\"to\":" + std::to_string(to) + ",\"upserts\":" + std::to_string(upserts) + "}\n";
}

void appendPut(std::string& out, const PublishedArticle& a)
{
    out += "{\"article\":";
    out += a.canonical;
    out += ",\"hash\":\"";
    out += a.hash;
    out += "\",\"id\":";
    CanonicalJson::appendString(out, a.id);
    out += ",\"op\":\"put\"}\n";
}

void appendDel(std::string& out, const std::string& id)
{
    out += "{\"id\":";
    CanonicalJson::appendString(out, id);
    out += ",\"op\":\"del\"}\n";
}

// Walks both id-sorted lists once; calls put(article) / del(id) for each difference.
template<typename Put, typename Del>
void diff(const VersionIndex& from, const ArticleSet& set, Put put, Del del)
{
    const auto& old = from.entries();
    const auto& now = set.articles();
    size_t i = 0;
    size_t j = 0;
    while (i < old.size() || j < now.size()) {
        if (j == now.size() || (i < old.size() && old[i].first < now[j].id)) {
            del(old[i].first);
            ++i;
        } else if (i == old.size() || now[j].id < old[i].first) {
            put(now[j]);
            ++j;
        } else {
            if (old[i].second != now[j].hash)
                put(now[j]);
            ++i;
            ++j;
        }
    }
}

} // namespace

BundleWriter::Result BundleWriter::snapshot(const ArticleSet& set, uint64_t version)
{
    std::string raw = header("snapshot", 0, version, set.articles().size(), 0);
    for (const PublishedArticle& a : set.articles())
        appendPut(raw, a);
    Result result;
    result.rawSize = raw.size();
    result.upserts = set.articles().size();
    result.bytes = compress(raw);
    return result;
}

BundleWriter::Result BundleWriter::delta(
    const VersionIndex& from, uint64_t fromVersion, const ArticleSet& set, uint64_t version)
{
    std::string body;
    Result result;
    diff(
        from, set,
        [&](const PublishedArticle& a) {
            appendPut(body, a);
            ++result.upserts;
        },
        [&](const std::string& id) {
            appendDel(body, id);
            ++result.deletes;
        });
    std::string raw = header("delta", fromVersion, version, result.upserts, result.deletes) + body;
    result.rawSize = raw.size();
    result.bytes = compress(raw);
    return result;
}

uint64_t BundleWriter::deltaRawSize(const VersionIndex& from, const ArticleSet& set)
{
    uint64_t size = 0;
    diff(
        from, set,
        [&](const PublishedArticle& a) { size += a.canonical.size() + a.hash.size() + a.id.size() + 40; },
        [&](const std::string& id) { size += id.size() + 24; });
    return size;
}

std::string BundleWriter::compress(const std::string& raw)
{
    if (raw.size() > 0xffffffffULL)
        throw std::runtime_error("paquet trop volumineux (plus de 4 Go)");
    std::ostringstream out;
    const auto n = static_cast<uint32_t>(raw.size());
    const char prefix[4] = { static_cast<char>(n >> 24), static_cast<char>(n >> 16),
        static_cast<char>(n >> 8), static_cast<char>(n) };
    out.write(prefix, 4);
    {
        Poco::DeflatingOutputStream deflate(out, Poco::DeflatingStreamBuf::STREAM_ZLIB, 6);
        deflate.write(raw.data(), static_cast<std::streamsize>(raw.size()));
        deflate.close();
    }
    return out.str();
}

} // namespace iris::kbd
