// The watcher that keeps queues and the public display live: a commit by any connection
// (this thread, another thread, another process) is signalled; reads are not.
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "tests/accueil/AccueilFixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestDatabaseWatcher : public QObject
{
    Q_OBJECT
    test::AccueilFixture f;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
    }

    void signalsCommitsOfEveryConnection()
    {
        DatabaseWatcher watcher(f.db, 30);
        QSignalSpy spy(&watcher, &DatabaseWatcher::changed);
        watcher.start();
        QTest::qWait(150);  // baseline read
        QCOMPARE(spy.count(), 0);
        QueueService queue(*f.system);
        queue.setClock(f.clock());
        QVERIFY(queue.issue({f.categoryId(u"A"_s), 0, 0, 0}).ok());
        QTRY_VERIFY(spy.count() >= 1);

        // Reads change nothing.
        QTest::qWait(150);
        spy.clear();
        QVERIFY(queue.waiting(0).ok());
        QTest::qWait(150);
        QCOMPARE(spy.count(), 0);

        // A commit from another thread (its own connection).
        QThread* other = QThread::create([&] { (void)queue.issue({f.categoryId(u"B"_s), 0, 0, 0}); });
        other->start();
        QVERIFY(other->wait(5000));
        delete other;
        QTRY_VERIFY(spy.count() >= 1);
        watcher.stop();
        QVERIFY(!watcher.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseWatcher)
#include "TestDatabaseWatcher.moc"
