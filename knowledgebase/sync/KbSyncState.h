#pragma once

#include "core/base/Result.h"
#include "knowledgebase/KbStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace iris::kb {

/// What the workstation knows of its last sync, kept in the knowledge-base file
/// itself (table kbsync_state), so it travels and rolls back with the content.
struct KbSyncStateData
{
    qint64 serverVersion = 0; ///< 0: never synced
    QString contentHash; ///< manifest's content hash for serverVersion
    QByteArray etag; ///< of the manifest that gave serverVersion
    QString server;
    QString keyId;
    QDateTime syncedAt; ///< last sync that changed or confirmed the content (UTC)
    QDateTime checkedAt; ///< last successful contact with the server (UTC)
};

/// Reads and writes the sync state, and applies a bundle so that the articles,
/// the content version and the new sync state commit in ONE transaction.
///
/// KbStore::applyChanges owns its transaction; the state rides along through a
/// TEMP trigger on kb_meta's content_version (a temp trigger may write to the main
/// database): the pending state sits in a temp table and the trigger copies it
/// into kbsync_state inside the store's transaction. A kill at any point leaves
/// either the old articles with the old state or the new ones with the new state.
class KbSyncState final
{
public:
    static Result<KbSyncStateData> load(KbStore& store);
    /// Records a successful contact that changed nothing (up to date).
    static Result<void> touch(KbStore& store, const KbSyncStateData& state);
    static Result<KbChangeReport> apply(
        KbStore& store, const KbChangeSet& changes, qint64 version, const KbSyncStateData& after);

private:
    static Result<void> ensureTable(KbStore& store);
    static Result<void> write(KbStore& store, const char* table, const KbSyncStateData& state);
};

} // namespace iris::kb
