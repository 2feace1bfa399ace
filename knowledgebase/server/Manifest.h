#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace iris::kbd {

class SigningKey;

/// One downloadable bundle as the manifest lists it.
struct BundleEntry
{
    uint64_t from = 0; ///< 0 for the snapshot
    uint64_t to = 0;
    std::string path; ///< URL path, e.g. /v1/delta/4/5
    std::string sha256; ///< of the compressed bytes served
    uint64_t bytes = 0;
    uint64_t rawBytes = 0;
    uint64_t upserts = 0;
    uint64_t deletes = 0;
};

/// The description of the current version, signed with Ed25519.
///
/// The signed bytes are the manifest's canonical JSON; the file served is the
/// envelope {"format":"iris-kb-signed/1","keyId":…,"manifest":"<those bytes as a
/// JSON string>","signature":"<base64>"} so a client verifies exactly the bytes
/// the server signed, without re-serialising anything.
class Manifest final
{
public:
    uint64_t version = 0;
    uint64_t articles = 0;
    std::string contentHash; ///< digest of the version's hash list (VersionIndex::contentHash)
    std::string published; ///< UTC, ISO 8601
    std::string keyId;
    BundleEntry snapshot;
    std::vector<BundleEntry> deltas; ///< from earlier versions to `version`

    std::string canonical() const;
    std::string signedEnvelope(const SigningKey& key) const;

    /// Parses an envelope and checks its signature; throws std::runtime_error.
    static Manifest fromEnvelope(const std::string& envelope, const std::string& publicKey);

    const BundleEntry* deltaFrom(uint64_t fromVersion) const;
    static std::string deltaPath(uint64_t from, uint64_t to);
    static std::string snapshotPath(uint64_t version);
};

} // namespace iris::kbd
