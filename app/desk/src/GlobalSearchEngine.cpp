#include "app/desk/src/GlobalSearchEngine.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace iris::shell {

GlobalSearchEngine::GlobalSearchEngine(QList<std::shared_ptr<SearchProvider>> providers, QObject* parent)
    : QObject(parent)
    , m_providers(std::move(providers))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
}

GlobalSearchEngine::~GlobalSearchEngine()
{
    m_latest->fetch_add(1);
    for (QFuture<QList<SearchGroup>>& future : m_running)
        future.waitForFinished();
}

void GlobalSearchEngine::search(const QString& text)
{
    const quint64 generation = m_latest->fetch_add(1) + 1;
    const QString query = text.trimmed();
    if (query.isEmpty() || m_providers.isEmpty())
        return;

    auto latest = m_latest;
    auto future = QtConcurrent::run([providers = m_providers, latest, generation, query, limit = m_limit] {
        QList<SearchGroup> groups;
        for (const std::shared_ptr<SearchProvider>& provider : providers) {
            if (latest->load() != generation)
                return QList<SearchGroup> {}; // superseded: nobody will read this
            SearchGroup group { provider->id(), provider->title(), provider->search(query, limit) };
            if (!group.hits.isEmpty())
                groups.append(std::move(group));
        }
        return groups;
    });
    m_running.insert(generation, future);

    auto* watcher = new QFutureWatcher<QList<SearchGroup>>(this);
    connect(watcher, &QFutureWatcher<QList<SearchGroup>>::finished, this, [this, watcher, generation, query] {
        const QFuture<QList<SearchGroup>> done = watcher->future();
        m_running.remove(generation);
        watcher->deleteLater();
        if (m_latest->load() != generation) {
            ++m_dropped;
            return;
        }
        ++m_delivered;
        Q_EMIT resultsReady(query, done.result());
    });
    watcher->setFuture(future);
}

} // namespace iris::shell
