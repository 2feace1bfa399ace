#pragma once

#include <QObject>

#include <memory>

namespace iris {
class ChangeFeed;
class Database;
}

namespace iris::accueil {

/// Tells the accueil views when anything was committed to the site database — by this
/// process or by another workstation: the process's ChangeFeed (SQLite data_version poll,
/// PostgreSQL LISTEN/NOTIFY), shared with every other view of the process. changed() arrives
/// on the thread that owns the watcher; after a reconnection to the server it comes once more,
/// so that everything is reloaded.
class DatabaseWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseWatcher(std::shared_ptr<Database> db, int intervalMs = 1000, QObject* parent = nullptr);
    ~DatabaseWatcher() override;

    void start();
    void stop();
    bool isRunning() const;
    int interval() const { return m_intervalMs; }
    /// The feed behind the watcher (null before start()).
    ChangeFeed* feed() const { return m_feed.get(); }

Q_SIGNALS:
    void changed();

private:
    std::weak_ptr<Database> m_db;
    int m_intervalMs;
    std::shared_ptr<ChangeFeed> m_feed;
};

} // namespace iris::accueil
