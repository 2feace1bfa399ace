// shell_server_restart_gui (PostgreSQL, a cluster of its own): the desk on a shared site while
// the real server stops and starts again. The banner "Connexion au serveur perdue — nouvelle
// tentative…" appears above the pages, what the agent was typing stays, and when the server is
// back the banner goes, the status bar says so, and the desk reads and writes again — without
// a restart.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "core/storage/Database.h"
#include "tests/shell/support/ShellTestSupport.h"
#include "tests/support/OwnPgCluster.h"

#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::shell::DeskApplication;
using iris::shell::MainWindow;

class TestShellServerRestartGui final : public QObject
{
    Q_OBJECT
    iris::test::OwnPgCluster m_cluster;

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        const iris::Result<void> created = createSiteDatabase(m_cluster.uri());
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
    }

    void bannerWhileTheServerIsAway()
    {
        DeskApplication desk;
        const std::optional<int> code = desk.start(
            { u"iris-desk"_s, u"--database"_s, m_cluster.uri(), u"--module-path"_s, goodModuleDir() });
        QVERIFY2(!code, "the desk started");
        iris::shell::LoginDialog* dialog = findLoginDialog();
        QVERIFY(dialog);
        typeCredentials(dialog, counterAgent().login, counterAgent().password);
        QTRY_VERIFY_WITH_TIMEOUT(findMainWindow() != nullptr, 10000);
        MainWindow* window = findMainWindow();
        auto* banner = window->findChild<QWidget*>(u"connectionBanner"_s);
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());

        // The agent is typing.
        auto* field = window->findChild<QLineEdit*>(u"globalSearchField"_s);
        QVERIFY(field);
        field->setFocus();
        QTest::keyClicks(field, u"Martin 12 rue"_s);
        const QString typed = field->text();
        QVERIFY(!typed.isEmpty());

        QString error;
        QVERIFY2(m_cluster.pause(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 8000);
        auto* text = banner->findChild<QLabel*>(u"connectionBannerText"_s);
        QVERIFY(text);
        QVERIFY2(text->text().startsWith(u"Connexion au serveur perdue — nouvelle tentative…"_s),
            qPrintable(text->text()));
        QCOMPARE(field->text(), typed);
        QVERIFY(window->isVisible());
        // A write meanwhile is refused, and says so.
        const iris::Result<void> refused = desk.database()->transaction([](QSqlDatabase& tx) -> iris::Result<void> {
            QSqlQuery q(tx);
            if (!q.exec(u"UPDATE agents SET display_name = display_name"_s))
                return iris::Database::classify(q.lastError(), u"essai"_s);
            return {};
        });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), iris::ErrorCode::ConnectionLost);

        QVERIFY2(m_cluster.resume(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
        QCOMPARE(field->text(), typed);
        QTRY_VERIFY(window->statusBar()->currentMessage().contains(u"Connexion au serveur rétablie"_s));
        // The same desk reads and writes again.
        const iris::Result<void> again = desk.database()->transaction([](QSqlDatabase& tx) -> iris::Result<void> {
            QSqlQuery q(tx);
            if (!q.exec(u"UPDATE agents SET display_name = display_name"_s))
                return iris::Database::classify(q.lastError(), u"essai"_s);
            return {};
        });
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        window->close();
    }
};

QTEST_MAIN(TestShellServerRestartGui)
#include "tst_shell_server_restart_gui.moc"
