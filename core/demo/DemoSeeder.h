#pragma once

#include "core/base/Result.h"

#include <QString>

#include <functional>
#include <memory>

namespace iris {

class Database;

/// What to generate. Deterministic for a given seed.
struct DemoSeedOptions
{
    int citizens = 2000;
    int contacts = 10000;
    quint64 seed = 1;
    bool withReferenceData = true;  ///< services directory, motive themes, demo agents
};

struct DemoSeedReport
{
    int citizens = 0;
    int households = 0;
    int contacts = 0;
    int dossiers = 0;
    int agents = 0;
    qint64 elapsedMs = 0;
};

/// Fills a migrated database with realistic synthetic French data: households,
/// phones, e-mails, addresses on real street names of Issy-les-Moulineaux, contacts
/// over two years on every channel, and the demo agents (documented passwords).
class DemoSeeder
{
public:
    explicit DemoSeeder(std::shared_ptr<Database> db);
    /// progress(done, total) may be called from this thread; return false to cancel.
    Result<DemoSeedReport> seed(const DemoSeedOptions& options,
                                const std::function<bool(qint64, qint64)>& progress = {}) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace iris
