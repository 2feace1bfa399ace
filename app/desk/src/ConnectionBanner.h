#pragma once

#include <QFrame>

#include <memory>

class QLabel;

namespace iris {
class ChangeFeed;
class Database;
}

namespace iris::shell {

/// The band above the pages ("connectionBanner") that says, on a shared site, that the
/// database server cannot be reached: "Connexion au serveur perdue — nouvelle tentative…".
/// Nothing else changes meanwhile — the pages and what the agent is typing stay as they are,
/// a write is refused with its own message and nothing half-written — and the band goes away
/// by itself when the server is back (the views then reload in full). Hidden on SQLite.
class ConnectionBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget* parent = nullptr);
    ~ConnectionBanner() override;

    /// Follows db's change feed (shared with the modules' views); nothing on SQLite.
    void watch(const std::shared_ptr<Database>& db);

Q_SIGNALS:
    /// The server came back (for a status-bar message).
    void restored();

private:
    QLabel* m_text = nullptr;
    std::shared_ptr<ChangeFeed> m_feed;
};

} // namespace iris::shell
