// End to end through the real shell: iris-desk's DeskApplication on a site database, the
// real usagers plugin from the build's module directory, the login dialog, then the
// agent's path: Ctrl+K finds a citizen, Enter opens the 360° page; the directory page
// searches as-you-type; Ctrl+N opens the creation form.
#include "tests/shell/support/ShellTestSupport.h"
#include "tests/usagers/UsagersHarness.h"

#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "tests/support/TestPaths.h"
#include "ui/citizen/CitizenSearchModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace iris;
using namespace iris::shelltest;
using iris::shell::DeskApplication;
using iris::shell::MainWindow;

class TestUsagersShellE2e : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<DeskApplication> m_desk;
    MainWindow* m_window = nullptr;

    static QString moduleDir() { return QString(test::binaryDir() + QStringLiteral("/lib/iris-desk/modules")); }
    QWidget* card() const { return m_window->findChild<QWidget*>(QStringLiteral("citizen360Page")); }
    /// Other pages (the counter's visit panel…) have citizen pickers too: look inside this one.
    QWidget* directoryPage() const { return m_window->findChild<QWidget*>(QStringLiteral("usagersDirectoryPage")); }

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("site.sqlite"));
        const Result<void> created = createSiteDatabase(m_db);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        {
            DatabaseConfig config;
            config.path = m_db;
            auto db = Database::open(config);
            QVERIFY(db.ok());
            CoreServices system(*db, Session::system(std::make_shared<PermissionRegistry>()), nullptr);
            Citizen c;
            c.civilite = QStringLiteral("Mme");
            c.nomUsage = QStringLiteral("Dupré-Lambert");
            c.prenoms = QStringLiteral("Hélène");
            c.birthDate = QDate(1985, 7, 14);
            c.phone = QStringLiteral("01 41 23 80 00");
            QVERIFY(system.citizens().create(c).ok());
            (*db)->closeAll();
        }

        m_desk = std::make_unique<DeskApplication>();
        QVERIFY(!m_desk->start({QStringLiteral("iris-desk"), QStringLiteral("--db"), m_db,
                                // Every module of the build, as an agent would have them.
                                QStringLiteral("--module-path"), moduleDir()}));
        shell::LoginDialog* login = findLoginDialog();
        QVERIFY(login);
        typeCredentials(login, counterAgent().login, counterAgent().password);
        QVERIFY(QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000));
        m_window = findMainWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void cleanupTestCase()
    {
        if (m_window)
            m_window->close();
        m_desk.reset();
    }

    void globalSearchOpensThe360Page()
    {
        auto* field = m_window->findChild<QLineEdit*>(QStringLiteral("globalSearchField"));
        auto* results = m_window->findChild<QTreeWidget*>(QStringLiteral("globalSearchResults"));
        QVERIFY(field && results);
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("dupre hel"));
        QTRY_VERIFY(results->topLevelItemCount() >= 1 && results->topLevelItem(0)->childCount() >= 1);
        QCOMPARE(results->topLevelItem(0)->text(0), QStringLiteral("Usagers"));
        QCOMPARE(results->topLevelItem(0)->child(0)->text(0), QStringLiteral("Mme DUPRÉ-LAMBERT Hélène"));
        QTest::keyClick(field, Qt::Key_Return);

        QTRY_COMPARE(m_window->currentPageId(), QStringLiteral("usagers.directory"));
        QTRY_VERIFY(card() && card()->isVisible());
        QCOMPARE(card()->findChild<QLabel*>(QStringLiteral("citizenTitle"))->text(),
                 QStringLiteral("Mme DUPRÉ-LAMBERT Hélène"));
        QCOMPARE(card()->findChild<QLabel*>(QStringLiteral("identityPhone"))->text(), QStringLiteral("01 41 23 80 00"));
    }

    void directoryPageSearchesAsYouType()
    {
        // From the 360° page, Ctrl+Shift+U goes back to the search, ready to type.
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(directoryPage() && directoryPage()->isVisible());
        auto* field = directoryPage()->findChild<QLineEdit*>(QStringLiteral("citizenSearchField"));
        QTRY_VERIFY(field->isVisible());
        QTRY_VERIFY(field->hasFocus());
        QVERIFY(!card()->isVisible());
        field->clear();
        test::typeText(field, QStringLiteral("hélène"));
        auto* view = directoryPage()->findChild<QTableView*>(QStringLiteral("citizenResults"));
        auto* model = qobject_cast<ui::CitizenSearchModel*>(view->model());
        QTRY_COMPARE(model->rowCount(), 1);
        QTest::keyClick(field, Qt::Key_Down);
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(card()->isVisible());
    }

    void ctrlNOpensTheCreationForm()
    {
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
        QWidget* dialog = nullptr;
        QTRY_VERIFY((dialog = test::findTopLevel(QStringLiteral("citizenEditDialog"))));
        QPointer<QWidget> guard = dialog;
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Nouvel usager"));
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog, Qt::Key_Escape);  // nothing typed: closes without asking
        QTRY_VERIFY(!guard);
    }
};

QTEST_MAIN(TestUsagersShellE2e)
#include "TestUsagersShellE2e.moc"
