#pragma once

#include "knowledgebase/KbArticle.h"
#include "knowledgebase/KbSearcher.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

namespace iris::kb {
class KbStore;
}

namespace iris::ui {

/// Runs knowledge-base work for the panel on its own thread, with its own
/// connections: searches (a request older than the latest one is dropped before it
/// runs), article loading, "pas trouvé" feedback and the gaps export.
class KbSearchWorker final : public QObject
{
    Q_OBJECT
public:
    explicit KbSearchWorker(QString kbPath);
    ~KbSearchWorker() override;

    /// Called from the GUI thread before queueing a search: anything older is stale.
    void setLatest(quint64 serial) { m_latest.store(serial); }
    /// Searches run (not dropped) so far; for tests.
    int executedSearches() const { return m_executed.load(); }

public Q_SLOTS:
    /// Creates the knowledge base with the demo content when it has no article
    /// (first start); queued before any search, so searches see the result.
    void seedIfEmpty();
    void search(quint64 serial, const QString& text, int limit);
    void loadArticle(const QString& uid);
    void recordNotFound(const QString& query, const QString& normalized);
    void exportGaps(const QString& path);

Q_SIGNALS:
    void searched(quint64 serial, const iris::kb::KbSearchResult& result);
    void searchFailed(quint64 serial, const QString& message);
    void articleLoaded(const iris::kb::KbArticle& article);
    void articleFailed(const QString& message);
    void feedbackDone(bool ok, const QString& message);
    void gapsExported(bool ok, const QString& message);
    void seeded(int articles, const QString& error);

private:
    iris::kb::KbStore* store(QString* error);
    QString m_path;
    std::unique_ptr<iris::kb::KbSearcher> m_searcher;
    std::unique_ptr<iris::kb::KbStore> m_store;
    std::atomic<quint64> m_latest { 0 };
    std::atomic<int> m_executed { 0 };
};

} // namespace iris::ui

Q_DECLARE_METATYPE(iris::kb::KbSearchResult)
Q_DECLARE_METATYPE(iris::kb::KbArticle)
