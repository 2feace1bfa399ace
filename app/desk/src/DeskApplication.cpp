#include "app/desk/src/DeskApplication.h"

#include "app/desk/src/CommandLine.h"
#include "app/desk/src/DatabaseBootstrap.h"
#include "app/desk/src/DemoSeedRunner.h"
#include "app/desk/src/ErrorReporter.h"
#include "app/desk/src/ServerPasswordDialog.h"
#include "app/desk/src/LoginDialog.h"
#include "app/desk/src/MainWindow.h"
#include "app/desk/src/ModuleHost.h"
#include "app/desk/src/ModuleListCommand.h"
#include "app/desk/src/ShellController.h"
#include "app/desk/src/SiteSettings.h"
#include "app/desk/src/kb/KbDock.h"
#include "app/desk/src/kbsync/KbSyncSettings.h"
#include "app/desk/src/kbsync/KbSyncStatus.h"
#include "core/services/AuthService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>

using namespace Qt::StringLiterals;

// Q_INIT_RESOURCE must be used outside any namespace.
static void initDeskResources()
{
#ifdef IRIS_HAVE_RESOURCES
    Q_INIT_RESOURCE(resources);
#endif
}

namespace iris::shell {

DeskApplication::DeskApplication(QObject* parent)
    : QObject(parent)
{
    initDeskResources();
}

DeskApplication::~DeskApplication()
{
    shutdown();
}

LoginDialog* DeskApplication::loginDialog() const
{
    return m_login.data();
}

MainWindow* DeskApplication::mainWindow() const
{
    return m_window.data();
}

std::optional<int> DeskApplication::start(const QStringList& arguments)
{
    CommandLine commandLine;
    const std::optional<DeskOptions> options = commandLine.parse(arguments);
    if (!options) {
        std::FILE* out = commandLine.exitCode() == 0 ? stdout : stderr;
        std::fputs(QString(commandLine.output() + u'\n').toLocal8Bit().constData(), out);
        std::fflush(out);
        return commandLine.exitCode();
    }
    m_options = *options;

    const SiteSettings site = SiteSettings::load(m_options.databasePath);
    QStringList disabled = site.disabledModules() + m_options.disabledModules;
    disabled.removeDuplicates();
    m_options.disabledModules = disabled;

    if (m_options.listModules)
        return ModuleListCommand::run(m_options, disabled);
    // The shell decides when the application ends (see the class comment): with Qt's
    // default, closing the login dialog left no window on screen and quit the event loop
    // before the main window could appear.
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        QGuiApplication::setQuitOnLastWindowClosed(false);
    return openDatabase();
}

std::optional<int> DeskApplication::openDatabase()
{
    const ErrorReporter reporter;
    const QString what = tr("Ouverture de la base de données %1").arg(m_options.database.target());

    m_bootstrap = std::make_unique<DatabaseBootstrap>(m_options.database);
    Result<std::shared_ptr<Database>> opened = m_bootstrap->open();
    // A shared site whose server wants a password libpq did not find (~/.pgpass, PGPASSFILE):
    // asked here, kept in memory for this run only.
    for (int attempt = 0; !opened && opened.error().code() == ErrorCode::AuthenticationFailed
         && m_options.database.driver == DatabaseConfig::Driver::Postgres
         && qobject_cast<QApplication*>(QCoreApplication::instance()) && attempt < 3;
         ++attempt) {
        ServerPasswordDialog ask(m_options.database.target(),
            m_options.database.user.isEmpty() ? qEnvironmentVariable("USER") : m_options.database.user,
            attempt == 0 && m_options.database.password.isEmpty()
                ? QString()
                : tr("Mot de passe refusé par le serveur."));
        if (ask.exec() != QDialog::Accepted)
            break;
        m_options.database.password = ask.password();
        m_bootstrap = std::make_unique<DatabaseBootstrap>(m_options.database);
        opened = m_bootstrap->open();
    }
    DatabaseBootstrap& bootstrap = *m_bootstrap;
    if (!opened) {
        reporter.report(what, opened.error());
        return ErrorReporter::exitCodeFor(opened.error().code());
    }
    m_db = opened.value();

    // Modules register their schema steps in initialize(), so they load before migrating.
    m_host = std::make_unique<ModuleHost>();
    m_shell = std::make_unique<ShellController>(m_host->context());
    m_host->load(m_options.modulePaths, m_options.disabledModules, m_db, m_shell.get());
    for (const ModuleSpec& spec : m_host->modules()) {
        if (spec.state == ModuleState::Error)
            std::fputs(
                QString(u"iris-desk : "_s + spec.describe() + u'\n').toLocal8Bit().constData(), stderr);
    }

    const Result<void> migrated = bootstrap.migrate(*m_db, m_host->migrations());
    if (!migrated) {
        reporter.report(
            tr("Mise à jour de la base de données %1").arg(m_options.database.target()), migrated.error());
        m_host->shutdown();
        bootstrap.discardCreatedFile(*m_db);
        return ErrorReporter::exitCodeFor(migrated.error().code());
    }

    if (bootstrap.isFirstStart() && m_options.seedDemo) {
        DemoSeedOptions seed;
        seed.citizens = m_options.demoCitizens;
        seed.contacts = m_options.demoCitizens * 5;
        // The modules' dossier types and demo content (today's queue, mail to answer…).
        seed.dossierTypes = &m_host->dossierTypes();
        seed.moduleContent = m_host->context().demoContent;
        seed.permissions = m_host->permissions();
        m_seeder = std::make_unique<DemoSeedRunner>(m_db);
        connect(m_seeder.get(), &DemoSeedRunner::finished, this, &DeskApplication::onSeedFinished);
        m_seeder->start(seed);
        return std::nullopt;
    }
    showLogin();
    return std::nullopt;
}

void DeskApplication::onSeedFinished(const Result<DemoSeedReport>& result)
{
    if (!result) {
        const bool cancelled = m_seeder && m_seeder->wasCancelled();
        if (!cancelled)
            ErrorReporter().report(tr("Création des données de démonstration"), result.error());
        // A half-filled new database would never be seeded again: start afresh next time.
        m_host->shutdown();
        m_bootstrap->discardCreatedFile(*m_db);
        Q_EMIT exitRequested(cancelled ? 0 : ErrorReporter::exitCodeFor(result.error().code()));
        return;
    }
    m_seeded = true;
    showLogin();
}

void DeskApplication::showLogin()
{
    auto auth = std::make_shared<const AuthService>(m_db);
    m_login = new LoginDialog(auth, m_db->describe());
    connect(m_login, &QDialog::finished, this, [this](int result) {
        const std::optional<AgentIdentity> agent = m_login ? m_login->agent() : std::nullopt;
        if (m_login)
            m_login->deleteLater();
        if (result != QDialog::Accepted || !agent) {
            Q_EMIT exitRequested(0);
            return;
        }
        // Build the window from the event loop, not from inside the dialog's accept().
        QMetaObject::invokeMethod(
            this, [this, identity = *agent] { onLoggedIn(identity); }, Qt::QueuedConnection);
    });
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void DeskApplication::onLoggedIn(const AgentIdentity& agent)
{
    Session session(agent, m_host->permissions());
    m_shell->setSession(session);
    m_services = std::make_unique<CoreServices>(m_db, session, &m_host->dossierTypes());
    m_host->setServices(m_services.get());

    m_window = new MainWindow(m_host->context(), *m_shell, m_host->modules(), m_db->describe());
    kbsync::KbSyncStatus::attach(m_window, m_options.databasePath); // KB sync status, on start + every N min
    KbDock::attach(m_window, m_host->context(), // KB panel (F3), next to the personal database
        kbsync::KbSyncSettings::load(SiteSettings::pathFor(m_options.databasePath), m_options.databasePath)
            .kbPath);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    // Closed by the agent (Ctrl+Q, the title bar): the application ends. A logout
    // disconnects this before it closes the window.
    connect(m_window, &QObject::destroyed, this, [this] {
        endSession();
        if (!m_loggingOut)
            Q_EMIT exitRequested(0);
    });
    // Queued: the window goes away, and not from inside its own action's signal.
    connect(m_window, &MainWindow::logoutRequested, this, &DeskApplication::logout, Qt::QueuedConnection);
    Q_EMIT mainWindowCreated(m_window);
    m_window->restoreWindowState();
    m_window->show();
    for (const std::function<void()>& started : std::as_const(m_host->context().sessionStarted))
        started();
    Q_EMIT mainWindowShown(m_window);
}

bool DeskApplication::logout()
{
    if (!m_window)
        return false;
    // closeEvent asks the agent's other windows first and saves the layout; it refuses
    // when one of them must stay open, and the session goes on.
    m_loggingOut = true;
    if (!m_window->close()) {
        m_loggingOut = false;
        return false;
    }
    delete m_window.data(); // now, not at the next deferred delete: the login follows
    m_loggingOut = false;
    showLogin();
    return true;
}

void DeskApplication::endSession()
{
    if (!m_services)
        return;
    // Modules stop what each login started (mailbox watcher…) and drop their windows
    // while the session's services still exist.
    for (const std::function<void()>& ended : std::as_const(m_host->context().sessionEnded))
        ended();
    m_host->setServices(nullptr);
    m_shell->clearSession();
    m_services.reset();
}

void DeskApplication::shutdown()
{
    // First: a demo seeding still running uses the modules' demo content and dossier types.
    m_seeder.reset();
    if (m_window) {
        disconnect(m_window, nullptr, this, nullptr);
        delete m_window;
    }
    endSession();
    if (m_login) {
        disconnect(m_login, nullptr, this, nullptr);
        delete m_login;
    }
    if (m_host)
        m_host->shutdown();
    m_host.reset(); // before the services and the database: modules may hold them
    m_services.reset();
}

namespace {

void setApplicationNames()
{
    QCoreApplication::setApplicationName(u"IRIS Desk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(IRIS_VERSION));
    // No organisation: the data folder is ~/.local/share/IRIS Desk.
    QCoreApplication::setOrganizationName(QString());
}

} // namespace

int runDesk(int argc, char** argv)
{
    if (CommandLine::isConsoleOnly(argc, argv)) {
        // Console answers need no display (scripts, packaging checks, SSH sessions).
        QCoreApplication app(argc, argv);
        setApplicationNames();
        DeskApplication desk;
        return desk.start(QCoreApplication::arguments()).value_or(0);
    }

    QApplication app(argc, argv);
    setApplicationNames();
    // Qt's own words (Oui, Annuler, Fermer…) in French like the rest of the UI.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(QLocale::French, QLocale::France), u"qtbase"_s, u"_"_s,
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QApplication::setDesktopFileName(u"iris-desk"_s);
    QApplication::setWindowIcon(QIcon(u":/iris/icons/iris-desk.svg"_s));

    DeskApplication desk;
    // Queued: exit() is only heard once exec() runs.
    QObject::connect(
        &desk, &DeskApplication::exitRequested, &app, [](int code) { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
    if (const std::optional<int> code = desk.start(QCoreApplication::arguments()))
        return *code;
    return QApplication::exec();
}

} // namespace iris::shell
