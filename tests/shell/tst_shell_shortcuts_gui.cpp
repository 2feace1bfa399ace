// The F1 list is read off the window, so it cannot drift from what is bound: with every
// module of the build, an administrator's F1 lists the shell's keys, the modules' actions
// and each page's own keys (the counter's F5–F7, Ctrl+B/L/P/T/I/O/M, Ctrl+Entrée,
// Maj+F4…), each with what it does and where; no page binds a key without a description.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/LoginDialog.h"
#include "app/desk/src/MainWindow.h"
#include "app/desk/src/ShortcutCollector.h"
#include "tests/shell/support/ShellTestSupport.h"
#include "tests/support/TestPaths.h"

#include <QAction>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;

class TestShellShortcutsGui final : public QObject
{
    Q_OBJECT

    /// The F1 table of `window`: key (native text) → where it works; checks each row is
    /// described without repeating its key.
    static QMultiHash<QString, QString> f1List(iris::shell::MainWindow* window)
    {
        QMultiHash<QString, QString> listed;
        QTest::keyClick(window, Qt::Key_F1);
        QDialog* about = nullptr;
        if (!QTest::qWaitFor([&] { return (about = window->findChild<QDialog*>(u"aboutDialog"_s)) && about->isVisible(); }))
            return listed;
        auto* table = about->findChild<QTableWidget*>(u"shortcutsTable"_s);
        if (!table || table->columnCount() != 3)
            return listed;
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString key = table->item(r, 0)->text();
            const QString what = table->item(r, 1)->text();
            if (what.trimmed().isEmpty() || what.contains(u'(' + key + u')'))
                listed.insert(u"!"_s, key + u": "_s + what);
            listed.insert(key, table->item(r, 2)->text());
        }
        about->close();
        return listed;
    }

    /// Every key bound inside every page of `window` is described and in `listed`.
    static void checkPages(iris::shell::MainWindow* window, const QMultiHash<QString, QString>& listed, int minPages)
    {
        auto* stack = window->findChild<QStackedWidget*>(u"pageStack"_s);
        QVERIFY(stack);
        int pages = 0;
        QStringList problems;
        for (int i = 0; i < stack->count(); ++i) {
            QWidget* page = stack->widget(i);
            if (!page->property("irisPageId").isValid())
                continue;
            ++pages;
            const QString id = page->property("irisPageId").toString();
            const QStringList missing = iris::shell::ShortcutCollector::undescribed(page);
            if (!missing.isEmpty())
                problems << id + u": "_s + missing.join(u", "_s);
            QList<QKeySequence> keys;
            for (QAction* action : page->findChildren<QAction*>())
                keys += action->shortcuts();
            for (QShortcut* shortcut : page->findChildren<QShortcut*>())
                keys += shortcut->keys();
            for (const QKeySequence& key : std::as_const(keys)) {
                if (!listed.contains(key.toString(QKeySequence::NativeText)))
                    problems << u"%1 of %2 not listed"_s.arg(key.toString(), id);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        QVERIFY2(pages >= minPages, qPrintable(QString::number(pages)));
    }

    static void expectKeys(const QMultiHash<QString, QString>& listed, const QStringList& keys)
    {
        QVERIFY2(!listed.contains(u"!"_s), qPrintable(QStringList(listed.values(u"!"_s)).join(u"; "_s)));
        for (const QString& key : keys) {
            const QString native = QKeySequence(key).toString(QKeySequence::NativeText);
            QVERIFY2(listed.contains(native),
                qPrintable(u"%1 is missing from F1: %2"_s.arg(native, QStringList(listed.keys()).join(u" "_s))));
        }
    }

private Q_SLOTS:
    void theF1ListHoldsEveryBoundKey()
    {
        prepareEnvironment();
        QTemporaryDir dir;
        const QString db = dir.filePath(u"site.sqlite"_s);
        const iris::Result<void> created = createSiteDatabase(db);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        iris::shell::DeskApplication desk;
        QVERIFY(!desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s,
            iris::test::binaryDir() + u"/lib/iris-desk/modules"_s }));

        // The counter agent: the shell's keys, the modules' actions, the counter's own keys.
        typeCredentials(findLoginDialog(), counterAgent().login, counterAgent().password);
        QVERIFY(QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000));
        iris::shell::MainWindow* window = findMainWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QMultiHash<QString, QString> listed = f1List(window);
        expectKeys(listed, { u"Ctrl+K"_s, u"Ctrl+Q"_s, u"Ctrl+Shift+Q"_s, u"F1"_s, u"F3"_s, u"F2"_s, u"F4"_s,
            u"F8"_s, u"F9"_s, u"F5"_s, u"F6"_s, u"F7"_s, u"Ctrl+B"_s, u"Ctrl+L"_s, u"Ctrl+P"_s, u"Ctrl+T"_s,
            u"Ctrl+I"_s, u"Ctrl+O"_s, u"Ctrl+M"_s, u"Ctrl+Return"_s, u"Shift+F4"_s });
        if (QTest::currentTestFailed())
            return;
        // The counter's keys say where they work.
        const QString counter = QKeySequence(u"F5"_s).toString(QKeySequence::NativeText);
        QVERIFY2(listed.values(counter).contains(u"Guichet"_s), qPrintable(QStringList(listed.values(counter)).join(u", "_s)));
        checkPages(window, listed, 5);
        if (QTest::currentTestFailed())
            return;

        // The administrator, after a logout: the settings (Ctrl+,) and the pages of that role.
        QVERIFY(desk.logout());
        QTRY_VERIFY(findLoginDialog());
        typeCredentials(findLoginDialog(), adminAgent().login, adminAgent().password);
        QVERIFY(QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000));
        window = findMainWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        listed = f1List(window);
        expectKeys(listed, { u"Ctrl+,"_s, u"Ctrl+K"_s, u"Ctrl+Shift+Q"_s });
        checkPages(window, listed, 3);
        window->close();
    }
};

QTEST_MAIN(TestShellShortcutsGui)
#include "tst_shell_shortcuts_gui.moc"
