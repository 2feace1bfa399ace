#pragma once

#include <QObject>
#include <QThread>

#include <memory>

namespace iris {
class Database;
}

namespace iris::accueil {

/// Tells the views when anything was committed to the site database — by this process
/// or by another desk's (SQLite `PRAGMA data_version`, read on a connection of its own
/// thread, changes whenever another connection commits). Polls every interval on a
/// worker thread; changed() arrives on the thread that owns the watcher.
class DatabaseWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseWatcher(std::shared_ptr<Database> db, int intervalMs = 1000, QObject* parent = nullptr);
    ~DatabaseWatcher() override;

    void start();
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }
    int interval() const { return m_intervalMs; }

Q_SIGNALS:
    void changed();

private:
    std::weak_ptr<Database> m_db;
    int m_intervalMs;
    QThread m_thread;
};

} // namespace iris::accueil
