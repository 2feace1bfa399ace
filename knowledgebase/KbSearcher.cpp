#include "knowledgebase/KbSearcher.h"

#include "knowledgebase/FrenchAnalyzer.h"
#include "knowledgebase/KbQueryBuilder.h"
#include "knowledgebase/KbSynonyms.h"
#include "knowledgebase/KbVocabulary.h"

#include <QCoreApplication>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSearcher", text);
}

constexpr std::string_view SearchSql
    = "SELECT rowid, rank,"
      " snippet(kb_fts, 1, char(2), char(3), '…', 12),"
      " snippet(kb_fts, 3, char(2), char(3), '…', 14)"
      " FROM kb_fts WHERE kb_fts MATCH ?1 AND rank MATCH ?2 ORDER BY rank LIMIT ?3";

constexpr std::string_view ArticleSql = "SELECT uid, url, title, section, owner_service, updated, review_by, "
                                        "summary FROM kb_article WHERE id = ?1";

// Past this many candidate rows, try the AND query first (measured with kb_bench).
constexpr qint64 BroadQueryRows = 2000;

int markers(const QString& snippet)
{
    return int(snippet.count(KbSearchHit::SnippetStart));
}

} // namespace

struct KbSearcher::Private
{
    std::unique_ptr<KbConnection> connection;
    FrenchAnalyzer analyzer;
    KbVocabulary vocabulary;
    std::vector<KbQueryBuilder::SynonymGroup> synonyms;
    SqliteStatement search;
    SqliteStatement article;
    qint64 dataVersion = -1;
    QString generation;
};

KbSearcher::KbSearcher(std::unique_ptr<KbConnection> connection)
    : d(std::make_unique<Private>())
{
    d->connection = std::move(connection);
}

KbSearcher::~KbSearcher() = default;

const std::vector<double>& KbSearcher::columnWeights()
{
    // title, summary, tags, body: a word in the title says what the page is about.
    // Measured with `iris-cli kb eval` on the sample and held-out questions.
    static const std::vector<double> weights { 8.0, 3.0, 3.0, 1.0 };
    return weights;
}

