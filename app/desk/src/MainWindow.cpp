#include "app/desk/src/MainWindow.h"

#include "app/desk/src/AboutDialog.h"
#include "app/desk/src/ConnectionBanner.h"
#include "app/desk/src/ActionBinder.h"
#include "app/desk/src/GlobalSearch.h"
#include "app/desk/src/GlobalSearchEngine.h"
#include "app/desk/src/NavigationBar.h"
#include "app/desk/src/PageCatalog.h"
#include "app/desk/src/PageStack.h"
#include "app/desk/src/SettingsDialog.h"
#include "app/desk/src/ShellStatusBar.h"
#include "app/desk/src/ShortcutCollector.h"
#include "app/desk/src/ShellController.h"
#include "app/desk/src/StatusBarController.h"
#include "app/desk/src/WindowStateStore.h"
#include "core/modules/ModuleContext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QIcon>
#include <QMenuBar>
#include <QSplitter>
#include <QScreen>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::shell {

namespace {
const QString ShellOwner = QStringLiteral("IRIS Desk");
} // namespace

MainWindow::MainWindow(ModuleContext& context, ShellController& shell, QList<ModuleSpec> modules,
    const QString& databaseDescription, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_shell(shell)
    , m_modules(std::move(modules))
    , m_databaseDescription(databaseDescription)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("IRIS Desk — %1").arg(shell.session().agent().displayName));
    setWindowIcon(QIcon(u":/iris/icons/iris-desk.svg"_s));
    resize(1280, 800);

    createMenus();
    createSearch();
    createPages();

    m_actions = new ActionBinder(menuBar(), m_viewMenu, m_shortcuts, this);
    m_actions->bind(m_context.actions, shell.session());

    setStatusBar(new ShellStatusBar(this));
    m_status = new StatusBarController(statusBar(), shell.session().agent(), databaseDescription, this);
    connect(&m_shell, &ShellController::statusMessageRequested, m_status, &StatusBarController::showMessage);
    connect(&m_shell, &ShellController::pageRequested, this, [this](const QString& id) {
        if (!showPage(id))
            m_status->showMessage(tr("Cette page n'est pas disponible."), 4000);
    });
    m_shell.setDialogParent(this);
    connect(m_connectionBanner, &ConnectionBanner::restored, m_status,
        [this] { m_status->showMessage(tr("Connexion au serveur rétablie."), 5000); });

    qsizetype failed = 0;
    for (const ModuleSpec& spec : m_modules)
        failed += spec.state == ModuleState::Error ? 1 : 0;
    if (failed > 0)
        m_status->showMessage(tr("%n module(s) n'ont pas pu être chargés — voir Aide › À propos / Modules.",
                                  nullptr, int(failed)),
            10000);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&Fichier"));
    m_fileMenu->setObjectName(u"menu:file"_s);
    m_goMenu = menuBar()->addMenu(tr("&Aller à"));
    m_goMenu->setObjectName(u"menu:go"_s);
    m_viewMenu = menuBar()->addMenu(tr("Affic&hage"));
    m_viewMenu->setObjectName(u"menu:view"_s);
    m_helpMenu = menuBar()->addMenu(tr("Ai&de"));
    m_helpMenu->setObjectName(u"menu:help"_s);

    // Settings pages the modules contributed, shown only to the roles that may change them.
    if (!SettingsDialog::visiblePages(m_context.settingsPages, m_shell.session()).isEmpty()) {
        QAction* settings = m_fileMenu->addAction(tr("&Paramètres…"));
        settings->setObjectName(u"action:settings"_s);
        settings->setMenuRole(QAction::PreferencesRole);
        settings->setShortcut(
            m_shortcuts.claim(QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Paramètres"), ShellOwner));
        settings->setShortcutContext(Qt::WindowShortcut);
        addAction(settings);
        connect(settings, &QAction::triggered, this, [this] { showSettings(); });
    }

    // Another agent takes the workstation without restarting the application.
    QAction* logout = m_fileMenu->addAction(tr("Se &déconnecter"));
    logout->setObjectName(u"action:logout"_s);
    logout->setShortcut(m_shortcuts.claim(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q), tr("Se déconnecter (changer d'agent)"), ShellOwner));
    logout->setShortcutContext(Qt::WindowShortcut);
    addAction(logout);
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    m_fileMenu->addSeparator();

    QAction* quit = m_fileMenu->addAction(tr("&Quitter"));
    quit->setObjectName(u"action:quit"_s);
    quit->setShortcut(m_shortcuts.claim(QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quitter"), ShellOwner));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QAction* help = m_helpMenu->addAction(tr("&Raccourcis clavier"));
    help->setObjectName(u"action:help"_s);
    help->setShortcut(
        m_shortcuts.claim(QKeySequence(Qt::Key_F1), tr("Aide : raccourcis clavier"), ShellOwner));
    connect(help, &QAction::triggered, this, [this] { showAbout(int(AboutDialog::Tab::Shortcuts)); });
    QAction* about = m_helpMenu->addAction(tr("À &propos / Modules…"));
    about->setObjectName(u"action:about"_s);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] { showAbout(int(AboutDialog::Tab::Modules)); });
}

