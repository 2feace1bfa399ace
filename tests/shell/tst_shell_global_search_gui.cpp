// The global search (Ctrl+K): hits from the modules' providers, found off the GUI thread,
// grouped by provider and filtered by role; Enter opens the record through its opener.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/GlobalSearchEngine.h"
#include "app/desk/src/MainWindow.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::shell::DeskApplication;
using iris::shell::MainWindow;

class TestShellGlobalSearchGui final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<DeskApplication> m_desk;
    MainWindow* m_window = nullptr;
    QLineEdit* m_field = nullptr;
    QTreeWidget* m_results = nullptr;

    static QStringList visibleHits(QTreeWidget* tree)
    {
        QStringList hits;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            for (int h = 0; h < tree->topLevelItem(g)->childCount(); ++h)
                hits << tree->topLevelItem(g)->child(h)->text(0);
        }
        return hits;
    }

    bool logIn(const TestAgent& agent)
    {
        m_desk = std::make_unique<DeskApplication>();
        if (m_desk->start({ u"iris-desk"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir() }))
            return false;
        iris::shell::LoginDialog* dialog = findLoginDialog();
        if (!dialog)
            return false;
        typeCredentials(dialog, agent.login, agent.password);
        if (!QTest::qWaitFor([] { return findMainWindow() != nullptr; }, 10000))
            return false;
        m_window = findMainWindow();
        m_field = m_window->findChild<QLineEdit*>(u"globalSearchField"_s);
        m_results = m_window->findChild<QTreeWidget*>(u"globalSearchResults"_s);
        return m_field && m_results && QTest::qWaitForWindowActive(m_window);
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

    void typingShowsGroupedHitsAndEnterOpensTheRecord()
    {
        QVERIFY(logIn(counterAgent()));
        m_window->findChild<QWidget*>(u"navigationBar"_s)->setFocus(); // the agent is elsewhere
        QTRY_VERIFY(!m_field->hasFocus());
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(m_field->hasFocus());

        QTest::keyClicks(m_field, u"Ali"_s);
        QTRY_VERIFY(m_results->isVisible());
        QTRY_COMPARE(visibleHits(m_results), (QStringList { u"Alice Martin"_s }));
        QCOMPARE(m_results->topLevelItemCount(), 1); // the restricted provider is not asked
        QCOMPARE(m_results->topLevelItem(0)->text(0), u"Fiches de test"_s);
        // The provider ran on a worker thread with its own connection.
        QCOMPARE(m_results->topLevelItem(0)->child(0)->text(1), u"fil de travail"_s);

        // Widen the query: two hits; Down selects the second, Enter opens it.
        QTest::keyClick(m_field, Qt::Key_Backspace);
        QTRY_COMPARE(visibleHits(m_results), (QStringList { u"Alain Bernard"_s, u"Alice Martin"_s }));
        QTest::keyClick(m_field, Qt::Key_Down);
        QCOMPARE(m_results->currentItem()->text(0), u"Alice Martin"_s);
        QTest::keyClick(m_field, Qt::Key_Return);
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), u"Fiche de test n° 41 ouverte"_s);
        QVERIFY(!m_results->isVisible());
        QVERIFY(m_field->text().isEmpty());
        QCOMPARE(m_window->currentPageId(), u"shelltest.home"_s); // the opener showed its page
    }

    void enterBeforeResultsOpensTheFirstHit()
    {
        QVERIFY(logIn(counterAgent()));
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClicks(m_field, u"Bob"_s);
        QTest::keyClick(m_field, Qt::Key_Enter); // before the debounce even fired
        QTRY_COMPARE(m_window->statusBar()->currentMessage(), u"Fiche de test n° 43 ouverte"_s);
    }

    void staleResultsAreDropped()
    {
        QVERIFY(logIn(counterAgent()));
        auto* engine = m_window->findChild<iris::shell::GlobalSearchEngine*>();
        QVERIFY(engine);
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        // "lent…" makes the provider sleep; the next query overtakes it.
        QTest::keyClicks(m_field, u"lent"_s);
        QTest::qWait(250); // debounce fired, slow search running
        m_field->selectAll();
        QTest::keyClicks(m_field, u"Bob"_s);
        QTRY_COMPARE(visibleHits(m_results), (QStringList { u"Bob Durand"_s }));
        QTRY_COMPARE(engine->droppedCount(), 1);
        QTest::qWait(500);
        QCOMPARE(visibleHits(m_results), (QStringList { u"Bob Durand"_s }));
        // Escape closes the list and clears the field.
        QTest::keyClick(m_field, Qt::Key_Escape);
        QVERIFY(!m_results->isVisible());
        QVERIFY(m_field->text().isEmpty());
    }

    void restrictedProviderForAdministrator()
    {
        QVERIFY(logIn(adminAgent()));
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClicks(m_field, u"Alice"_s);
        QTRY_COMPARE(m_results->topLevelItemCount(), 2);
        QStringList groups { m_results->topLevelItem(0)->text(0), m_results->topLevelItem(1)->text(0) };
        QCOMPARE(groups, (QStringList { u"Fiches de test"_s, u"Fiches confidentielles"_s }));
        QCOMPARE(visibleHits(m_results), (QStringList { u"Alice Martin"_s, u"Alice Secret"_s }));
    }

    void noHitSaysSo()
    {
        QVERIFY(logIn(counterAgent()));
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QTest::keyClicks(m_field, u"Zorro"_s);
        QTRY_VERIFY(m_results->isVisible());
        QCOMPARE(m_results->topLevelItemCount(), 1);
        QVERIFY(m_results->topLevelItem(0)->text(0).startsWith(u"Aucun résultat"_s));
        QTest::keyClick(m_field, Qt::Key_Return); // nothing to open: nothing happens
        QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
    }
};

QTEST_MAIN(TestShellGlobalSearchGui)
#include "tst_shell_global_search_gui.moc"
