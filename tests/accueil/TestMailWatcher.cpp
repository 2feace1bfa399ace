// accueil_mail_watcher: MaildirWatcher on a real Maildir — a message delivered into new/
// is registered by the worker thread and reported through imported(); a rescan catches
// what arrived before watching began; a folder that is not a Maildir is refused.
#include "modules/accueil/mail/MaildirWatcher.h"
#include "tests/accueil/MailFixture.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestMailWatcher final : public QObject
{
    Q_OBJECT

    test::MailFixture f;

    qint64 registered() { return f.site.scalar(u"SELECT COUNT(*) FROM accueil_courriels"_s).toLongLong(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
    }

    void deliveryIntoNewIsImported()
    {
        auto services = f.site.as(u"accueil"_s);
        MaildirWatcher watcher(*services);
        watcher.setRescanInterval(0); // only the file-system watcher can trigger here
        watcher.setDebounce(50);
        QSignalSpy spy(&watcher, &MaildirWatcher::imported);
        QSignalSpy failures(&watcher, &MaildirWatcher::failed);
        QVERIFY(watcher.start(f.maildir()));
        QVERIFY(watcher.isWatching());
        QTRY_VERIFY(!watcher.isImporting()); // the initial pass over an empty Maildir
        QCOMPARE(spy.count(), 0); // nothing imported: no signal

        f.deliver(test::MailFixture::message(u"plain.eml"_s), u"1777536900.M1P20.mx"_s);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        const auto report = spy.at(0).at(0).value<MaildirImportReport>();
        QCOMPARE(report.imported, 1);
        QCOMPARE(report.failed, 0);
        QCOMPARE(registered(), 1);
        QTRY_VERIFY(f.files(u"new"_s).isEmpty());
        QCOMPARE(failures.count(), 0);

        // A burst of deliveries: all registered, never twice.
        f.deliver(test::MailFixture::message(u"multipart.eml"_s), u"1777618800.M2P20.mx"_s);
        f.deliver(test::MailFixture::message(u"latin1.eml"_s), u"1777897800.M3P20.mx"_s);
        f.deliver(test::MailFixture::message(u"latin1.eml"_s), u"1777897800.M4P20.mx"_s);
        QTRY_COMPARE_WITH_TIMEOUT(registered(), 3, 10000);
        QTRY_VERIFY(!watcher.isImporting());
        int imported = 0;
        for (const QList<QVariant>& args : spy)
            imported += args.at(0).value<MaildirImportReport>().imported;
        QCOMPARE(imported, 3);
        watcher.stop();
        QVERIFY(!watcher.isWatching());
    }

    void messagesWaitingBeforeStartAreImportedAtOnce()
    {
        f.deliver(test::MailFixture::message(u"malformed.eml"_s), u"1777960800.M5P20.mx"_s);
        auto services = f.site.as(u"teleconseil"_s);
        MaildirWatcher watcher(*services);
        QSignalSpy spy(&watcher, &MaildirWatcher::imported);
        QVERIFY(watcher.start(f.maildir()));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        const auto report = spy.at(0).at(0).value<MaildirImportReport>();
        QCOMPARE(report.imported, 1);
        QCOMPARE(report.malformed, 1);
        QCOMPARE(registered(), 4);
    }

    void periodicRescan()
    {
        auto services = f.site.as(u"accueil"_s);
        MaildirWatcher watcher(*services);
        watcher.setRescanInterval(100);
        watcher.setDebounce(60'000); // the watcher's own trigger would come far too late
        QSignalSpy spy(&watcher, &MaildirWatcher::imported);
        QVERIFY(watcher.start(f.maildir()));
        QTRY_VERIFY(!watcher.isImporting());
        QByteArray msg = test::MailFixture::message(u"plain.eml"_s);
        msg.replace("plain-0001@", "plain-0777@");
        f.deliver(msg, u"1777536999.M6P20.mx"_s);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QCOMPARE(registered(), 5);
    }

    void refusesAFolderThatIsNotAMaildir()
    {
        auto services = f.site.as(u"accueil"_s);
        MaildirWatcher watcher(*services);
        const Result<void> r = watcher.start(f.dir.path());
        QVERIFY(!r);
        QVERIFY(r.error().message().contains(u"Maildir"_s));
        QVERIFY(!watcher.isWatching());
    }
};

QTEST_GUILESS_MAIN(TestMailWatcher)
#include "TestMailWatcher.moc"
