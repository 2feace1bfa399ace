// shell_server_restart_gui (PostgreSQL, a cluster of its own): the desk on a shared site while
// the real server stops and starts again. The banner "Connexion au serveur perdue — nouvelle
// tentative…" appears above the pages, what the agent was typing stays, and when the server is
// back the banner goes, the status bar says so, and the desk reads and writes again — without
// a restart. And a server that wants a password libpq did not find gets it from a prompt.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "core/storage/Database.h"
#include "tests/shell/support/ShellTestSupport.h"
#include "tests/support/OwnPgCluster.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
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

    void passwordAskedWhenTheServerWantsOne()
    {
        // A role with a password, and a server that asks for it (nothing in ~/.pgpass).
        {
            auto config = iris::DatabaseConfig::fromTarget(m_cluster.uri());
            QVERIFY(config);
            auto admin = iris::Database::open(*config);
            QVERIFY(admin);
            QSqlQuery q((*admin)->connection());
            QVERIFY(q.exec(u"CREATE ROLE guichet LOGIN PASSWORD 'Bonne-Cle-42'"_s));
            QVERIFY(q.exec(u"GRANT ALL ON ALL TABLES IN SCHEMA public TO guichet"_s));
            QVERIFY(q.exec(u"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO guichet"_s));
            QFile hba(m_cluster.dataDir() + u"/pg_hba.conf"_s);
            QVERIFY(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
            hba.write("local all all trust\nhost all iris 127.0.0.1/32 trust\n"
                      "host all all 127.0.0.1/32 scram-sha-256\n");
            hba.close();
            QVERIFY(q.exec(u"SELECT pg_reload_conf()"_s));
            (*admin)->closeAll();
        }
        qputenv("PGPASSFILE", "/nonexistent/pgpass");
        QString target = m_cluster.uri();
        target.replace(u"//iris@"_s, u"//guichet@"_s);

        // The dialog is modal inside start(): answered from a timer, wrong then right.
        QStringList answers { u"mauvais"_s, u"Bonne-Cle-42"_s };
        QStringList errorsShown;
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, this, [&] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (w->objectName() != u"serverPasswordDialog"_s || !w->isVisible() || answers.isEmpty())
                    continue;
                auto* error = w->findChild<QLabel*>(u"serverPasswordError"_s);
                errorsShown << (error ? error->text() : QString());
                QTest::keyClicks(w->findChild<QLineEdit*>(u"serverPasswordField"_s), answers.takeFirst());
                w->findChild<QPushButton*>(u"serverPasswordOk"_s)->click();
            }
        });
        answer.start();
        DeskApplication desk;
        const std::optional<int> code
            = desk.start({ u"iris-desk"_s, u"--database"_s, target, u"--module-path"_s, goodModuleDir() });
        answer.stop();
        QVERIFY2(!code, "the desk opened the site once the right password was typed");
        QCOMPARE(errorsShown, (QStringList { QString(), u"Mot de passe refusé par le serveur."_s }));
        QVERIFY(findLoginDialog());
        // Kept in memory for this run only.
        QVERIFY(!desk.database()->describe().contains(u"Bonne-Cle"_s));
        QVERIFY(!desk.database()->config().target().contains(u"Bonne-Cle"_s));
    }
};

QTEST_MAIN(TestShellServerRestartGui)
#include "tst_shell_server_restart_gui.moc"
