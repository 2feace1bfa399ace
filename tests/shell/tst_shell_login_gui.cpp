// Login and the main window, driven like an agent would: wrong password, right password,
// the status bar, pages and actions filtered by role, shortcuts, "À propos / Modules".
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/LoginDialog.h"
#include "app/desk/src/MainWindow.h"
#include "app/desk/src/NavigationBar.h"
#include "app/desk/src/ShellStatusBar.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenu>
#include <QPointer>
#include <QScreen>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::shell::DeskApplication;
using iris::shell::MainWindow;

class TestShellLoginGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    std::unique_ptr<DeskApplication> startDesk(const QStringList& extra = {})
    {
        auto desk = std::make_unique<DeskApplication>();
        const std::optional<int> code = desk->start(
            QStringList { u"iris-desk"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir() } + extra);
        if (code)
            qWarning("start stopped with %d", *code);
        return code ? nullptr : std::move(desk);
    }

    MainWindow* logIn(const TestAgent& agent)
    {
        iris::shell::LoginDialog* dialog = findLoginDialog();
        if (!dialog)
            return nullptr;
        typeCredentials(dialog, agent.login, agent.password);
        if (!QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000))
            return nullptr;
        return findMainWindow();
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"site.sqlite"_s);
        const iris::Result<void> created = createSiteDatabase(m_db);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    }

    void wrongPasswordIsRefusedWithoutSayingWhy()
    {
        auto desk = startDesk();
        QVERIFY(desk);
        iris::shell::LoginDialog* dialog = findLoginDialog();
        QVERIFY(dialog);
        auto* error = dialog->findChild<QLabel*>(u"loginError"_s);
        QVERIFY(error);

        typeCredentials(dialog, counterAgent().login, u"mauvais-mot"_s);
        QTRY_COMPARE(error->text(), u"Identifiant ou mot de passe incorrect."_s);
        const QString wrongPassword = error->text();
        QVERIFY(error->isVisible());
        QVERIFY(!findMainWindow());
        QVERIFY(dialog->findChild<QLineEdit*>(u"passwordField"_s)->text().isEmpty());

        // An unknown login gets the very same words: nothing tells which field was wrong.
        typeCredentials(dialog, u"inconnu"_s, counterAgent().password);
        QTRY_VERIFY(dialog->findChild<QLineEdit*>(u"loginField"_s)->isEnabled());
        QCOMPARE(error->text(), wrongPassword);
        QVERIFY(!findMainWindow());
    }

    void counterAgentSeesOnlyPermittedPages()
    {
        auto desk = startDesk();
        QVERIFY(desk);
        MainWindow* window = logIn(counterAgent());
        QVERIFY(window);
        QVERIFY(!findLoginDialog());

        auto* agent = window->findChild<QLabel*>(u"statusAgent"_s);
        QVERIFY(agent);
        QVERIFY2(agent->text().contains(counterAgent().displayName)
                && agent->text().contains(u"Agent d'accueil"_s),
            qPrintable(agent->text()));
        auto* database = window->findChild<QLabel*>(u"statusDatabase"_s);
        QVERIFY(database && database->text().contains(u"site.sqlite"_s));

        auto* nav = window->findChild<iris::shell::NavigationBar*>(u"navigationBar"_s);
        QVERIFY(nav);
        QCOMPARE(nav->pageIds(), (QStringList { u"shelltest.home"_s, u"shelltest-extra.page"_s }));
        QCOMPARE(window->currentPageId(), u"shelltest.home"_s);
        QVERIFY(window->findChild<QLabel*>(u"shellTestHomePage"_s));
        // Not permitted: neither listed nor reachable through IShell.
        QVERIFY(!window->showPage(u"shelltest.admin"_s));
        QVERIFY(!window->findChild<QAction*>(u"action:shelltest.adminOnly"_s));

        // Module action with its shortcut, in the module's menu.
        QVERIFY(QTest::qWaitForWindowActive(window));
        QAction* ping = window->findChild<QAction*>(u"action:shelltest.ping"_s);
        QVERIFY(ping);
        QCOMPARE(ping->shortcut(), QKeySequence(u"Ctrl+Shift+T"_s));
        QTest::keyClick(window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(window->statusBar()->currentMessage(), u"Signal de test reçu"_s);

        // Ctrl+2 goes to the second page; the module's claim on Ctrl+Q was refused.
        QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(window->currentPageId(), u"shelltest-extra.page"_s);
        QVERIFY(window->findChild<QLabel*>(u"shellExtraPage"_s));
        QAction* thief = window->findChild<QAction*>(u"action:shelltest.thief"_s);
        QVERIFY(thief && thief->shortcut().isEmpty());
        QVERIFY(!window->shortcuts().conflicts().isEmpty());

        // F1: the shortcuts list; the modules tab lists what loaded.
        QTest::keyClick(window, Qt::Key_F1);
        QDialog* about = nullptr;
        QTRY_VERIFY((about = window->findChild<QDialog*>(u"aboutDialog"_s)) && about->isVisible());
        auto* shortcuts = about->findChild<QTableWidget*>(u"shortcutsTable"_s);
        QVERIFY(shortcuts);
        QStringList keys;
        for (int r = 0; r < shortcuts->rowCount(); ++r)
            keys << shortcuts->item(r, 0)->text();
        for (const QKeySequence& k : { QKeySequence(u"Ctrl+K"_s), QKeySequence(u"Ctrl+Q"_s),
                 QKeySequence(u"Ctrl+1"_s), QKeySequence(u"Ctrl+Shift+T"_s), QKeySequence(u"F1"_s) })
            QVERIFY2(keys.contains(k.toString(QKeySequence::NativeText)), qPrintable(keys.join(u", "_s)));
        auto* modules = about->findChild<QTableWidget*>(u"modulesTable"_s);
        QVERIFY(modules);
        QCOMPARE(modules->rowCount(), 2);
        QCOMPARE(modules->item(0, 0)->text(), u"shelltest"_s);
        QCOMPARE(modules->item(0, 3)->text(), u"Chargé"_s);
        about->close();

        window->close();
    }

    void administratorSeesTheRestrictedPage()
    {
        auto desk = startDesk();
        QVERIFY(desk);
        MainWindow* window = logIn(adminAgent());
        QVERIFY(window);
        auto* nav = window->findChild<iris::shell::NavigationBar*>(u"navigationBar"_s);
        QCOMPARE(nav->pageIds(),
            (QStringList { u"shelltest.home"_s, u"shelltest.admin"_s, u"shelltest-extra.page"_s }));
        QVERIFY(window->findChild<QAction*>(u"action:shelltest.adminOnly"_s));
        nav->setCurrentRow(1);
        QTRY_COMPARE(window->currentPageId(), u"shelltest.admin"_s);
        QVERIFY(window->findChild<QLabel*>(u"shellTestAdminPage"_s));
        window->close();
    }

    void moduleLoadErrorsAreShownNotFatal()
    {
        auto desk = startDesk({ u"--module-path"_s, brokenModuleDir() });
        QVERIFY(desk);
        MainWindow* window = logIn(counterAgent());
        QVERIFY(window);
        QVERIFY2(window->statusBar()->currentMessage().contains(u"À propos / Modules"_s),
            qPrintable(window->statusBar()->currentMessage()));
        window->findChild<QAction*>(u"action:about"_s)->trigger();
        QDialog* about = nullptr;
        QTRY_VERIFY((about = window->findChild<QDialog*>(u"aboutDialog"_s)) && about->isVisible());
        auto* modules = about->findChild<QTableWidget*>(u"modulesTable"_s);
        QVERIFY(modules);
        QCOMPARE(modules->rowCount(), 3);
        bool orphanReported = false;
        for (int r = 0; r < modules->rowCount(); ++r) {
            if (modules->item(r, 0)->text() == u"shellorphan"_s)
                orphanReported = modules->item(r, 3)->text() == u"Erreur"_s
                    && modules->item(r, 4)->text().contains(u"absent-module"_s);
        }
        QVERIFY(orphanReported);
        // The others still work.
        auto* nav = window->findChild<iris::shell::NavigationBar*>(u"navigationBar"_s);
        QCOMPARE(nav->pageIds().size(), 2);
        about->close();
        window->close();
    }

    void sideDockExtensionPointAndRememberedGeometry()
    {
        QRect saved;
        {
            auto desk = startDesk();
            QVERIFY(desk);
            connect(desk.get(), &DeskApplication::mainWindowCreated, this, [](MainWindow* w) {
                auto* dock = new QDockWidget(u"Base de connaissances"_s);
                dock->setObjectName(u"testSideDock"_s);
                auto* field = new QLineEdit(dock);
                field->setObjectName(u"testSideField"_s);
                dock->setWidget(field);
                w->addSideDock(dock, u"F2"_s);
                dock->hide();
            });
            MainWindow* window = logIn(counterAgent());
            QVERIFY(window);
            QVERIFY(QTest::qWaitForWindowActive(window));
            auto* dock = window->findChild<QDockWidget*>(u"testSideDock"_s);
            QVERIFY(dock && !dock->isVisible());
            QTest::keyClick(window, Qt::Key_F2);
            QTRY_VERIFY(dock->isVisible());
            auto* field = window->findChild<QLineEdit*>(u"testSideField"_s);
            QTRY_VERIFY(field->hasFocus());
            // Pressed again, the key keeps the panel open and its field focused: what the
            // agent types next must not land in another field (the global search…).
            QTest::keyClick(window, Qt::Key_F2);
            QTest::qWait(50);
            QVERIFY(dock->isVisible());
            QVERIFY(field->hasFocus());
            auto* search = window->findChild<QLineEdit*>(u"globalSearchField"_s);
            if (search) {
                search->setFocus();
                QTRY_VERIFY(search->hasFocus());
                QTest::keyClick(window, Qt::Key_F2);
                QTRY_VERIFY(field->hasFocus());
                QVERIFY(dock->isVisible());
            }
            // The "Affichage" menu's toggle is the way to hide it.
            window->findChild<QAction*>(u"dock-action:testSideDock"_s)->trigger();
            QTRY_VERIFY(!dock->isVisible());

            window->setGeometry(QRect(40, 50, 700, 480));
            QTest::qWait(50);
            saved = window->geometry();
            window->close();
        }
        auto desk = startDesk();
        MainWindow* window = logIn(counterAgent());
        QVERIFY(window);
        QTRY_COMPARE(window->geometry().size(), saved.size());
        // A size larger than the screen (saved on a bigger one, or grown once) is not
        // forced on the next login: the window comes back inside the available area.
        window->setGeometry(QRect(0, 0, 3000, 2000));
        QTest::qWait(50);
        window->close();
        QTRY_VERIFY(!findMainWindow());
        desk.reset();
        desk = startDesk();
        window = logIn(counterAgent());
        QVERIFY(window);
        const QRect available = window->screen()->availableGeometry();
        QTRY_VERIFY2(available.contains(window->frameGeometry()) || window->size().width() <= available.width(),
            qPrintable(u"window %1x%2, screen %3x%4"_s.arg(window->width()).arg(window->height())
                    .arg(available.width()).arg(available.height())));
        QVERIFY(window->width() <= available.width() && window->height() <= available.height());
        window->close();
    }

    void longStatusMessagesEndBeforeTheAgentsName()
    {
        auto desk = startDesk();
        QVERIFY(desk);
        MainWindow* window = logIn(counterAgent());
        QVERIFY(window);
        window->resize(1100, 700);
        auto* bar = qobject_cast<iris::shell::ShellStatusBar*>(window->statusBar());
        QVERIFY(bar);
        const QString text = u"Le courriel « Demande de copie intégrale d'acte de naissance pour mon fils né à "
                             u"Issy-les-Moulineaux » a été attribué au service État civil."_s;
        bar->showMessage(text, 0);
        QTRY_VERIFY(bar->isVisible());
        QTest::qWait(50); // the new width laid out
        QCOMPARE(bar->currentMessage(), text); // whole, for the tool tip and the tests
        const QString shown = bar->displayedMessage();
        QVERIFY2(shown.endsWith(u'…') && shown.size() < text.size(),
            qPrintable(u"%1 | bar %2, area %3, window %4"_s.arg(shown).arg(bar->width()).arg(bar->messageArea().width()).arg(window->width())));
        QVERIFY(bar->fontMetrics().horizontalAdvance(shown) <= bar->messageArea().width());
        auto* agent = window->findChild<QLabel*>(u"statusAgent"_s);
        QVERIFY(agent->isVisible());
        QVERIFY(bar->messageArea().right() < agent->geometry().left());
        QCOMPARE(bar->toolTip(), text);
        window->close();
    }

    void logoutLetsAnotherAgentLogIn()
    {
        auto desk = startDesk();
        QVERIFY(desk);
        QPointer<MainWindow> window = logIn(counterAgent());
        QVERIFY(window);
        QAction* logout = window->findChild<QAction*>(u"action:logout"_s);
        QVERIFY(logout);
        QCOMPARE(logout->shortcut(), QKeySequence(u"Ctrl+Shift+Q"_s));
        // In the Fichier menu, next to Paramètres and Quitter.
        auto* file = window->findChild<QMenu*>(u"menu:file"_s);
        QVERIFY(file && file->actions().contains(logout));
        QVERIFY(QTest::qWaitForWindowActive(window));
        QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!window);
        QTRY_VERIFY(findLoginDialog() && findLoginDialog()->isVisible());
        QVERIFY(!findMainWindow());

        // Another agent, another role: the administrator's window with its own pages.
        MainWindow* next = logIn(adminAgent());
        QVERIFY(next);
        QVERIFY2(next->windowTitle().contains(adminAgent().displayName), qPrintable(next->windowTitle()));
        auto* nav = next->findChild<iris::shell::NavigationBar*>(u"navigationBar"_s);
        QVERIFY(nav->pageIds().contains(u"shelltest.admin"_s));
        auto* agent = next->findChild<QLabel*>(u"statusAgent"_s);
        QVERIFY(agent->text().contains(adminAgent().displayName));
        next->close();
    }

    void logoutWaitsForAWindowThatMustStayOpen()
    {
        // A window of the session that refuses to close (a reply with typed text the
        // agent chose to keep) keeps the session open.
        class StubbornWindow final : public QWidget
        {
        public:
            bool refuse = true;

        protected:
            void closeEvent(QCloseEvent* event) override
            {
                if (refuse)
                    event->ignore();
                else
                    QWidget::closeEvent(event);
            }
        };
        auto desk = startDesk();
        QVERIFY(desk);
        QPointer<MainWindow> window = logIn(counterAgent());
        QVERIFY(window);
        auto* stubborn = new StubbornWindow;
        stubborn->setAttribute(Qt::WA_DeleteOnClose);
        stubborn->show();
        QVERIFY(QTest::qWaitForWindowExposed(stubborn));
        QVERIFY(!desk->logout());
        QVERIFY(window && window->isVisible());
        QVERIFY(!findLoginDialog());
        // Ctrl+Q is refused the same way.
        QVERIFY(!window->close());
        QVERIFY(window);
        stubborn->refuse = false;
        QVERIFY(desk->logout());
        QTRY_VERIFY(!window);
        QTRY_VERIFY(findLoginDialog());
    }
};

QTEST_MAIN(TestShellLoginGui)
#include "tst_shell_login_gui.moc"
