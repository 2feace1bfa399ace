#pragma once

#include <string>
#include <vector>

struct fts5_api;

namespace iris::kb {

/// Name of the FTS5 auxiliary ranking function ("rank MATCH 'iris_rank(...)'").
inline constexpr const char* RankFunctionName = "iris_rank";

/// What the ranking function needs to know about a query it cannot see: which query
/// word (group) each FTS5 phrase stands for, how much that phrase is worth (its IDF
/// times the kind of match: exact, stem, synonym, typo fix, prefix) and how much each
/// group weighs in the coverage factor.
struct RankSpec
{
    std::vector<double> columnWeights; ///< one per FTS5 column
    std::vector<int> phraseGroup; ///< per phrase, in query order
    std::vector<double> phraseWeight; ///< per phrase
    std::vector<double> groupWeight; ///< per group (its IDF)

    /// The text argument for iris_rank(): digits and separators only.
    std::string encode() const;
    static bool decode(std::string_view text, RankSpec* spec);
};

/// Registers iris_rank: per column BM25 (k1 = 1.2, b = 0.75) weighted by column,
/// the best phrase of each group, summed, then multiplied by the covered share of the
/// query's weight raised to the power 1.5 — a page matching every word of the question
/// ranks above one repeating a single word. Returns the negated score (FTS5 sorts rank
/// ascending). Returns SQLITE_OK or an SQLite error code.
int registerRankFunction(fts5_api* api);

} // namespace iris::kb
