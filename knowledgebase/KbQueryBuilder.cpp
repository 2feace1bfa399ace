#include "knowledgebase/KbQueryBuilder.h"

#include "knowledgebase/FrenchAnalyzer.h"
#include "knowledgebase/Fts5Tokenizer.h"
#include "knowledgebase/KbVocabulary.h"

#include <algorithm>
#include <limits>

namespace iris::kb {

namespace {

struct Word
{
    AnalyzedToken token;
    std::string key; // stem, or folded form for numbers; after a typo fix, the fix's
    int df = 0; // documents holding the word in its broadest form (or its typo fix)
    double weight = KbQueryBuilder::ExactWeight; // the word as typed, or its typo fix
};

std::string stemToken(const std::string& stem)
{
    return std::string(1, StemMarker) + stem;
}

void addAlternative(KbQueryPlan::Group& group, std::string phrase, double weight)
{
    for (auto& a : group.alternatives) {
        if (a.phrase == phrase) {
            a.weight = std::max(a.weight, weight);
            return;
        }
    }
    group.alternatives.push_back({ std::move(phrase), weight });
}

bool isDigits(const std::string& s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

int KbQueryBuilder::typoEdits(size_t length)
{
    if (length >= size_t(TwoTyposLength))
        return 2;
    return length >= size_t(OneTypoLength) ? 1 : 0;
}

double KbQueryBuilder::blendedIdf(int df, int wordDf) const
{
    // A synonym or a completion stands for the word typed: it is scored with the
    // document frequency of the more common of the two (as Lucene's SynonymQuery
    // blends its terms), so a rarer form never outweighs the word itself — "crèche"
    // would otherwise rank the one page saying "halte-garderie" above the crèche pages.
    return m_vocabulary.idf(std::max(df, wordDf));
}

std::string KbQueryBuilder::indexToken(const std::string& key, const std::string& folded) const
{
    if (m_vocabulary.df(stemToken(key)) > 0)
        return stemToken(key);
    if (m_vocabulary.df(folded) > 0)
        return folded;
    return {};
}

KbQueryBuilder::KbQueryBuilder(
    FrenchAnalyzer& analyzer, const KbVocabulary& vocabulary, const std::vector<SynonymGroup>& synonyms)
    : m_analyzer(analyzer)
    , m_vocabulary(vocabulary)
    , m_synonyms(synonyms)
{
}

std::vector<KbQueryBuilder::SynonymGroup> KbQueryBuilder::analyzeSynonyms(
    FrenchAnalyzer& analyzer, const QList<QStringList>& groups)
{
    std::vector<SynonymGroup> out;
    for (const QStringList& group : groups) {
        SynonymGroup analyzed;
        for (const QString& expression : group) {
            SynonymExpression e;
            const QByteArray utf8 = expression.toUtf8();
            analyzer.analyze(
                std::string_view(utf8.constData(), size_t(utf8.size())), [&](const AnalyzedToken& t) {
                    e.keys.push_back(t.stem.empty() ? t.folded : t.stem);
                    e.tokens.push_back(t.stem.empty() ? t.folded : stemToken(t.stem));
                });
            if (!e.keys.empty())
                analyzed.push_back(std::move(e));
        }
        if (analyzed.size() >= 2)
            out.push_back(std::move(analyzed));
    }
    return out;
}

KbQueryPlan KbQueryBuilder::build(const QString& text, bool typing) const
{
    KbQueryPlan plan;
    const QString trimmed = text.left(2000);
    const QByteArray utf8 = trimmed.toUtf8();
    std::vector<Word> words;
    m_analyzer.analyze(std::string_view(utf8.constData(), size_t(utf8.size())), [&](const AnalyzedToken& t) {
        const bool duplicate = std::any_of(
            words.begin(), words.end(), [&](const Word& w) { return w.token.folded == t.folded; });
        if (!duplicate && int(words.size()) < MaxWords)
            words.push_back({ t, t.stem.empty() ? t.folded : t.stem });
    });
    QStringList normalized;
    for (const Word& w : words)
        normalized << QString::fromStdString(w.token.folded);
    plan.normalized = normalized.join(QLatin1Char(' '));
    const bool lastIsTyped = typing && !trimmed.isEmpty() && trimmed.back().isLetterOrNumber();

    std::vector<KbQueryPlan::Group> groups(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
        Word& w = words[i];
        KbQueryPlan::Group& g = groups[i];
        g.word = w.token.folded;
        const std::string& folded = w.token.folded;
        const int dfExact = m_vocabulary.df(folded);
        const int dfStem = w.token.stem.empty() ? 0 : m_vocabulary.df(stemToken(w.token.stem));
        if (dfExact > 0)
            addAlternative(g, folded, ExactWeight * m_vocabulary.idf(dfExact));
        if (dfStem > 0)
            addAlternative(g, stemToken(w.token.stem), StemWeight * m_vocabulary.idf(dfStem));
        w.df = std::max(dfExact, dfStem);
        bool completed = false;
        if (i + 1 == words.size() && lastIsTyped && folded.size() >= 3) {
            for (const auto& c : m_vocabulary.completions(folded, MaxCompletions)) {
                addAlternative(g, c.term, CompletionWeight * blendedIdf(c.df, w.df));
                completed = true;
            }
        }
        const int maxDistance = typoEdits(folded.size());
        if (dfExact == 0 && dfStem == 0 && !completed && maxDistance > 0 && !isDigits(folded)) {
            const auto fixes = m_vocabulary.corrections(folded, maxDistance, 2);
            for (const auto& fix : fixes) {
                if (fix.distance != fixes.front().distance)
                    break;
                const std::string stem = m_analyzer.stem(fix.term);
                const int dfFix = m_vocabulary.df(stemToken(stem));
                if (dfFix > 0)
                    addAlternative(g, stemToken(stem), TypoWeight * m_vocabulary.idf(dfFix));
                else
                    addAlternative(g, fix.term, TypoWeight * m_vocabulary.idf(fix.df));
                if (&fix == &fixes.front()) {
                    w.key = stem;
                    w.df = std::max(dfFix, fix.df);
                    w.weight = TypoWeight;
                    plan.corrections << QStringLiteral("%1 → %2").arg(
                        QString::fromStdString(folded), QString::fromStdString(fix.term));
                }
            }
        }
    }

    // Synonyms: an expression found in the query (compared by stems) brings the other
    // expressions of its group into every query word it covers.
    for (const SynonymGroup& synonymGroup : m_synonyms) {
        for (const SynonymExpression& expression : synonymGroup) {
            const size_t length = expression.keys.size();
            for (size_t start = 0; start + length <= words.size(); ++start) {
                bool match = true;
                for (size_t k = 0; k < length && match; ++k)
                    match = words[start + k].key == expression.keys[k];
                if (!match)
                    continue;
                for (const SynonymExpression& other : synonymGroup) {
                    if (&other == &expression)
                        continue;
                    int df = std::numeric_limits<int>::max();
                    std::string phrase;
                    for (const std::string& token : other.tokens) {
                        df = std::min(df, m_vocabulary.df(token));
                        if (!phrase.empty())
                            phrase += ' ';
                        phrase += token;
                    }
                    if (df <= 0)
                        continue;
                    for (size_t k = 0; k < length; ++k) {
                        const Word& covered = words[start + k];
                        addAlternative(groups[start + k], phrase,
                            SynonymWeight * covered.weight * blendedIdf(df, covered.df));
                    }
                }
            }
        }
    }

    // Two query words side by side in a page ("centre administratif") earn a bonus.
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string first = indexToken(words[i].key, words[i].token.folded);
        const std::string second = indexToken(words[i + 1].key, words[i + 1].token.folded);
        if (first.empty() || second.empty() || groups[i].alternatives.empty())
            continue;
        const double weight = ProximityWeight
            * (m_vocabulary.idf(m_vocabulary.df(first)) + m_vocabulary.idf(m_vocabulary.df(second)));
        KbQueryPlan::Alternative bigram { first + ' ' + second, weight, true };
        groups[i].alternatives.push_back(std::move(bigram));
    }

    for (KbQueryPlan::Group& g : groups) {
        if (g.alternatives.empty())
            continue;
        // The broadest alternative sets the group's share of the coverage factor.
        double weight = 0;
        for (const auto& a : g.alternatives)
            weight = a.bonus ? weight : std::max(weight, a.weight);
        double broadest = weight;
        for (const auto& a : g.alternatives)
            broadest = a.bonus ? broadest : std::min(broadest, a.weight);
        g.weight = std::max(broadest, 0.05);
        plan.groups.push_back(std::move(g));
    }
    return plan;
}

} // namespace iris::kb
