#pragma once

#include "core/base/Result.h"
#include "knowledgebase/KbJsonlReader.h"
#include "knowledgebase/KbStore.h"

class QIODevice;

namespace iris::kb {

struct KbImportReport
{
    int lines = 0;
    QList<ImportIssue> issues; ///< malformed lines, skipped
    KbChangeReport changes;
};

/// Imports JSON Lines into a store: every valid line in one transaction, malformed
/// lines reported with their numbers and skipped; an article whose content did not
/// change is left alone, so importing the same file twice changes nothing.
class KbImporter final
{
public:
    static Result<KbImportReport> importFile(KbStore& store, const QString& path);
    static Result<KbImportReport> importDevice(KbStore& store, QIODevice& device);
    /// The project's own articles (resources/kb/demo-articles.jsonl).
    static Result<KbImportReport> importDemoContent(KbStore& store);
    /// Opens (creating if needed) the knowledge base at `path` and, when it has no
    /// article yet, loads the demo content. Used on the app's first start.
    static Result<KbImportReport> ensureSeeded(const QString& path);
};

} // namespace iris::kb
