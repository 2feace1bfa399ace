#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace iris::ui {

/// Runs citizen searches off the GUI thread and delivers only the latest one.
///
/// Searches run one at a time on a private worker thread, which therefore keeps a
/// single database connection (Database::connection() is per thread). A query that
/// has been superseded before it starts is skipped, and the result of a query that
/// finishes after a newer one was asked is dropped, so the table never flickers back
/// to stale rows.
class CitizenSearchRunner final : public QObject
{
    Q_OBJECT
public:
    /// Called on the worker thread; must only use thread-safe, per-thread resources.
    using SearchFunction = std::function<Result<QList<CitizenSummary>>(const QString& query, int limit)>;

    explicit CitizenSearchRunner(QObject* parent = nullptr);
    /// Waits for the query in flight (its result is discarded).
    ~CitizenSearchRunner() override;

    void setSearchFunction(SearchFunction function);
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }

    /// Starts a search; any earlier one becomes stale. An empty query cancels.
    void search(const QString& query);
    /// Makes every pending query stale.
    void cancel();
    bool isBusy() const { return m_pending > 0; }

Q_SIGNALS:
    void started(const QString& query);
    void resultsReady(const QString& query, const QList<iris::CitizenSummary>& results);
    void failed(const QString& query, const iris::Error& error);
    void busyChanged(bool busy);

private:
    struct Outcome
    {
        quint64 generation = 0;
        bool skipped = false;
        bool ok = true;
        QList<CitizenSummary> rows;
        Error error;
    };

    void deliver(const QString& query, const Outcome& outcome);

    SearchFunction m_function;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    int m_limit = 50;
    int m_pending = 0;
};

} // namespace iris::ui
