#include "knowledgebase/KbStore.h"

#include "knowledgebase/FrenchAnalyzer.h"
#include "knowledgebase/Fts5Tokenizer.h"
#include "knowledgebase/KbSynonyms.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>
#include <unordered_set>
#include <vector>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbStore", text);
}

constexpr std::string_view SchemaV1 = R"sql(
CREATE TABLE kb_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE kb_article(
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  owner_service TEXT NOT NULL DEFAULT '',
  updated TEXT NOT NULL DEFAULT '',
  review_by TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  content_hash TEXT NOT NULL);
CREATE INDEX kb_article_review ON kb_article(review_by) WHERE review_by <> '';
CREATE VIRTUAL TABLE kb_fts USING fts5(title, summary, tags, body,
  content='kb_article', content_rowid='id', tokenize='iris_fr');
CREATE TRIGGER kb_article_ai AFTER INSERT ON kb_article BEGIN
  INSERT INTO kb_fts(rowid, title, summary, tags, body) VALUES (new.id, new.title, new.summary, new.tags, new.body);
END;
CREATE TRIGGER kb_article_ad AFTER DELETE ON kb_article BEGIN
  INSERT INTO kb_fts(kb_fts, rowid, title, summary, tags, body)
    VALUES ('delete', old.id, old.title, old.summary, old.tags, old.body);
END;
CREATE TRIGGER kb_article_au AFTER UPDATE OF title, summary, tags, body ON kb_article BEGIN
  INSERT INTO kb_fts(kb_fts, rowid, title, summary, tags, body)
    VALUES ('delete', old.id, old.title, old.summary, old.tags, old.body);
  INSERT INTO kb_fts(rowid, title, summary, tags, body) VALUES (new.id, new.title, new.summary, new.tags, new.body);
