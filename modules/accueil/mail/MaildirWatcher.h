#pragma once

#include "core/base/Result.h"
#include "core/base/WorkingCalendar.h"
#include "core/security/Session.h"
#include "modules/accueil/mail/MaildirImportReport.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <memory>

class QFileSystemWatcher;

namespace iris {
class CoreServices;
class Database;
} // namespace iris

namespace iris::accueil {

/// Watches a Maildir and imports what arrives, off the GUI thread.
///
/// A QFileSystemWatcher on <maildir>/new triggers an import (debounced, so a burst of
/// deliveries is one pass); a periodic rescan catches what the watcher misses (network
/// filesystems, inotify limits). Each pass runs MaildirImporter on a worker thread with
/// the session of the services given at construction and that thread's own database
/// connection; at most one pass runs at a time, a request during a pass queues one more.
/// imported() is emitted after a pass that registered or failed on at least one message.
class MaildirWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit MaildirWatcher(CoreServices& services, QObject* parent = nullptr);
    ~MaildirWatcher() override; ///< waits for a running pass

    /// Periodic rescan (default 60 s; 0 disables it).
    void setRescanInterval(int milliseconds);
    /// Quiet time after a change before importing (default 300 ms).
    void setDebounce(int milliseconds);

    /// Starts watching `maildir` and imports at once. InvalidArgument when it is not a Maildir.
    Result<void> start(const QString& maildir);
    void stop();
    bool isWatching() const { return !m_maildir.isEmpty(); }
    QString maildir() const { return m_maildir; }
    bool isImporting() const { return m_running; }

public Q_SLOTS:
    /// Imports now (or right after the running pass).
    void importNow();

Q_SIGNALS:
    void imported(const iris::accueil::MaildirImportReport& report);
    /// The Maildir or the database could not be used at all (French).
    void failed(const QString& message);

private:
    struct Outcome
    {
        bool ok = false;
        MaildirImportReport report;
        QString error;
    };
    void onFinished();

    std::shared_ptr<Database> m_db;
    Session m_session;
    WorkingCalendar m_calendar;
    QString m_maildir;
    QFileSystemWatcher* m_fsWatcher = nullptr;
    QTimer m_debounce;
    QTimer m_rescan;
    QFutureWatcher<Outcome> m_future;
    bool m_running = false;
    bool m_pending = false;
};

} // namespace iris::accueil
