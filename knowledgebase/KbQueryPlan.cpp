#include "knowledgebase/KbQueryPlan.h"

#include "knowledgebase/KbVocabulary.h"

#include <algorithm>
#include <numeric>

namespace iris::kb {

namespace {

void appendQuoted(std::string& out, const std::string& phrase)
{
    out += '"';
    for (char c : phrase) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

KbQueryPlan::Compiled KbQueryPlan::compile(
    const std::vector<std::vector<int>>& clauses, const std::vector<double>& columnWeights) const
{
    // Phrases are numbered by FTS5 in the order they appear in the expression; the
    // rank spec lists them in the same order. A phrase repeated in two clauses maps to
    // the same group, whose score is the best of its phrases, so it never counts twice.
    Compiled out;
    out.spec.columnWeights = columnWeights;
    const int bonusGroup = int(groups.size());
    bool anyBonus = false;
    for (const Group& g : groups)
        out.spec.groupWeight.push_back(g.weight);
    for (size_t c = 0; c < clauses.size(); ++c) {
        if (c)
            out.expression += " AND ";
        out.expression += '(';
        bool first = true;
        for (int g : clauses[c]) {
            for (const Alternative& a : groups[size_t(g)].alternatives) {
                if (!first)
                    out.expression += " OR ";
                first = false;
                appendQuoted(out.expression, a.phrase);
                out.spec.phraseGroup.push_back(a.bonus ? bonusGroup : g);
                out.spec.phraseWeight.push_back(a.weight);
                anyBonus = anyBonus || a.bonus;
            }
        }
        out.expression += ')';
    }
    if (anyBonus)
        out.spec.groupWeight.push_back(0.0); // bonuses: no share in the coverage
    return out;
}

KbQueryPlan::Compiled KbQueryPlan::anyWord(const std::vector<double>& columnWeights) const
{
    std::vector<int> all(groups.size());
    std::iota(all.begin(), all.end(), 0);
    return compile({ all }, columnWeights);
}

KbQueryPlan::Compiled KbQueryPlan::anyWordInHead(const std::vector<double>& columnWeights) const
{
    Compiled c = anyWord(columnWeights);
    c.expression = "{title summary tags} : " + c.expression;
    return c;
}

KbQueryPlan::Compiled KbQueryPlan::everyWord(const std::vector<double>& columnWeights) const
{
    std::vector<std::vector<int>> clauses;
    for (size_t g = 0; g < groups.size(); ++g)
        clauses.push_back({ int(g) });
    return compile(clauses, columnWeights);
}

KbQueryPlan::Compiled KbQueryPlan::focused(
    const std::vector<int>& rareGroups, const std::vector<double>& columnWeights) const
{
    std::vector<int> all(groups.size());
    std::iota(all.begin(), all.end(), 0);
    return compile({ rareGroups, all }, columnWeights);
}

qint64 KbQueryPlan::estimatedRows(const Group& group, const KbVocabulary& vocabulary)
{
    qint64 total = 0;
    for (const Alternative& a : group.alternatives) {
        if (a.bonus)
            continue;
        // A phrase matches no more rows than its rarest token.
        qint64 rarest = vocabulary.documentCount();
        size_t start = 0;
        while (start <= a.phrase.size()) {
            const size_t end = std::min(a.phrase.find(' ', start), a.phrase.size());
            rarest = std::min<qint64>(
                rarest, vocabulary.df(std::string_view(a.phrase).substr(start, end - start)));
            start = end + 1;
        }
        total += rarest;
    }
    return std::min(total, vocabulary.documentCount());
}

qint64 KbQueryPlan::estimatedMatches(const KbVocabulary& vocabulary) const
{
    qint64 total = 0;
    for (const Group& g : groups)
        total += estimatedRows(g, vocabulary);
    return std::min(total, vocabulary.documentCount());
}

std::vector<int> KbQueryPlan::rarestGroups(const KbVocabulary& vocabulary, qint64 budget) const
{
    std::vector<std::pair<qint64, int>> bySize;
    for (size_t g = 0; g < groups.size(); ++g)
        bySize.push_back({ estimatedRows(groups[g], vocabulary), int(g) });
    std::sort(bySize.begin(), bySize.end());
    std::vector<int> rare;
    qint64 used = 0;
    for (const auto& [rows, g] : bySize) {
        if (!rare.empty() && used + rows > budget)
            break;
        rare.push_back(g);
        used += rows;
    }
    std::sort(rare.begin(), rare.end());
    return rare;
}

} // namespace iris::kb
