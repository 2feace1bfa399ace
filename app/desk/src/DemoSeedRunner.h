#pragma once

#include "core/demo/DemoSeeder.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

class QProgressDialog;

namespace iris::shell {

/// Fills a new site database with demo data on a worker thread (the seeder uses that
/// thread's own connection) while a progress dialog ("demoSeedProgress") keeps the
/// window responsive and lets the agent cancel.
class DemoSeedRunner final : public QObject
{
    Q_OBJECT
public:
    explicit DemoSeedRunner(std::shared_ptr<Database> db, QObject* parent = nullptr);
    ~DemoSeedRunner() override;

    void start(const DemoSeedOptions& options);
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCancelled() const { return m_cancel->load(); }

Q_SIGNALS:
    /// Emitted once, on the GUI thread.
    void finished(const iris::Result<iris::DemoSeedReport>& result);

private:
    void updateProgress();
    void onFinished();

    std::shared_ptr<Database> m_db;
    std::shared_ptr<std::atomic<qint64>> m_done;
    std::shared_ptr<std::atomic<qint64>> m_total;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<std::optional<Result<DemoSeedReport>>> m_watcher;
    QPointer<QProgressDialog> m_dialog;
    QTimer m_poll;
};

} // namespace iris::shell
