#pragma once

#include "knowledgebase/Fts5RankFunction.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace iris::kb {

class KbVocabulary;

/// A search turned into FTS5 terms: one group per query word, each group a list of
/// alternatives (the exact word, its stem, synonyms, typo fixes, completions of the
/// word being typed) with their weights. Built by KbQueryBuilder; the FTS5 text it
/// produces only ever contains quoted, analyzed tokens, so no user text reaches the
/// FTS5 query parser.
struct KbQueryPlan
{
    struct Alternative
    {
        std::string phrase; ///< tokens separated by spaces ("~log ~social")
        double weight = 0; ///< kind of match × IDF
        /// A proximity bonus (two query words side by side): adds to the score but
        /// not to the coverage, and never narrows what matches.
        bool bonus = false;
    };
    struct Group
    {
        std::string word; ///< the folded query word
        std::vector<Alternative> alternatives;
        double weight = 0; ///< share in the coverage factor (IDF of its broadest form)
    };

    std::vector<Group> groups;
    QStringList corrections; ///< "creshe → creche", for the agent
    QString normalized; ///< folded query words, for the "pas trouvé" report

    bool isEmpty() const { return groups.empty(); }

    /// An FTS5 MATCH expression and the matching iris_rank() argument.
    struct Compiled
    {
        std::string expression;
        RankSpec spec;
    };
    /// Pages holding any query word (ranked by coverage): the reference ranking.
    Compiled anyWord(const std::vector<double>& columnWeights) const;
    /// Pages holding any query word in their title, summary or tags (ranked on those).
    Compiled anyWordInHead(const std::vector<double>& columnWeights) const;
    /// Pages holding every query word.
    Compiled everyWord(const std::vector<double>& columnWeights) const;
    /// Pages holding one of the `rareGroups` words, ranked on every word.
    Compiled focused(const std::vector<int>& rareGroups, const std::vector<double>& columnWeights) const;

    /// Upper bound of the rows the anyWord() query matches.
    qint64 estimatedMatches(const KbVocabulary& vocabulary) const;
    /// The least frequent groups whose rows add up to at most `budget` (at least one).
    std::vector<int> rarestGroups(const KbVocabulary& vocabulary, qint64 budget) const;

private:
    static qint64 estimatedRows(const Group& group, const KbVocabulary& vocabulary);
    /// Clauses are ANDed; the groups inside a clause are ORed.
    Compiled compile(
        const std::vector<std::vector<int>>& clauses, const std::vector<double>& columnWeights) const;
};

} // namespace iris::kb
