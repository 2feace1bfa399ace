#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace iris::kb {

/// One word of French text, as the search engine sees it.
struct AnalyzedToken
{
    std::string folded; ///< lower case, accents and ligatures folded: "funeraires"
    std::string stem; ///< Snowball French stem of `folded`: "funerair" (empty for numbers)
    int start = 0; ///< byte offsets of the word in the UTF-8 input
    int end = 0;
};

/// The French text analysis shared by indexing and querying: splits UTF-8 text into
/// words (letters and digits; hyphens and punctuation separate words), drops French
/// elisions (l', d', qu', jusqu'…), folds case, accents and ligatures (œ → oe),
/// removes stop words and stems with libstemmer's French algorithm.
/// Not thread-safe (the stemmer keeps state): use one instance per thread.
class FrenchAnalyzer final
{
public:
    FrenchAnalyzer();
    ~FrenchAnalyzer();
    FrenchAnalyzer(const FrenchAnalyzer&) = delete;
    FrenchAnalyzer& operator=(const FrenchAnalyzer&) = delete;

    enum class Stemming { On, Off };

    /// Calls `sink` for every kept word, in order. With Stemming::Off the `stem`
    /// field stays empty (used to locate words for snippets without the cost).
    void analyze(std::string_view utf8, const std::function<void(const AnalyzedToken&)>& sink,
        Stemming stemming = Stemming::On);

    /// Stem of an already folded word.
    std::string stem(std::string_view folded);

    /// Folds one word or phrase (case, accents, ligatures) without splitting it.
    static std::string fold(std::string_view utf8);
    /// True for a folded stop word ("le", "de", "comment"…).
    static bool isStopWord(std::string_view folded);
    /// True for a folded elided article or pronoun ("l", "qu", "jusqu"…).
    static bool isElision(std::string_view folded);

    /// Words longer than this (in bytes, folded) are ignored: they are never words
    /// anyone searches for and would bloat the index.
    static constexpr int MaxTokenBytes = 48;

private:
    std::string stemUncached(std::string_view folded);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris::kb