END;
CREATE TABLE kb_vocab(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE kb_synonym(id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL, expression TEXT NOT NULL,
  UNIQUE(group_id, expression));
CREATE TABLE kb_feedback(id INTEGER PRIMARY KEY, query TEXT NOT NULL, normalized TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX kb_feedback_normalized ON kb_feedback(normalized);
INSERT INTO kb_meta(key, value) VALUES ('schema_version', '1'), ('content_version', '0');
)sql";

constexpr std::string_view ArticleColumns = "id, uid, url, title, summary, tags, body, section, "
                                            "owner_service, updated, review_by, version, content_hash";

KbArticle readArticle(const SqliteStatement& s)
{
    KbArticle a;
    a.rowId = s.int64(0);
    a.uid = s.text(1);
    a.url = s.text(2);
    a.title = s.text(3);
    a.summary = s.text(4);
    const QString tags = s.text(5);
    a.tags = tags.isEmpty() ? QStringList() : tags.split(QLatin1Char('\n'));
    a.body = s.text(6);
    a.section = s.text(7);
    a.ownerService = s.text(8);
    a.updated = QDate::fromString(s.text(9), Qt::ISODate);
    a.reviewBy = QDate::fromString(s.text(10), Qt::ISODate);
    a.version = int(s.int64(11));
    a.contentHash = s.text(12);
    return a;
}

QString isoOrEmpty(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// Past this share of the base, rebuilding the statistics from the index is cheaper
// than adjusting them article by article.
constexpr int IncrementalLimit = 2000;

} // namespace

KbStore::KbStore(std::unique_ptr<KbConnection> connection)
    : m_connection(std::move(connection))
    , m_analyzer(std::make_unique<FrenchAnalyzer>())
{
}

KbStore::~KbStore() = default;

Result<std::unique_ptr<KbStore>> KbStore::open(const QString& path, KbConnection::Mode mode)
{
    auto connection = KbConnection::open(path, mode);
    if (!connection)
        return connection.error();
    std::unique_ptr<KbStore> store(new KbStore(std::move(connection.value())));
    if (auto r = store->ensureSchema(mode); !r)
        return r.error();
    return store;
}

Result<void> KbStore::ensureSchema(KbConnection::Mode mode)
{
    SqliteStatement tables
        = m_connection->prepare("SELECT (SELECT count(*) FROM sqlite_schema), "
                                "EXISTS(SELECT 1 FROM sqlite_schema WHERE name = 'kb_meta')");
    if (!tables.step())
        return Error(ErrorCode::DatabaseCorrupt,
            tr("Le fichier « %1 » n'est pas une base de données lisible.").arg(path()), {},
            tables.errorMessage());
    const qint64 objects = tables.int64(0);
    const bool hasMeta = tables.int64(1) != 0;
    if (!hasMeta) {
        if (objects > 0)
            return Error(ErrorCode::InvalidArgument,
                tr("Le fichier « %1 » n'est pas une base de connaissances IRIS.").arg(path()));
        if (mode == KbConnection::Mode::ReadOnly)
            return Error(ErrorCode::NotFound, tr("La base de connaissances « %1 » est vide.").arg(path()));
        return m_connection->transaction([&]() -> Result<void> {
            if (auto r = m_connection->exec(SchemaV1); !r)
                return Error(r.error().code(), tr("Impossible de créer la base de connaissances."), {},
                    r.error().detail());
            return KbSynonyms(*m_connection).seedDefaults();
        });
    }
    SqliteStatement version = m_connection->prepare("SELECT value FROM kb_meta WHERE key = 'schema_version'");
    const int schema = version.step() ? version.text(0).toInt() : 0;
    if (schema > SchemaVersion)
        return Error(ErrorCode::SchemaTooNew,
            tr("La base de connaissances a été écrite par une version plus récente d'IRIS Desk "
               "(schéma %1) ; elle n'a pas été modifiée.")
                .arg(schema));
    if (schema < 1)
        return Error(ErrorCode::DatabaseCorrupt,
            tr("La version du schéma de la base de connaissances est illisible."));
    return {};
}

qint64 KbStore::contentVersion() const
{
    SqliteStatement s = m_connection->prepare("SELECT value FROM kb_meta WHERE key = 'content_version'");
    return s.step() ? s.text(0).toLongLong() : 0;
}

Result<KbInfo> KbStore::info(const QDate& today) const
{
    KbInfo info;
    info.version = contentVersion();
    SqliteStatement s
        = m_connection->prepare("SELECT (SELECT count(*) FROM kb_article), "
                                "(SELECT count(*) FROM kb_article WHERE review_by <> '' AND review_by < ?1), "
                                "(SELECT value FROM kb_meta WHERE key = 'schema_version'), "
                                "(SELECT count(DISTINCT group_id) FROM kb_synonym)");
    s.bind(1, today.toString(Qt::ISODate));
    if (!s.step())
        return m_connection->error(tr("Lecture de la base de connaissances impossible."));
    info.articles = s.int64(0);
    info.dueForReview = s.int64(1);
    info.schemaVersion = int(s.int64(2));
    info.synonymGroups = s.int64(3);
    info.fileBytes = QFileInfo(path()).size();
    return info;
}

Result<KbArticle> KbStore::article(const QString& uid) const
{
    SqliteStatement& s
        = cached(std::string("SELECT ").append(ArticleColumns).append(" FROM kb_article WHERE uid = ?1"));
    s.reset();
    s.bind(1, uid);
    if (s.step()) {
        KbArticle a = readArticle(s);
        s.reset(); // do not keep a read transaction open
        return a;
    }
    if (!s.ok())
        return m_connection->error(tr("Lecture de l'article impossible."));
    return Error(ErrorCode::NotFound, tr("L'article « %1 » n'existe pas.").arg(uid));
}

SqliteStatement& KbStore::cached(const std::string& sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, m_connection->prepare(sql)).first;
    return it->second;
}

Result<KbArticle> KbStore::articleByRowId(qint64 rowId) const
{
    SqliteStatement s = m_connection->prepare(
        std::string("SELECT ").append(ArticleColumns).append(" FROM kb_article WHERE id = ?1"));
    s.bind(1, rowId);
    if (s.step())
        return readArticle(s);
    if (!s.ok())
        return m_connection->error(tr("Lecture de l'article impossible."));
    return Error(ErrorCode::NotFound, tr("L'article n° %1 n'existe pas.").arg(rowId));
}

