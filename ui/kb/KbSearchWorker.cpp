#include "ui/kb/KbSearchWorker.h"

#include "knowledgebase/KbFeedback.h"
#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbStore.h"

namespace iris::ui {

using namespace iris::kb;

KbSearchWorker::KbSearchWorker(QString kbPath)
    : m_path(std::move(kbPath))
{
    qRegisterMetaType<iris::kb::KbSearchResult>();
    qRegisterMetaType<iris::kb::KbArticle>();
}

KbSearchWorker::~KbSearchWorker() = default;

KbStore* KbSearchWorker::store(QString* error)
{
    if (!m_store) {
        auto opened = KbStore::open(m_path);
        if (!opened) {
            *error = opened.error().message();
            return nullptr;
        }
        m_store = std::move(opened.value());
    }
    return m_store.get();
}

void KbSearchWorker::seedIfEmpty()
{
    auto report = KbImporter::ensureSeeded(m_path);
    Q_EMIT seeded(report ? report->changes.added : 0, report ? QString() : report.error().message());
}

void KbSearchWorker::search(quint64 serial, const QString& text, int limit)
{
    if (serial != m_latest.load())
        return; // the agent typed on: this query is already stale
    if (!m_searcher) {
        auto opened = KbSearcher::open(m_path);
        if (!opened) {
            Q_EMIT searchFailed(serial, opened.error().message());
            return;
        }
        m_searcher = std::move(opened.value());
    }
    KbSearchOptions options;
    options.limit = limit;
    ++m_executed;
    auto result = m_searcher->search(text, options);
    if (!result) {
        Q_EMIT searchFailed(serial, result.error().message());
        return;
    }
    Q_EMIT searched(serial, *result);
}

void KbSearchWorker::loadArticle(const QString& uid)
{
    QString error;
    KbStore* s = store(&error);
    if (!s) {
        Q_EMIT articleFailed(error);
        return;
    }
    auto article = s->article(uid);
    if (!article) {
        Q_EMIT articleFailed(article.error().message());
        return;
    }
    Q_EMIT articleLoaded(*article);
}

void KbSearchWorker::recordNotFound(const QString& query, const QString& normalized)
{
    QString error;
    KbStore* s = store(&error);
    if (!s) {
        Q_EMIT feedbackDone(false, error);
        return;
    }
    auto r = KbFeedback(s->connection()).recordNotFound(query, normalized);
    Q_EMIT feedbackDone(bool(r), r ? QString() : r.error().message());
}

void KbSearchWorker::exportGaps(const QString& path)
{
    QString error;
    KbStore* s = store(&error);
    if (!s) {
        Q_EMIT gapsExported(false, error);
        return;
    }
    auto r = KbFeedback(s->connection()).exportCsv(path);
    Q_EMIT gapsExported(bool(r), r ? path : r.error().message());
}

} // namespace iris::ui
