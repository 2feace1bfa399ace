// "Paramètres" (Ctrl+,): the shell hosts the settings pages the modules contribute, shows
// only those the agent's role may open (none → no menu entry, no shortcut), lists them by
// title and creates each page when it is first shown.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "app/desk/src/SettingsDialog.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::shell::DeskApplication;
using iris::shell::MainWindow;

namespace {
QWidget* findTopLevel(const QString& name)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->objectName() == name)
            return w;
    }
    return nullptr;
}
} // namespace

class TestShellSettingsGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<DeskApplication> m_desk;
    MainWindow* m_window = nullptr;

    bool logIn(const TestAgent& agent)
    {
        m_desk = std::make_unique<DeskApplication>();
        if (m_desk->start({u"iris-desk"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir()}))
            return false;
        iris::shell::LoginDialog* dialog = findLoginDialog();
        if (!dialog)
            return false;
        typeCredentials(dialog, agent.login, agent.password);
        if (!QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000))
            return false;
        m_window = findMainWindow();
        return QTest::qWaitForWindowActive(m_window);
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

    void cleanup()
    {
        m_desk.reset();
        m_window = nullptr;
    }

    void administratorOpensTheSettingsWithCtrlComma()
    {
        QVERIFY(logIn(adminAgent()));
        QAction* action = m_window->findChild<QAction*>(u"action:settings"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));

        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QPointer<QWidget> dialog;
        QTRY_VERIFY((dialog = findTopLevel(u"settingsDialog"_s)) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Paramètres"_s);

        // By title, whatever the registration order; only the first page is built yet.
        auto* list = dialog->findChild<QListWidget*>(u"settingsPageList"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), u"Réglages A de test"_s);
        QCOMPARE(list->item(1)->text(), u"Réglages B de test"_s);
        QVERIFY(dialog->findChild<QLabel*>(u"shelltest.settings.a"_s));
        QVERIFY(!dialog->findChild<QLabel*>(u"shelltest.settings.b"_s));

        // The keyboard moves to the next page, which is then created and shown.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QLabel* b = nullptr;
        QTRY_VERIFY((b = dialog->findChild<QLabel*>(u"shelltest.settings.b"_s)) && b->isVisible());
        QVERIFY(!dialog->findChild<QLabel*>(u"shelltest.settings.a"_s)->isVisible());

        // One dialog at a time: asking again brings the same one, on the requested page.
        auto* again = m_window->showSettings(u"shelltest.settings.a"_s);
        QCOMPARE(static_cast<QWidget*>(again), dialog.data());
        QCOMPARE(again->currentPageId(), u"shelltest.settings.a"_s);
        QVERIFY(!again->showPage(u"inconnue"_s));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void counterAgentHasNoSettingsToOpen()
    {
        QVERIFY(logIn(counterAgent()));
        QVERIFY(!m_window->findChild<QAction*>(u"action:settings"_s));
        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTest::qWait(200);
        QVERIFY(!findTopLevel(u"settingsDialog"_s));
    }
};

QTEST_MAIN(TestShellSettingsGui)
#include "tst_shell_settings_gui.moc"
