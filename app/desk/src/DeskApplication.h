#pragma once

#include "app/desk/src/DeskOptions.h"
#include "core/base/Result.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace iris {
class CoreServices;
class Database;
struct AgentIdentity;
struct DemoSeedReport;
} // namespace iris

namespace iris::shell {

class DatabaseBootstrap;
class DemoSeedRunner;
class LoginDialog;
class MainWindow;
class ModuleHost;
class ShellController;

/// The start-up sequence of iris-desk, step by step and without blocking the event
/// loop (so GUI tests drive it like an agent would):
///   command line → site settings → (--list-modules: print, exit) → open the database
///   → load modules → migrations → first start: demo data on a worker → login
///   → CoreServices for the agent → main window ⇄ (Se déconnecter) login again.
/// The application ends when the login is cancelled or the main window is closed (Ctrl+Q),
/// never because no window happens to be on screen: between the login dialog and the
/// main window there is a moment with none.
/// Any refusal is reported on stderr and in a dialog, and ends with a non-zero code.
class DeskApplication final : public QObject
{
    Q_OBJECT
public:
    explicit DeskApplication(QObject* parent = nullptr);
    ~DeskApplication() override;

    /// Runs the synchronous steps. Returns an exit code when the application must stop
    /// now (--help, --list-modules, an unusable database…), nothing when it goes on in
    /// the event loop; it then ends by emitting exitRequested().
    std::optional<int> start(const QStringList& arguments);

    const DeskOptions& options() const { return m_options; }
    LoginDialog* loginDialog() const;
    MainWindow* mainWindow() const;
    const std::shared_ptr<Database>& database() const { return m_db; }
    /// Whether this start filled the database with demo data.
    bool seededDemo() const { return m_seeded; }

    /// "Se déconnecter": closes the agent's windows (any of them may refuse, e.g. a reply
    /// with typed text the agent chose to keep), ends the session and shows the login
    /// again. False when a window refused and the session goes on.
    bool logout();

Q_SIGNALS:
    /// The application should leave the event loop with this code.
    void exitRequested(int code);
    /// The main window exists but is not shown yet: the place to add side docks
    /// (MainWindow::addSideDock) before the saved layout is restored.
    void mainWindowCreated(iris::shell::MainWindow* window);
    /// The main window is on screen (bench: start-to-window time).
    void mainWindowShown(iris::shell::MainWindow* window);

private:
    std::optional<int> openDatabase();
    void onSeedFinished(const Result<DemoSeedReport>& result);
    void showLogin();
    void onLoggedIn(const AgentIdentity& agent);
    void endSession();
    void shutdown();

    DeskOptions m_options;
    std::shared_ptr<Database> m_db;
    std::unique_ptr<ModuleHost> m_host;
    std::unique_ptr<ShellController> m_shell;
    std::unique_ptr<CoreServices> m_services;
    std::unique_ptr<DemoSeedRunner> m_seeder;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_window;
    std::unique_ptr<DatabaseBootstrap> m_bootstrap;
    bool m_seeded = false;
    bool m_loggingOut = false;
};

/// Parses the command line, opens the site database (creating and seeding the demo
/// database on first start), loads the modules, logs in and runs the main window.
int runDesk(int argc, char** argv);

} // namespace iris::shell
