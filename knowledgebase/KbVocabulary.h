#pragma once

#include "core/base/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace iris::kb {

class KbConnection;

/// The index's terms and their document frequencies, in memory, for what FTS5 cannot
/// do by itself: IDF weights known before the query runs, typo fixes by edit distance
/// over the vocabulary, and bounded completion of the word being typed.
class KbVocabulary final
{
public:
    struct Entry
    {
        std::string term;
        int df = 0;
    };
    struct Correction
    {
        std::string term;
        int distance = 0;
        int df = 0;
    };

    Result<void> load(KbConnection& connection);
    /// For tests and benches: a vocabulary from explicit entries.
    void assign(std::vector<Entry> entries, qint64 documents);

    qint64 documentCount() const { return m_documents; }
    /// Document frequency of an exact term ("creche") or a stem ("~crech"); 0 if absent.
    int df(std::string_view term) const;
    /// BM25 inverse document frequency for a document frequency.
    double idf(double df) const;

    /// Words (not stems) within `maxDistance` edits (insert, delete, substitute, swap of
    /// two neighbours) of `word`, closest then most frequent first. A word more than one
    /// edit away must start with the same letter.
    std::vector<Correction> corrections(std::string_view word, int maxDistance, int maxResults) const;
    /// The most frequent words (not stems) that start with `prefix` and are longer.
    std::vector<Entry> completions(std::string_view prefix, int maxResults) const;

    size_t size() const { return m_entries.size(); }

private:
    std::vector<Entry> m_entries; // sorted by term (bytewise, as SQLite)
    std::vector<std::vector<int>> m_byLength; // word indices by byte length
    qint64 m_documents = 0;
    void index();
};

/// Optimal string alignment distance, giving up (returning bound + 1) past `bound`.
int boundedEditDistance(std::string_view a, std::string_view b, int bound);

} // namespace iris::kb