Result<QList<KbArticle>> KbStore::articlesDueForReview(const QDate& today) const
{
    SqliteStatement s = m_connection->prepare(
        std::string("SELECT ")
            .append(ArticleColumns)
            .append(" FROM kb_article WHERE review_by <> '' AND review_by < ?1 ORDER BY review_by, title, id"));
    s.bind(1, today.toString(Qt::ISODate));
    QList<KbArticle> out;
    while (s.step())
        out.append(readArticle(s));
    if (!s.ok())
        return m_connection->error(tr("Lecture des articles à revoir impossible."));
    return out;
}

Result<QStringList> KbStore::allUids() const
{
    SqliteStatement s = m_connection->prepare("SELECT uid FROM kb_article ORDER BY uid");
    QStringList out;
    while (s.step())
        out << s.text(0);
    if (!s.ok())
        return m_connection->error(tr("Lecture des articles impossible."));
    return out;
}

Result<void> KbStore::setMeta(const char* key, const QString& value)
{
    SqliteStatement s = m_connection->prepare("INSERT INTO kb_meta(key, value) VALUES (?1, ?2) ON "
                                              "CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, std::string_view(key));
    s.bind(2, value);
    s.step();
    if (!s.ok())
        return m_connection->error(tr("Écriture de la base de connaissances impossible."));
    return {};
}

void KbStore::countTerms(const KbArticle& article, int delta, VocabularyDelta& vocabulary) const
{
    std::unordered_set<std::string> terms;
    const auto collect = [&](const QString& text) {
        const QByteArray utf8 = text.toUtf8();
        m_analyzer->analyze(
            std::string_view(utf8.constData(), size_t(utf8.size())), [&](const AnalyzedToken& t) {
                terms.insert(t.folded);
                if (!t.stem.empty())
                    terms.insert(std::string(1, StemMarker) + t.stem);
            });
    };
    collect(article.title);
    collect(article.summary);
    collect(article.tags.join(QLatin1Char('\n')));
    collect(article.body);
    for (const std::string& term : terms)
        vocabulary[term] += delta;
}

Result<void> KbStore::applyVocabulary(const VocabularyDelta& vocabulary)
{
    // Terms in key order: neighbouring writes land on the same b-tree pages. Terms an
    // update kept (net change 0) are not touched at all.
    std::vector<std::pair<std::string_view, int>> changes;
    changes.reserve(vocabulary.size());
    for (const auto& [term, delta] : vocabulary) {
        if (delta != 0)
            changes.emplace_back(term, delta);
    }
    std::sort(changes.begin(), changes.end());
    SqliteStatement& upsert = cached("INSERT INTO kb_vocab(term, df) VALUES (?1, ?2) ON CONFLICT(term) DO "
                                     "UPDATE SET df = df + excluded.df");
    SqliteStatement& prune = cached("DELETE FROM kb_vocab WHERE term = ?1 AND df <= 0");
    for (const auto& [term, delta] : changes) {
        upsert.reset();
        upsert.bind(1, term);
        upsert.bind(2, qint64(delta));
        upsert.step();
        if (!upsert.ok())
            return m_connection->error(tr("Mise à jour du vocabulaire impossible."));
        if (delta > 0)
            continue;
        // Only a term whose count went down can have reached zero.
        prune.reset();
        prune.bind(1, term);
        prune.step();
        if (!prune.ok())
            return m_connection->error(tr("Mise à jour du vocabulaire impossible."));
    }
    return {};
}

Result<void> KbStore::rebuildVocabulary()
{
    if (auto r = m_connection->exec(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_fts_terms USING fts5vocab('main', 'kb_fts', 'row')");
        !r)
        return r;
    return m_connection->exec("DELETE FROM kb_vocab;"
                              "INSERT INTO kb_vocab(term, df) SELECT term, doc FROM temp.kb_fts_terms;");
}

Result<void> KbStore::upsertOne(const KbArticle& input, KbChangeReport& report, VocabularyDelta* vocabulary)
{
    KbArticle a = input;
    if (a.contentHash.isEmpty())
        a.contentHash = a.computeContentHash();
    // The hash alone tells whether anything changed; the old text is only read when
    // the term statistics must be adjusted.
    SqliteStatement& probe = cached("SELECT version, content_hash FROM kb_article WHERE uid = ?1");
    probe.reset();
    probe.bind(1, a.uid);
    const bool exists = probe.step();
    const int oldVersion = exists ? int(probe.int64(0)) : 0;
    const bool same = exists && probe.text(1) == a.contentHash;
    const bool failed = !probe.ok();
    probe.reset();
    if (failed)
        return m_connection->error(tr("Lecture de l'article « %1 » impossible.").arg(a.uid));
    if (same) {
        ++report.unchanged;
        return {};
    }
    if (exists && vocabulary) {
        auto previous = article(a.uid);
        if (!previous)
            return previous.error();
        countTerms(*previous, -1, *vocabulary);
    }
    SqliteStatement& s = cached(
        "INSERT INTO kb_article(uid, url, title, summary, tags, body, section, owner_service, updated, "
        "review_by,"
        " version, content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
        " ON CONFLICT(uid) DO UPDATE SET url = excluded.url, title = excluded.title, summary = "
        "excluded.summary,"
        " tags = excluded.tags, body = excluded.body, section = excluded.section,"
        " owner_service = excluded.owner_service, updated = excluded.updated, review_by = excluded.review_by,"
        " version = excluded.version, content_hash = excluded.content_hash");
    s.reset();
    s.bind(1, a.uid);
    s.bind(2, a.url);
    s.bind(3, a.title);
    s.bind(4, a.summary);
    s.bind(5, a.tags.join(QLatin1Char('\n')));
    s.bind(6, a.body);
    s.bind(7, a.section);
    s.bind(8, a.ownerService);
    s.bind(9, isoOrEmpty(a.updated));
    s.bind(10, isoOrEmpty(a.reviewBy));
    s.bind(11, qint64(exists ? std::max(oldVersion + 1, a.version) : std::max(1, a.version)));
    s.bind(12, a.contentHash);
    s.step();
    if (!s.ok())
        return m_connection->error(tr("Enregistrement de l'article « %1 » impossible.").arg(a.uid));
    if (exists)
        ++report.updated;
    else
        ++report.added;
    if (vocabulary)
        countTerms(a, +1, *vocabulary);
    return {};
}

Result<void> KbStore::removeOne(const QString& uid, KbChangeReport& report, VocabularyDelta* vocabulary)
{
    auto existing = article(uid);
    if (!existing)
        return existing.error().code() == ErrorCode::NotFound ? Result<void>()
                                                              : Result<void>(existing.error());
    if (vocabulary)
        countTerms(*existing, -1, *vocabulary);
    SqliteStatement& s = cached("DELETE FROM kb_article WHERE id = ?1");
    s.reset();
    s.bind(1, existing->rowId);
    s.step();
    if (!s.ok())
        return m_connection->error(tr("Suppression de l'article « %1 » impossible.").arg(uid));
    ++report.removed;
    return {};
}

Result<KbChangeReport> KbStore::applyChanges(const KbChangeSet& changes, std::optional<qint64> newVersion)
{
    KbChangeReport report;
    const bool incremental = changes.upserts.size() + changes.removals.size() <= IncrementalLimit;
    // Small batches adjust the term statistics once, at the end, for the terms they
    // touched; large ones rebuild them from the index.
    VocabularyDelta vocabulary;
    VocabularyDelta* const counting = incremental ? &vocabulary : nullptr;
    auto result = m_connection->transaction([&]() -> Result<void> {
        for (const QString& uid : changes.removals) {
            if (auto r = removeOne(uid, report, counting); !r)
                return r;
        }
        for (const KbArticle& a : changes.upserts) {
            if (auto r = upsertOne(a, report, counting); !r)
                return r;
        }
        if (!report.changed() && !newVersion)
            return {};
        if (report.changed()) {
            if (auto r = incremental ? applyVocabulary(vocabulary) : rebuildVocabulary(); !r)
                return r;
        }
        report.version = newVersion ? *newVersion : contentVersion() + 1;
        return setMeta("content_version", QString::number(report.version));
    });
    if (!result)
        return result.error();
    if (!report.changed() && !newVersion)
        report.version = contentVersion();
    return report;
}

} // namespace iris::kb
