#pragma once

#include "app/desk/src/kbsync/KbSyncSettings.h"
#include "knowledgebase/sync/KbSyncClient.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>

class QLabel;
class QMainWindow;
class QToolButton;

namespace iris::kb {
class KbSyncWorker;
}

namespace iris::shell::kbsync {

/// Keeps the workstation's knowledge base in sync and says so in the status bar
/// ("statusKbSync"): "Base à jour — version N, synchronisée à HH:MM", offline since
/// when, or the last error. Syncs on start, every N minutes and on demand (the
/// "statusKbSyncButton" button, or syncNow()), in a worker thread.
class KbSyncStatus final : public QObject
{
    Q_OBJECT

public:
    KbSyncStatus(QMainWindow* window, KbSyncSettings settings);
    ~KbSyncStatus() override;

    /// The shell's hook: reads [kbsync] beside the site database and starts.
    static KbSyncStatus* attach(QMainWindow* window, const QString& databasePath);

    QString text() const;

public Q_SLOTS:
    void syncNow();

Q_SIGNALS:
    void syncFinished(bool ok);

private:
    void onStarted();
    void onProgress(int stage, qint64 done, qint64 total);
    void onSucceeded(const iris::kb::KbSyncOutcome& outcome);
    void onFailed(const QString& message, bool offline);
    void showLocalVersion();

    KbSyncSettings m_settings;
    QLabel* m_label = nullptr;
    QToolButton* m_button = nullptr;
    QThread m_thread;
    iris::kb::KbSyncWorker* m_worker = nullptr;
    QTimer m_timer;
    QDateTime m_offlineSince;
};

} // namespace iris::shell::kbsync