void MainWindow::createSearch()
{
    const Session& session = m_shell.session();
    QList<std::shared_ptr<SearchProvider>> providers;
    for (const std::shared_ptr<SearchProvider>& provider : m_context.searchProviders) {
        if (provider && (provider->permission().isEmpty() || session.can(provider->permission())))
            providers.append(provider);
    }
    m_searchEngine = new GlobalSearchEngine(std::move(providers), this);

    auto* toolbar = addToolBar(tr("Recherche"));
    toolbar->setObjectName(u"searchToolBar"_s);
    toolbar->setMovable(false);
    m_search = new GlobalSearch(m_searchEngine, m_shell, this, toolbar);
    toolbar->addWidget(m_search);

    QAction* focusSearch
        = m_viewMenu->addAction(QIcon(u":/iris/icons/search.svg"_s), tr("&Recherche globale"));
    focusSearch->setObjectName(u"action:globalSearch"_s);
    focusSearch->setShortcut(
        m_shortcuts.claim(QKeySequence(Qt::CTRL | Qt::Key_K), tr("Recherche globale"), ShellOwner));
    focusSearch->setShortcutContext(Qt::WindowShortcut);
    addAction(focusSearch);
    connect(focusSearch, &QAction::triggered, m_search, &GlobalSearch::activate);
    m_viewMenu->addSeparator();
}

void MainWindow::createPages()
{
    const QList<PageSpec> pages = PageCatalog::visiblePages(m_context.pages, m_shell.session());

    // Explicit shortcuts first, then Ctrl+1..9 in navigation order for the others.
    QList<QKeySequence> sequences(pages.size());
    for (qsizetype i = 0; i < pages.size(); ++i)
        sequences[i] = m_shortcuts.claim(
            pages.at(i).shortcut, tr("Page « %1 »").arg(pages.at(i).title), pages.at(i).id);
    int nextDigit = 1;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (!sequences.at(i).isEmpty() || !pages.at(i).shortcut.isEmpty())
            continue;
        while (nextDigit <= 9 && m_shortcuts.isTaken(QKeySequence(Qt::CTRL | (Qt::Key_0 + nextDigit))))
            ++nextDigit;
        if (nextDigit > 9)
            break;
        sequences[i] = m_shortcuts.claim(QKeySequence(Qt::CTRL | (Qt::Key_0 + nextDigit)),
            tr("Page « %1 »").arg(pages.at(i).title), pages.at(i).id);
        ++nextDigit;
    }

    m_navigation = new NavigationBar(this);
    m_pages = new PageStack(this);
    m_pages->setPages(pages);
    QStringList shortcutTexts;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const PageSpec& page = pages.at(i);
        shortcutTexts << sequences.at(i).toString(QKeySequence::NativeText);
        QAction* go = m_goMenu->addAction(page.title);
        go->setObjectName(u"page-action:"_s + page.id);
        if (!page.iconName.isEmpty())
            go->setIcon(QIcon(u":/iris/icons/"_s + page.iconName + u".svg"_s));
        go->setShortcut(sequences.at(i));
        connect(go, &QAction::triggered, this, [this, id = page.id] { showPage(id); });
    }
    m_navigation->setPages(pages, shortcutTexts);
    connect(m_navigation, &NavigationBar::pageActivated, this, &MainWindow::showPage);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    // On a shared site, a band above the pages says when the server cannot be reached.
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_connectionBanner = new ConnectionBanner(central);
    column->addWidget(m_connectionBanner);
    column->addWidget(splitter, 1);
    setCentralWidget(central);
    m_connectionBanner->watch(m_context.database);

    if (!pages.isEmpty())
        showPage(pages.constFirst().id);
}

