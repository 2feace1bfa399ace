// The status bar of the app: "Base à jour — version N, synchronisée à HH:MM",
// on-demand sync from its button, then "Hors ligne depuis" when the server goes away.

#include "app/desk/src/kbsync/KbSyncStatus.h"
#include "tests/kbsync/KbdHarness.h"

#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace iris::shell::kbsync;
using iris::test::KbdHarness;

class TestKbsyncStatusGui final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusFollowsSyncs()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        QList<QJsonObject> articles { KbdHarness::article(u"a1"_s, u"Titre"_s, u"Corps"_s) };
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, dir.filePath(u"secret.key"_s)).exitCode, 0);
        KbdHarness server;
        const QUrl url = server.start(store);
        QVERIFY(url.isValid());

        // Site settings beside the (fictitious) site database, as an administrator writes them.
        const QString database = dir.filePath(u"iris-desk.sqlite"_s);
        QFile ini(dir.filePath(u"iris-desk.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[kbsync]\nserver=" + url.toString().toUtf8() + "\npublic_key="
            + dir.filePath(u"public.key"_s).toUtf8() + "\ninterval_minutes=0\ntimeout_seconds=5\n");
        ini.close();

        QMainWindow window;
        window.show();
        auto* status = KbSyncStatus::attach(&window, database);
        QSignalSpy finished(status, &KbSyncStatus::syncFinished);
        auto* label = window.statusBar()->findChild<QLabel*>(u"statusKbSync"_s);
        auto* button = window.statusBar()->findChild<QToolButton*>(u"statusKbSyncButton"_s);
        QVERIFY(label && button);
        // On start.
        QTRY_VERIFY_WITH_TIMEOUT(
            label->text().startsWith(u"Base à jour — version 1, synchronisée à "_s), 10000);
        QCOMPARE(finished.size(), 1);

        // On demand, after a new version.
        articles << KbdHarness::article(u"a2"_s, u"Autre"_s, u"Texte"_s);
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, dir.filePath(u"secret.key"_s)).exitCode, 0);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(u"Base à jour — version 2"_s), 10000);

        // Offline: the server stops; the local base stays usable.
        server.stop();
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(u"Hors ligne depuis "_s), 10000);
        QVERIFY(label->toolTip().contains(u"injoignable"_s));
    }

    void notConfigured()
    {
        QTemporaryDir dir;
        QMainWindow window;
        KbSyncStatus::attach(&window, dir.filePath(u"iris-desk.sqlite"_s));
        auto* label = window.statusBar()->findChild<QLabel*>(u"statusKbSync"_s);
        QVERIFY(label);
        QCOMPARE(label->text(), u"Base locale — synchronisation non configurée"_s);
    }
};

QTEST_MAIN(TestKbsyncStatusGui)
#include "tst_kbsync_status_gui.moc"