Result<std::unique_ptr<KbSearcher>> KbSearcher::open(const QString& path)
{
    auto connection = KbConnection::open(path, KbConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    std::unique_ptr<KbSearcher> searcher(new KbSearcher(std::move(connection.value())));
    searcher->d->search = searcher->d->connection->prepare(SearchSql);
    searcher->d->article = searcher->d->connection->prepare(ArticleSql);
    if (!searcher->d->search.isValid() || !searcher->d->article.isValid())
        return Error(ErrorCode::InvalidArgument,
            tr("Le fichier « %1 » n'est pas une base de connaissances IRIS.").arg(path), {},
            searcher->d->search.errorMessage());
    if (auto r = searcher->refresh(); !r)
        return r.error();
    return searcher;
}

Result<void> KbSearcher::refresh()
{
    const qint64 dataVersion = d->connection->dataVersion();
    if (dataVersion == d->dataVersion)
        return {};
    d->dataVersion = dataVersion;
    SqliteStatement meta = d->connection->prepare(
        "SELECT group_concat(value, '/') FROM kb_meta WHERE key IN ('content_version', 'synonyms_version')");
    const QString generation = meta.step() ? meta.text(0) : QString();
    meta.reset();
    if (generation == d->generation && !d->generation.isEmpty())
        return {};
    if (auto r = d->connection->exec("BEGIN"); !r)
        return r;
    Result<void> loaded = d->vocabulary.load(*d->connection);
    auto groups = KbSynonyms(*d->connection).groups();
    (void)d->connection->exec("COMMIT"); // read-only snapshot: nothing to lose
    if (!loaded)
        return loaded;
    if (!groups)
        return groups.error();
    QList<QStringList> texts;
    for (const auto& g : *groups)
        texts << g.expressions;
    d->synonyms = KbQueryBuilder::analyzeSynonyms(d->analyzer, texts);
    d->generation = generation;
    return {};
}

Result<QList<KbSearchHit>> KbSearcher::run(
    const std::string& expression, const std::string& rankSpec, int limit)
{
    QList<KbSearchHit> hits;
    SqliteStatement& s = d->search;
    s.reset();
    s.bind(1, std::string_view(expression));
    s.bind(2, std::string_view(std::string("iris_rank('").append(rankSpec).append("')")));
    s.bind(3, qint64(limit));
    while (s.step()) {
        KbSearchHit hit;
        hit.rowId = s.int64(0);
        hit.score = -s.real(1);
        const QString summary = s.text(2);
        const QString body = s.text(3);
        const int inSummary = markers(summary);
        const int inBody = markers(body);
        if (inBody > inSummary || (inSummary == 0 && summary.isEmpty()))
            hit.snippet = body;
        else
            hit.snippet = summary;
        hits.append(hit);
    }
    if (!s.ok())
        return d->connection->error(tr("La recherche dans la base de connaissances a échoué."));
    s.reset();
    for (KbSearchHit& hit : hits) {
        SqliteStatement& a = d->article;
        a.reset();
        a.bind(1, hit.rowId);
        if (a.step()) {
            hit.uid = a.text(0);
            hit.url = a.text(1);
            hit.title = a.text(2);
            hit.section = a.text(3);
            hit.ownerService = a.text(4);
            hit.updated = QDate::fromString(a.text(5), Qt::ISODate);
            hit.reviewBy = QDate::fromString(a.text(6), Qt::ISODate);
            if (hit.snippet.isEmpty())
                hit.snippet = a.text(7).left(200);
        }
        a.reset();
    }
    return hits;
}

Result<KbSearchResult> KbSearcher::search(const QString& text, const KbSearchOptions& options)
{
    if (auto r = refresh(); !r)
        return r.error();
    KbSearchResult result;
    const KbQueryBuilder builder(d->analyzer, d->vocabulary, d->synonyms);
    const KbQueryPlan plan = builder.build(text, options.typing);
    result.normalizedQuery = plan.normalized;
    result.corrections = plan.corrections;
    if (plan.isEmpty() || options.limit <= 0)
        return result;
    const int limit = std::min(options.limit, 200);
    const std::vector<double>& weights = columnWeights();
    // Ranking cost grows with the rows matching any word. Small result sets are ranked
    // in full. For large ones, the pages holding every word come first (an AND query
    // touches few rows) and answer when they fill the page; otherwise the rarest words
    // choose the candidates, still ranked on every word — pages holding only very
    // common words would rank last anyway.
    if (plan.groups.size() > 1 && plan.estimatedMatches(d->vocabulary) > BroadQueryRows) {
        const KbQueryPlan::Compiled all = plan.everyWord(weights);
        auto hits = run(all.expression, all.spec.encode(), limit);
        if (!hits)
            return hits.error();
        if (hits->size() >= limit) {
            result.hits = std::move(hits.value());
            return result;
        }
        const std::vector<int> rare = plan.rarestGroups(d->vocabulary, BroadQueryRows);
        if (rare.size() < plan.groups.size()) {
            const KbQueryPlan::Compiled focused = plan.focused(rare, weights);
            auto more = run(focused.expression, focused.spec.encode(), limit);
            if (!more)
                return more.error();
            if (more->size() >= limit) {
                result.hits = std::move(more.value());
                return result;
            }
        }
    }
    if (plan.groups.size() == 1 && plan.estimatedMatches(d->vocabulary) > BroadQueryRows) {
        // One very common word: the pages naming it in their title, summary or tags.
        const KbQueryPlan::Compiled head = plan.anyWordInHead(weights);
        auto hits = run(head.expression, head.spec.encode(), limit);
        if (!hits)
            return hits.error();
        if (hits->size() >= limit) {
            result.hits = std::move(hits.value());
            return result;
        }
    }
    const KbQueryPlan::Compiled any = plan.anyWord(weights);
    auto hits = run(any.expression, any.spec.encode(), limit);
    if (!hits)
        return hits.error();
    result.hits = std::move(hits.value());
    return result;
}

QString KbSearchHit::snippetHtml() const
{
    QString escaped = snippet.toHtmlEscaped();
    escaped.replace(SnippetStart, QLatin1String("<mark>"));
    escaped.replace(SnippetEnd, QLatin1String("</mark>"));
    return escaped;
}

QString KbSearchHit::snippetText() const
{
    QString plain = snippet;
    plain.remove(SnippetStart);
    plain.remove(SnippetEnd);
    return plain;
}

} // namespace iris::kb
