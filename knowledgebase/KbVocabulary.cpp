#include "knowledgebase/KbVocabulary.h"

#include "knowledgebase/Fts5Tokenizer.h"
#include "knowledgebase/KbConnection.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <cmath>

namespace iris::kb {

int boundedEditDistance(std::string_view a, std::string_view b, int bound)
{
    const int n = int(a.size());
    const int m = int(b.size());
    if (std::abs(n - m) > bound)
        return bound + 1;
    constexpr int Max = 64;
    if (n >= Max || m >= Max)
        return bound + 1;
    std::array<int, Max> rows[3] {};
    int* prev2 = rows[0].data();
    int* prev = rows[1].data();
    int* cur = rows[2].data();
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[size_t(i - 1)] == b[size_t(j - 1)] ? 0 : 1;
            int v = std::min({ prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost });
            if (i > 1 && j > 1 && a[size_t(i - 1)] == b[size_t(j - 2)]
                && a[size_t(i - 2)] == b[size_t(j - 1)])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > bound)
            return bound + 1;
        int* oldest = prev2;
        prev2 = prev;
        prev = cur;
        cur = oldest;
    }
    return prev[m];
}

Result<void> KbVocabulary::load(KbConnection& connection)
{
    std::vector<Entry> entries;
    SqliteStatement s = connection.prepare("SELECT term, df FROM kb_vocab ORDER BY term");
    while (s.step())
        entries.push_back({ std::string(s.utf8(0)), int(s.int64(1)) });
    if (!s.ok())
        return connection.error(QCoreApplication::translate(
            "iris::kb::KbVocabulary", "Lecture du vocabulaire de la base impossible."));
    SqliteStatement count = connection.prepare("SELECT count(*) FROM kb_article");
    const qint64 documents = count.step() ? count.int64(0) : 0;
    m_entries = std::move(entries);
    m_documents = documents;
    index();
    return {};
}

void KbVocabulary::assign(std::vector<Entry> entries, qint64 documents)
{
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.term < b.term; });
    m_entries = std::move(entries);
    m_documents = documents;
    index();
}

void KbVocabulary::index()
{
    m_byLength.assign(65, {});
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const std::string& t = m_entries[i].term;
        if (t.empty() || t.front() == StemMarker || t.size() > 64)
            continue;
        m_byLength[t.size()].push_back(int(i));
    }
}

int KbVocabulary::df(std::string_view term) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), term,
        [](const Entry& e, std::string_view t) { return e.term < t; });
    return it != m_entries.end() && it->term == term ? it->df : 0;
}

double KbVocabulary::idf(double df) const
{
    const double n = double(std::max<qint64>(m_documents, 1));
    df = std::clamp(df, 0.0, n);
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

std::vector<KbVocabulary::Correction> KbVocabulary::corrections(
    std::string_view word, int maxDistance, int maxResults) const
{
    std::vector<Correction> found;
    if (word.empty())
        return found;
    const int lo = std::max(1, int(word.size()) - maxDistance);
    const int hi = std::min(64, int(word.size()) + maxDistance);
    for (int length = lo; length <= hi; ++length) {
        for (int index : m_byLength[size_t(length)]) {
            const Entry& e = m_entries[size_t(index)];
            // Past one edit, a fix keeps the first letter: typing rarely hits it (Lucene's
            // spell checker keeps a one-letter prefix too), and two edits anywhere would
            // turn many a word the base does not hold into an unrelated one.
            const int bound = e.term.front() == word.front() ? maxDistance : std::min(maxDistance, 1);
            const int distance = boundedEditDistance(word, e.term, bound);
            if (distance <= bound && distance > 0)
                found.push_back({ e.term, distance, e.df });
        }
    }
    std::sort(found.begin(), found.end(), [](const Correction& a, const Correction& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.df > b.df;
    });
    if (int(found.size()) > maxResults)
        found.resize(size_t(maxResults));
    return found;
}

std::vector<KbVocabulary::Entry> KbVocabulary::completions(std::string_view prefix, int maxResults) const
{
    std::vector<Entry> found;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), prefix,
        [](const Entry& e, std::string_view t) { return e.term < t; });
    for (; it != m_entries.end() && std::string_view(it->term).substr(0, prefix.size()) == prefix; ++it) {
        if (it->term.size() > prefix.size())
            found.push_back(*it);
    }
    std::partial_sort(found.begin(), found.begin() + std::min<ptrdiff_t>(maxResults, ptrdiff_t(found.size())),
        found.end(), [](const Entry& a, const Entry& b) { return a.df > b.df; });
    if (int(found.size()) > maxResults)
        found.resize(size_t(maxResults));
    return found;
}

} // namespace iris::kb
