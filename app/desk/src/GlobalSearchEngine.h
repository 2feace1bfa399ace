#pragma once

#include "core/modules/Registries.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <atomic>
#include <memory>

namespace iris::shell {

/// The hits of one provider, under its heading.
struct SearchGroup
{
    QString providerId;
    QString title;
    QList<SearchHit> hits;
};

/// Runs the global search over every provider the agent may use, off the GUI thread
/// (providers open their own per-thread connection). Only the latest query's results
/// are delivered: older ones are dropped, and a superseded query stops before its
/// next provider.
class GlobalSearchEngine final : public QObject
{
    Q_OBJECT
public:
    explicit GlobalSearchEngine(QList<std::shared_ptr<SearchProvider>> providers, QObject* parent = nullptr);
    /// Waits for running searches: providers live in module libraries.
    ~GlobalSearchEngine() override;

    void setLimitPerProvider(int limit) { m_limit = limit; }
    int providerCount() const { return int(m_providers.size()); }

    /// Starts a search; empty or blank text cancels the current one.
    void search(const QString& text);
    /// Number of results delivered so far (stale ones excluded), for tests and figures.
    int deliveredCount() const { return m_delivered; }
    int droppedCount() const { return m_dropped; }

Q_SIGNALS:
    void resultsReady(const QString& text, const QList<iris::shell::SearchGroup>& groups);

private:
    QList<std::shared_ptr<SearchProvider>> m_providers;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    QHash<quint64, QFuture<QList<SearchGroup>>> m_running;
    int m_limit = 8;
    int m_delivered = 0;
    int m_dropped = 0;
};

} // namespace iris::shell
