#include "Publisher.h"

#include "knowledgebase/server/AtomicFile.h"
#include "knowledgebase/server/BundleWriter.h"
#include "knowledgebase/server/Encoding.h"
#include "knowledgebase/server/SigningKey.h"
#include "knowledgebase/server/VersionIndex.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace iris::kbd {

namespace fs = std::filesystem;

Publisher::Publisher(Store store, const SigningKey& key, Options options)
    : m_store(std::move(store))
    , m_key(key)
    , m_options(options)
{
}

Publisher::Publisher(Store store, const SigningKey& key)
    : Publisher(std::move(store), key, Options {})
{
}

Publisher::Outcome Publisher::publish(const std::string& jsonlPath)
{
    m_store.createLayout();
    StoreLock lock(m_store);

    if (fs::exists(m_store.publicKeyPath())) {
        if (m_store.publicKey() != m_key.publicKey())
            throw std::runtime_error("cette clé secrète ne correspond pas à la clé publique du dépôt ("
                + m_store.publicKeyPath() + ")");
    } else {
        AtomicFile::write(m_store.publicKeyPath(), toBase64(m_key.publicKey()) + "\n");
    }

    const std::optional<Manifest> current = m_store.currentManifest();
    const ArticleSet set = ArticleSet::fromJsonLinesFile(jsonlPath);
    const VersionIndex index = VersionIndex::fromArticles(set);

    Outcome outcome;
    outcome.articles = set.articles().size();
    const std::string contentHash = index.contentHash();
    if (current && current->contentHash == contentHash) {
        outcome.version = current->version;
        return outcome;
    }

    const uint64_t version = current ? current->version + 1 : 1;
    Manifest manifest;
    manifest.version = version;
    manifest.articles = set.articles().size();
    manifest.contentHash = contentHash;
    manifest.published
        = Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);
    manifest.keyId = m_key.keyId();

    index.save(m_store.indexPath(version));

    const BundleWriter::Result snap = BundleWriter::snapshot(set, version);
    AtomicFile::write(m_store.snapshotFile(version), snap.bytes);
    manifest.snapshot = BundleEntry { 0, version, Manifest::snapshotPath(version), sha256Hex(snap.bytes),
        snap.bytes.size(), snap.rawSize, snap.upserts, 0 };

    // A delta from each recent version, newest first, unless it would weigh more
    // than half the snapshot: then the snapshot is the better download.
    const uint64_t oldest = version > m_options.keepDeltas ? version - m_options.keepDeltas : 1;
    for (uint64_t from = version - 1; from >= oldest && from > 0; --from) {
        if (!fs::exists(m_store.indexPath(from)))
            continue;
        const VersionIndex old = VersionIndex::load(m_store.indexPath(from));
        if (from == version - 1) {
            const BundleWriter::Result d = BundleWriter::delta(old, from, set, version);
            outcome.deleted = d.deletes;
            uint64_t added = 0;
            for (const PublishedArticle& a : set.articles()) {
                const auto it = std::lower_bound(old.entries().begin(), old.entries().end(), a.id,
                    [](const VersionIndex::Entry& e, const std::string& id) { return e.first < id; });
                if (it == old.entries().end() || it->first != a.id)
                    ++added;
            }
            outcome.added = added;
            outcome.changed = d.upserts - added;
        }
        if (BundleWriter::deltaRawSize(old, set) * 2 > snap.rawSize)
            continue;
        const BundleWriter::Result d = BundleWriter::delta(old, from, set, version);
        AtomicFile::write(m_store.deltaFile(from, version), d.bytes);
        manifest.deltas.push_back(BundleEntry { from, version, Manifest::deltaPath(from, version),
            sha256Hex(d.bytes), d.bytes.size(), d.rawSize, d.upserts, d.deletes });
        ++outcome.deltasWritten;
    }
    if (!current)
        outcome.added = set.articles().size();

    // The commit point: until this rename, clients and the next publish see the previous version.
    AtomicFile::write(m_store.manifestPath(), manifest.signedEnvelope(m_key));

    collectGarbage(version);
    outcome.published = true;
    outcome.version = version;
    return outcome;
}

void Publisher::collectGarbage(uint64_t version) const
{
    // Bundles leading to the previous version stay for clients that fetched its
    // manifest just before this publish; anything older goes.
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_store.bundlesDir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) {
            fs::remove(entry.path(), ec);
            continue;
        }
        const size_t dash = name.rfind('-');
        const size_t dot = name.rfind(".bin");
        if (dash == std::string::npos || dot == std::string::npos || dot < dash)
            continue;
        const uint64_t to = std::strtoull(name.substr(dash + 1, dot - dash - 1).c_str(), nullptr, 10);
        if (to + 1 < version)
            fs::remove(entry.path(), ec);
    }
    for (const auto& entry : fs::directory_iterator(m_store.root(), ec)) {
        if (entry.path().filename().string().find(".tmp-") != std::string::npos)
            fs::remove(entry.path(), ec); // left by an interrupted publish
    }
    for (const auto& entry : fs::directory_iterator(m_store.versionsDir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) {
            fs::remove(entry.path(), ec);
            continue;
        }
        const uint64_t v = std::strtoull(name.c_str(), nullptr, 10);
        if (v + m_options.keepDeltas < version)
            fs::remove(entry.path(), ec);
    }
}

} // namespace iris::kbd
