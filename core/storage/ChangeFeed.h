#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace iris {

class Database;

/// Tells the views of this process when anything was committed to the site database by any
/// workstation, so that waiting lists, displays, registers and *À traiter* stay live.
///
/// - SQLite: `PRAGMA data_version`, read every interval on a connection of the feed's own
///   thread (it changes whenever another connection commits).
/// - PostgreSQL: LISTEN on one dedicated libpq connection of the feed's own thread; the
///   tables' statement triggers (installChangeTriggers) NOTIFY "table:id,id,…" — ids only,
///   never personal data. A heartbeat finds a dead connection within seconds; the feed then
///   reports connectionLost(), reconnects with a back-off, subscribes again, and, since
///   notifications sent meanwhile are lost, asks for a full reload (changed() with no table)
///   after connectionRestored().
///
/// Signals arrive on the thread that owns the feed. One feed per database and process:
/// use shared().
class ChangeFeed final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pollIntervalMs = 1000;   ///< SQLite: how often data_version is read
        int heartbeatMs = 2000;      ///< PostgreSQL: silence after which the connection is probed
        int heartbeatTimeoutMs = 3000; ///< a probe unanswered this long means a dead connection
        int coalesceMs = 20;         ///< notifications arriving this close together give one changed()
        int reconnectMinMs = 200;
        int reconnectMaxMs = 3000;
    };

    explicit ChangeFeed(std::shared_ptr<Database> db, Options options, QObject* parent = nullptr);
    explicit ChangeFeed(std::shared_ptr<Database> db, QObject* parent = nullptr);
    ~ChangeFeed() override;

    /// The process's feed for db (created with options and started on first use; later callers
    /// share it, whatever options they pass).
    static std::shared_ptr<ChangeFeed> shared(const std::shared_ptr<Database>& db, Options options);
    static std::shared_ptr<ChangeFeed> shared(const std::shared_ptr<Database>& db);

    /// Starts watching; returns once the baseline is read (SQLite) or the subscription is
    /// active (PostgreSQL, or the first attempt failed), so a commit made right after is seen.
    void start();
    void stop();
    bool isRunning() const;
    /// False while the server cannot be reached (PostgreSQL).
    bool isConnected() const;
    const Options& options() const { return m_options; }

    /// The channel the triggers notify.
    static QString channel();

Q_SIGNALS:
    /// Something was committed. tables: the tables touched (PostgreSQL), empty when not known
    /// (SQLite) or after a reconnection — reload everything then.
    void changed(const QStringList& tables);
    /// The rows touched, per notification (PostgreSQL; ids empty when too many to list).
    void rowsChanged(const QString& table, const QList<qint64>& ids);
    /// The listener lost the server; message is French, for a banner.
    void connectionLost(const QString& message);
    /// The server is back and the subscription renewed; a changed({}) follows.
    void connectionRestored();

private:
    struct Private;
    std::unique_ptr<Private> d;
    Options m_options;
};

/// PostgreSQL: (re)creates the notification function and the statement triggers of every
/// table that does not have them yet (schema versions, the audit trail and the search index
/// excepted). Idempotent; MigrationRunner runs it after upgrading a site. SQLite: nothing.
Result<void> installChangeTriggers(QSqlDatabase& db, const Database& database);

} // namespace iris
