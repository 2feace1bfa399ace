#pragma once

#include "core/base/Result.h"
#include "knowledgebase/sync/KbSyncConfig.h"

#include <QDateTime>
#include <QString>
#include <functional>

namespace iris::kb {

class KbStore;

/// What one sync did.
struct KbSyncOutcome
{
    enum class Kind { UpToDate, Delta, Snapshot };
    Kind kind = Kind::UpToDate;
    qint64 fromVersion = 0;
    qint64 version = 0;
    int added = 0;
    int updated = 0;
    int removed = 0;
    int requests = 0;
    qint64 bytes = 0; ///< response bodies received
    qint64 elapsedMs = 0;
    qint64 applyMs = 0; ///< of which spent in the apply transaction (indexing)
    QDateTime at; ///< UTC
};

/// One sync of a local knowledge base with an iris-kbd server:
///  1. GET /v1/manifest with the ETag of the last one (304: up to date, one small request);
///  2. check its Ed25519 signature against the configured key and refuse a version
///     lower than the local one (rollback) or a different content under the same version;
///  3. download the delta from the local version, or the snapshot when there is none
///     (first sync, version too old, or the local content was changed outside sync);
///  4. check the bundle's size and SHA-256 against the manifest, decode it;
///  5. apply it in one transaction together with the new sync state (KbSyncState).
/// Any failure returns a French Error and leaves the local file exactly as it was.
/// Blocking: run it in a worker thread (KbSyncWorker) or a command-line tool.
class KbSyncClient final
{
public:
    enum class Stage { Manifest, Download, Apply };
    using Progress = std::function<void(Stage stage, qint64 done, qint64 total)>;

    explicit KbSyncClient(KbSyncConfig config);

    /// Opens the knowledge base at `kbPath` (its own connection) and syncs it.
    Result<KbSyncOutcome> sync(const QString& kbPath, const Progress& progress = {});
    Result<KbSyncOutcome> sync(KbStore& store, const Progress& progress = {});

private:
    KbSyncConfig m_config;
};

} // namespace iris::kb
