// First start on a new site: the database file (and its folder) is created, migrated for
// the core and the modules, and filled with demo data on a worker thread while the window
// stays responsive; the next start finds it ready and does not seed again.
#include "app/desk/src/DeskApplication.h"
#include "app/desk/src/MainWindow.h"
#include "core/storage/Database.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::shell::DeskApplication;

class TestShellFirstStart final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static qint64 count(const DeskApplication& desk, const QString& table)
    {
        QSqlQuery q(desk.database()->connection());
        if (!q.exec(u"SELECT COUNT(*) FROM "_s + table) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QVERIFY(m_dir.isValid());
    }

    void newSiteIsCreatedMigratedAndSeededOnce()
    {
        const QString db = m_dir.filePath(u"nouveau-site/données/iris-desk.sqlite"_s);
        QVERIFY(!QFile::exists(db));
        qint64 citizens = 0;
        qint64 contacts = 0;
        {
            DeskApplication desk;
            // Count GUI-thread ticks while seeding: a frozen event loop would show none.
            int ticks = 0;
            QTimer ticker;
            connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
            ticker.start(10);

            const std::optional<int> code = desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s,
                goodModuleDir(), u"--demo-citizens"_s, u"300"_s });
            QVERIFY(!code.has_value());
            QVERIFY(QFile::exists(db));
            QProgressDialog* progress = nullptr;
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (w->objectName() == u"demoSeedProgress"_s)
                    progress = qobject_cast<QProgressDialog*>(w);
            }
            QVERIFY(progress);
            QTRY_VERIFY_WITH_TIMEOUT(findLoginDialog() != nullptr, 120000);
            QVERIFY(ticks > 0);
            QVERIFY(desk.seededDemo());

            citizens = count(desk, u"citizens"_s);
            contacts = count(desk, u"contacts"_s);
            QCOMPARE(citizens, 300);
            QVERIFY(contacts > 0);
            QVERIFY(count(desk, u"agents"_s) > 0);
            QCOMPARE(count(desk, u"shelltest_records"_s), 4); // the module's own migration ran
            QSqlQuery q(desk.database()->connection());
            QVERIFY(q.exec(u"SELECT owner, version FROM schema_versions ORDER BY owner"_s));
            QStringList owners;
            while (q.next())
                owners << q.value(0).toString();
            QVERIFY2(
                owners.contains(u"core"_s) && owners.contains(u"shelltest"_s), qPrintable(owners.join(u',')));

            // The seeded demo agents can log in (resources/demo/AGENTS.md).
            typeCredentials(findLoginDialog(), u"accueil"_s, u"accueil"_s);
            QTRY_VERIFY_WITH_TIMEOUT(findMainWindow() != nullptr, 10000);
            auto* agent = findMainWindow()->findChild<QLabel*>(u"statusAgent"_s);
            QVERIFY(agent && agent->text().contains(u"Agent d'accueil"_s));
        }
        {
            DeskApplication desk;
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir(),
                                    u"--demo-citizens"_s, u"300"_s })
                         .has_value());
            QVERIFY(findLoginDialog()); // at once: no seeding this time
            QVERIFY(!desk.seededDemo());
            QCOMPARE(count(desk, u"citizens"_s), citizens);
            QCOMPARE(count(desk, u"contacts"_s), contacts);
        }
    }

    void cancelledSeedingLeavesNoHalfMadeSite()
    {
        const QString db = m_dir.filePath(u"annule/iris-desk.sqlite"_s);
        DeskApplication desk;
        QSignalSpy exits(&desk, &DeskApplication::exitRequested);
        QVERIFY(!desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir(),
                                u"--demo-citizens"_s, u"200000"_s })
                     .has_value());
        QProgressDialog* progress = nullptr;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (w->objectName() == u"demoSeedProgress"_s)
                progress = qobject_cast<QProgressDialog*>(w);
        }
        QVERIFY(progress);
        QTRY_VERIFY(progress->value() > 0); // under way, and the GUI thread is free to show it
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(exits.size(), 1, 30000);
        QCOMPARE(exits.first().first().toInt(), 0);
        QVERIFY(!findLoginDialog());
        // Next start begins afresh rather than on a half-filled base.
        QVERIFY(!QFile::exists(db));
        QVERIFY(!QFile::exists(db + u"-wal"_s));
    }

    void noDemoCreatesAnEmptyMigratedSite()
    {
        const QString db = m_dir.filePath(u"vide.sqlite"_s);
        DeskApplication desk;
        QVERIFY(!desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir(),
                                u"--no-demo"_s })
                     .has_value());
        QVERIFY(findLoginDialog());
        QVERIFY(!desk.seededDemo());
        QCOMPARE(count(desk, u"citizens"_s), 0);
        QCOMPARE(count(desk, u"shelltest_records"_s), 4);
    }
};

QTEST_MAIN(TestShellFirstStart)
#include "tst_shell_first_start.moc"
