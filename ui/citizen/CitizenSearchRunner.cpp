#include "ui/citizen/CitizenSearchRunner.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace iris::ui {

CitizenSearchRunner::CitizenSearchRunner(QObject* parent)
    : QObject(parent)
{
    // One long-lived worker: searches are serialised and reuse its connection.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

CitizenSearchRunner::~CitizenSearchRunner()
{
    cancel();
    m_pool.waitForDone();
}

void CitizenSearchRunner::setSearchFunction(SearchFunction function)
{
    cancel();
    m_function = std::move(function);
}

void CitizenSearchRunner::cancel()
{
    m_latest->fetch_add(1);
}

void CitizenSearchRunner::search(const QString& query)
{
    const quint64 generation = m_latest->fetch_add(1) + 1;
    if (query.trimmed().isEmpty() || !m_function)
        return;

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, query] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        if (--m_pending == 0)
            Q_EMIT busyChanged(false);
        deliver(query, outcome);
    });

    const SearchFunction function = m_function;
    const auto latest = m_latest;
    const int limit = m_limit;
    watcher->setFuture(QtConcurrent::run(&m_pool, [function, latest, generation, query, limit] {
        Outcome outcome;
        outcome.generation = generation;
        if (latest->load() != generation) {
            outcome.skipped = true;  // superseded while queued: don't touch the database
            return outcome;
        }
        Result<QList<CitizenSummary>> result = function(query, limit);
        if (result.ok()) {
            outcome.rows = std::move(result).value();
        } else {
            outcome.ok = false;
            outcome.error = result.error();
        }
        return outcome;
    }));

    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    Q_EMIT started(query);
}

void CitizenSearchRunner::deliver(const QString& query, const Outcome& outcome)
{
    if (outcome.skipped || outcome.generation != m_latest->load())
        return;
    if (outcome.ok)
        Q_EMIT resultsReady(query, outcome.rows);
    else
        Q_EMIT failed(query, outcome.error);
}

} // namespace iris::ui
