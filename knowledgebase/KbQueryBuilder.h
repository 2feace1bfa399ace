#pragma once

#include "knowledgebase/KbQueryPlan.h"

#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace iris::kb {

class FrenchAnalyzer;
class KbVocabulary;

/// Turns what an agent typed into a KbQueryPlan: French analysis, exact and stemmed
/// forms, typo fixes by edit distance over the vocabulary, synonyms, and completion
/// of the last word while typing. Words the knowledge base does not know at all are
/// left out, so they never make a search fail.
class KbQueryBuilder final
{
public:
    /// Weights of each kind of match, relative to the exact word.
    static constexpr double ExactWeight = 1.0;
    static constexpr double StemWeight = 0.7;
    static constexpr double SynonymWeight = 0.85;
    static constexpr double TypoWeight = 0.6;
    static constexpr double CompletionWeight = 0.8;
    static constexpr double ProximityWeight = 0.25;
    static constexpr int MaxWords = 16;
    /// Typo fixes: none for shorter words (too many neighbours, "pac" is not "pacs"),
    /// one edit from OneTypoLength letters, two from TwoTyposLength ("pasport" →
    /// "passeport"). A swap of two neighbouring letters counts as one edit.
    static constexpr int OneTypoLength = 4;
    static constexpr int TwoTyposLength = 7;
    static constexpr int MaxCompletions = 5;

    /// One synonym expression, analyzed: its words' stems (or folded form for numbers).
    struct SynonymExpression
    {
        std::vector<std::string> keys; ///< matching keys of the words
        std::vector<std::string> tokens; ///< index tokens ("~log", "~social")
    };
    using SynonymGroup = std::vector<SynonymExpression>;

    KbQueryBuilder(
        FrenchAnalyzer& analyzer, const KbVocabulary& vocabulary, const std::vector<SynonymGroup>& synonyms);

    /// `typing`: the last word is still being typed (completed as a prefix).
    KbQueryPlan build(const QString& text, bool typing) const;

    /// How many edits a typo fix may make to a folded word of `length` bytes (letters:
    /// folded French is ASCII).
    static int typoEdits(size_t length);

    /// Analyzes synonym groups given as text.
    static std::vector<SynonymGroup> analyzeSynonyms(
        FrenchAnalyzer& analyzer, const QList<QStringList>& groups);

private:
    /// IDF of a form standing for a query word found in `wordDf` documents.
    double blendedIdf(int df, int wordDf) const;
    std::string indexToken(const std::string& key, const std::string& folded) const;
    FrenchAnalyzer& m_analyzer;
    const KbVocabulary& m_vocabulary;
    const std::vector<SynonymGroup>& m_synonyms;
};

} // namespace iris::kb
