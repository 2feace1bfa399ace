#pragma once

#include "core/base/Result.h"
#include "knowledgebase/KbConnection.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace iris::kb {

class FrenchAnalyzer;
class KbVocabulary;

struct KbSearchOptions
{
    int limit = 10;
    /// The last word is completed as a prefix (as-you-type), unless the text ends
    /// with a space.
    bool typing = true;
};

/// One result. `snippet` marks matched words with SnippetStart / SnippetEnd.
struct KbSearchHit
{
    qint64 rowId = 0;
    QString uid;
    QString url;
    QString title;
    QString section;
    QString ownerService;
    QString snippet;
    double score = 0; ///< higher is better
    QDate updated;
    QDate reviewBy;

    static constexpr QChar SnippetStart = QChar(0x0002);
    static constexpr QChar SnippetEnd = QChar(0x0003);
    /// The snippet as safe HTML: text escaped, matches in <mark>.
    QString snippetHtml() const;
    /// The snippet as plain text.
    QString snippetText() const;
};

struct KbSearchResult
{
    QList<KbSearchHit> hits;
    QString normalizedQuery; ///< folded words (for feedback)
    QStringList corrections; ///< "creshe → creche"
};

/// Searches one knowledge base: builds the query plan (French analysis, synonyms,
/// typo fixes, completion), runs it on FTS5 with the iris_rank function, and returns
/// highlighted snippets. Small candidate sets are ranked in full; when the words are
/// common enough to match thousands of pages, the pages holding every word (or, for a
/// single word, naming it in their title, summary or tags) are ranked first and kept
/// when they fill the page — measured by kb_bench. Owns its connection: create one per
/// thread. Reloads its term statistics and synonyms when another connection changes them.
class KbSearcher final
{
public:
    ~KbSearcher();
    KbSearcher(const KbSearcher&) = delete;
    KbSearcher& operator=(const KbSearcher&) = delete;

    static Result<std::unique_ptr<KbSearcher>> open(const QString& path);

    /// Any text is accepted: quotes, FTS5 operators, emoji or nothing at all never
    /// cause an error (an empty plan gives no hits).
    Result<KbSearchResult> search(const QString& text, const KbSearchOptions& options = {});

    /// Column weights (title, summary, tags, body) used by the ranking.
    static const std::vector<double>& columnWeights();

private:
    explicit KbSearcher(std::unique_ptr<KbConnection> connection);
    Result<void> refresh();
    Result<QList<KbSearchHit>> run(const std::string& expression, const std::string& rankSpec, int limit);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris::kb