bool MainWindow::showPage(const QString& pageId)
{
    if (!m_pages->showPage(pageId))
        return false;
    m_navigation->selectPage(pageId);
    return true;
}

SettingsDialog* MainWindow::showSettings(const QString& pageId)
{
    if (!m_settings) {
        m_settings = new SettingsDialog(m_context.settingsPages, m_shell.session(), this);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!pageId.isEmpty())
        m_settings->showPage(pageId);
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
    return m_settings;
}

QString MainWindow::currentPageId() const
{
    return m_pages->currentPageId();
}

QAction* MainWindow::addSideDock(QDockWidget* dock, const QString& shortcut)
{
    Q_ASSERT_X(!dock->objectName().isEmpty(), "MainWindow::addSideDock", "dock needs an objectName");
    dock->setParent(this);
    dock->setAllowedAreas(Qt::RightDockWidgetArea | Qt::LeftDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(u"dock-action:"_s + dock->objectName());
    m_viewMenu->addAction(toggle);

    const QKeySequence sequence = m_shortcuts.claim(shortcut, dock->windowTitle(), dock->objectName());
    if (!sequence.isEmpty()) {
        auto* focus = new QAction(dock->windowTitle(), this);
        focus->setObjectName(u"dock-focus:"_s + dock->objectName());
        focus->setShortcut(sequence);
        focus->setShortcutContext(Qt::WindowShortcut);
        addAction(focus);
        toggle->setShortcut(sequence); // shown in the menu; the window action does the work
        toggle->setShortcutContext(Qt::WidgetShortcut);
        // Opens and focuses, never hides: pressed again while the panel is open, the key
        // must not send what the agent types next to another field (the menu toggle hides).
        connect(focus, &QAction::triggered, this, [dock] {
            dock->show();
            dock->raise();
            if (QWidget* content = dock->widget())
                content->setFocus(Qt::ShortcutFocusReason);
        });
    }
    return toggle;
}

void MainWindow::restoreWindowState()
{
    if (WindowStateStore().restore(*this))
        return;
    // First start on this workstation: most of the screen, as a counter agent works all
    // day in this window (the queue, the visit and the knowledge base side by side).
    if (const QScreen* screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        const QSize wanted = QSize(available.width() * 92 / 100, available.height() * 92 / 100)
                                 .expandedTo(QSize(1280, 800))
                                 .boundedTo(available.size());
        setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, wanted, available));
        // Side panels take a quarter of the width at most; the pages keep the rest.
        QList<QDockWidget*> docks;
        QList<int> widths;
        for (QDockWidget* dock : findChildren<QDockWidget*>()) {
            if (dockWidgetArea(dock) == Qt::RightDockWidgetArea) {
                docks << dock;
                widths << wanted.width() / 4;
            }
        }
        if (!docks.isEmpty())
            resizeDocks(docks, widths, Qt::Horizontal);
    }
    WindowStateStore::fitToScreen(*this);
}

void MainWindow::showAbout(int tab)
{
    // Every page the agent may open, so the list holds the keys each one binds.
    m_pages->createAll();
    QList<ShortcutCollector::Page> pages;
    for (const PageSpec& page : m_pages->pages())
        pages.append({ page.title, m_pages->pageWidget(page.id) });
    auto* dialog = new AboutDialog(m_modules, ShortcutCollector::collect(m_shortcuts, pages),
        m_shortcuts.conflicts(), m_databaseDescription, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showTab(static_cast<AboutDialog::Tab>(tab));
    dialog->open();
}

bool MainWindow::closeOtherWindows()
{
    QList<QPointer<QWidget>> windows;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        const Qt::WindowType type = w->windowType();
        if (w != this && w->isVisible() && !qobject_cast<QDockWidget*>(w) && type != Qt::Popup
            && type != Qt::ToolTip)
            windows.append(w);
    }
    for (const QPointer<QWidget>& w : std::as_const(windows)) {
        if (w && w->isVisible() && !w->close()) {
            w->raise();
            w->activateWindow();
            return false;
        }
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!closeOtherWindows()) {
        event->ignore();
        return;
    }
    WindowStateStore().save(*this);
    QMainWindow::closeEvent(event);
}

} // namespace iris::shell
