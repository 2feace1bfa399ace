#pragma once

#include "core/base/Result.h"
#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncManifest.h"

#include <QByteArray>
#include <QString>

namespace iris::kb {

/// A downloaded bundle, checked and decoded into the changes to apply.
struct KbSyncBundle
{
    bool snapshot = false;
    qint64 from = 0;
    qint64 to = 0;
    KbChangeSet changes; ///< for a snapshot: every article, no removals (the client adds them)

    /// Checks size and SHA-256 against the signed manifest's entry *before*
    /// decompressing anything, then decodes (format in knowledgebase/server/BundleWriter.h).
    static Result<KbSyncBundle> decode(const QByteArray& bytes, const KbSyncBundleRef& ref);
};

} // namespace iris::kb
