#pragma once

#include "app/desk/src/ShortcutMap.h"
#include "core/modules/ModuleSpec.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QMenu;

namespace iris {
class ModuleContext;
}

namespace iris::shell {

class ActionBinder;
class ConnectionBanner;
class GlobalSearch;
class GlobalSearchEngine;
class NavigationBar;
class PageStack;
class SettingsDialog;
class ShellController;
class StatusBarController;

/// The main window ("mainWindow"): navigation by module page, the modules' actions
/// in menus with their shortcuts, the global search (Ctrl+K), the status bar and the
/// right-hand side docks. It assembles the feature classes; each one does its job.
/// Built after login: everything is filtered by the agent's permissions.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(ModuleContext& context, ShellController& shell, QList<ModuleSpec> modules,
        const QString& databaseDescription, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Extension point for right-hand side panels (the knowledge-base panel…): docks
    /// `dock` on the right, adds a toggle to the "Affichage" menu and binds `shortcut`
    /// (portable text, e.g. "F2") to show it and give it focus (hide it when it has
    /// focus already). The dock needs a unique objectName so its place is remembered.
    /// Call before restoreWindowState(). Returns the toggle action.
    QAction* addSideDock(QDockWidget* dock, const QString& shortcut);

    /// Restores geometry and dock layout saved by the previous run (QSettings).
    void restoreWindowState();

    /// Shows a page by id; false when it is unknown or not permitted.
    bool showPage(const QString& pageId);
    QString currentPageId() const;
    /// Opens "Paramètres" (Ctrl+,) on the given settings page, or where it was; one
    /// dialog at a time, not modal so the agent can look something up meanwhile.
    SettingsDialog* showSettings(const QString& pageId = {});

    const ShortcutMap& shortcuts() const { return m_shortcuts; }
    /// Opens "À propos / Modules" on the given tab (0 about, 1 modules, 2 shortcuts).
    void showAbout(int tab);

Q_SIGNALS:
    /// "Se déconnecter" (Fichier menu, Ctrl+Maj+Q): the shell closes this window and
    /// shows the login again.
    void logoutRequested();

protected:
    /// Asks the agent's other windows to close first (a reply being written may ask to
    /// stay); the close is refused when one of them stays open.
    void closeEvent(QCloseEvent* event) override;

private:
    bool closeOtherWindows();
    void createMenus();
    void createPages();
    void createSearch();

    ModuleContext& m_context;
    ShellController& m_shell;
    QList<ModuleSpec> m_modules;
    QString m_databaseDescription;
    ShortcutMap m_shortcuts;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_goMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    NavigationBar* m_navigation = nullptr;
    PageStack* m_pages = nullptr;
    GlobalSearchEngine* m_searchEngine = nullptr;
    GlobalSearch* m_search = nullptr;
    StatusBarController* m_status = nullptr;
    ConnectionBanner* m_connectionBanner = nullptr;
    ActionBinder* m_actions = nullptr;
    QPointer<SettingsDialog> m_settings;
};

} // namespace iris::shell
