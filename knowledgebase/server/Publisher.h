#pragma once

#include "knowledgebase/server/Store.h"

#include <cstdint>
#include <string>

namespace iris::kbd {

class SigningKey;

/// Makes the store's next version from a JSON Lines export.
class Publisher final
{
public:
    struct Options
    {
        /// Deltas are written from each of this many previous versions; older clients take the snapshot.
        uint64_t keepDeltas = 30;
    };

    struct Outcome
    {
        bool published = false; ///< false when the content equals the current version
        uint64_t version = 0;
        uint64_t articles = 0;
        uint64_t added = 0;
        uint64_t changed = 0;
        uint64_t deleted = 0;
        uint64_t deltasWritten = 0;
    };

    Publisher(Store store, const SigningKey& key, Options options);
    Publisher(Store store, const SigningKey& key);

    /// Throws std::runtime_error (French) without touching the current version.
    Outcome publish(const std::string& jsonlPath);

private:
    void collectGarbage(uint64_t version) const;

    Store m_store;
    const SigningKey& m_key;
    Options m_options;
};

} // namespace iris::kbd
