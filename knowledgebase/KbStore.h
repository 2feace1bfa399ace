#pragma once

#include "core/base/Result.h"
#include "knowledgebase/KbArticle.h"
#include "knowledgebase/KbConnection.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace iris::kb {

class FrenchAnalyzer;

/// What a knowledge-base file holds, for `iris-cli kb info` and the status bar.
struct KbInfo
{
    qint64 version = 0; ///< content version: grows with every change (import or sync)
    qint64 articles = 0;
    qint64 dueForReview = 0; ///< articles past their review date today
    int schemaVersion = 0;
    qint64 synonymGroups = 0;
    qint64 fileBytes = 0;
};

/// A batch of changes applied in one transaction (an import, or later a sync delta).
struct KbChangeSet
{
    QList<KbArticle> upserts; ///< matched on uid; unchanged content (same hash) is skipped
    QStringList removals; ///< uids to delete
};

struct KbChangeReport
{
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    qint64 version = 0; ///< content version after the change
    bool changed() const { return added || updated || removed; }
};

/// The article store: one SQLite file per knowledge base, separate from personal data.
/// Articles, their FTS5 index (external content, kept by triggers), the term
/// statistics the search uses, synonyms and "pas trouvé" feedback.
/// One instance per thread (it owns a connection).
class KbStore final
{
public:
    ~KbStore();
    KbStore(const KbStore&) = delete;
    KbStore& operator=(const KbStore&) = delete;

    static constexpr int SchemaVersion = 1;

    /// Opens a knowledge base; in ReadWrite mode a missing or empty file is created
    /// with the current schema (and the default synonyms).
    static Result<std::unique_ptr<KbStore>> open(
        const QString& path, KbConnection::Mode mode = KbConnection::Mode::ReadWrite);

    KbConnection& connection() const { return *m_connection; }
    const QString& path() const { return m_connection->path(); }

    Result<KbInfo> info(const QDate& today = QDate::currentDate()) const;
    qint64 contentVersion() const;

    Result<KbArticle> article(const QString& uid) const;
    Result<KbArticle> articleByRowId(qint64 rowId) const;
    Result<QList<KbArticle>> articlesDueForReview(const QDate& today) const;
    Result<QStringList> allUids() const;

    /// Applies upserts and removals in one transaction; the content version grows by
    /// one when something changed, or is set to `newVersion` when given (sync).
    /// Nothing changes when any step fails.
    Result<KbChangeReport> applyChanges(const KbChangeSet& changes, std::optional<qint64> newVersion = {});

    /// Recomputes the term statistics from the index (after bulk changes).
    Result<void> rebuildVocabulary();

private:
    /// Net document-frequency changes of one transaction, by term ("creche", "~crech").
    using VocabularyDelta = std::unordered_map<std::string, int>;

    explicit KbStore(std::unique_ptr<KbConnection> connection);
    Result<void> ensureSchema(KbConnection::Mode mode);
    /// Adds `delta` to the count of every distinct term (word and stem) of the article.
    void countTerms(const KbArticle& article, int delta, VocabularyDelta& vocabulary) const;
    /// Writes the net changes to kb_vocab, dropping the terms no article holds any more:
    /// work proportional to the terms touched, not to the vocabulary.
    Result<void> applyVocabulary(const VocabularyDelta& vocabulary);
    /// `vocabulary` is null when the statistics are rebuilt after the whole batch.
    Result<void> upsertOne(const KbArticle& article, KbChangeReport& report, VocabularyDelta* vocabulary);
    Result<void> removeOne(const QString& uid, KbChangeReport& report, VocabularyDelta* vocabulary);
    Result<void> setMeta(const char* key, const QString& value);
    SqliteStatement& cached(const std::string& sql) const;

    std::unique_ptr<KbConnection> m_connection;
    std::unique_ptr<FrenchAnalyzer> m_analyzer;
    mutable std::unordered_map<std::string, SqliteStatement> m_statements;
};

} // namespace iris::kb
