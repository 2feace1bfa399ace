// kb_dock: the knowledge-base panel inside the real shell — F3 from the main window,
// the knowledge base created beside the site database with the demo content.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "knowledgebase/KbStore.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace iris::shelltest;

class TestKbDock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void panelInTheShell()
    {
        prepareEnvironment();
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("site.sqlite"));
        const iris::Result<void> created = createSiteDatabase(db);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));

        iris::shell::DeskApplication desk;
        QVERIFY(!desk.start({ QStringLiteral("iris-desk"), QStringLiteral("--db"), db,
            QStringLiteral("--module-path"), goodModuleDir() }));
        iris::shell::LoginDialog* dialog = findLoginDialog();
        QVERIFY(dialog);
        typeCredentials(dialog, counterAgent().login, counterAgent().password);
        QVERIFY(QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000));
        iris::shell::MainWindow* window = findMainWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));

        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("kbDock"));
        QVERIFY(dock);
        dock->hide();
        QTest::keyClick(window, Qt::Key_F3);
        QTRY_VERIFY(dock->isVisible());
        auto* field = dock->findChild<QLineEdit*>(QStringLiteral("kbSearchField"));
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("horaires iris"));
        auto* results = dock->findChild<QListWidget*>(QStringLiteral("kbResults"));
        QTRY_VERIFY_WITH_TIMEOUT(results->count() > 0, 10000);
        QCOMPARE(
            results->item(0)->data(Qt::UserRole + 1).toString(), QStringLiteral("iris-horaires-contacts"));

        const QString kb = QFileInfo(db).absolutePath() + QStringLiteral("/knowledgebase.sqlite");
        QVERIFY(QFileInfo::exists(kb));
        auto store = iris::kb::KbStore::open(kb, iris::kb::KbConnection::Mode::ReadOnly);
        QVERIFY(store);
        QVERIFY((*store)->info()->articles >= 40);
        window->close();
    }
};

QTEST_MAIN(TestKbDock)
#include "TestKbDock.moc"
