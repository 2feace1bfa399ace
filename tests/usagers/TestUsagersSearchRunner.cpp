// CitizenSearchRunner: searches leave the GUI thread, run one at a time on a worker with
// its own thread, and only the latest query's results are delivered.
#include "ui/citizen/CitizenSearchRunner.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace iris;
using namespace iris::ui;

class TestUsagersSearchRunner : public QObject
{
    Q_OBJECT

private:
    static CitizenSummary row(qint64 id)
    {
        CitizenSummary c;
        c.id = id;
        return c;
    }

private Q_SLOTS:
    void runsOffTheGuiThread()
    {
        CitizenSearchRunner runner;
        QThread* seen = nullptr;
        runner.setSearchFunction([&seen](const QString&, int) -> Result<QList<CitizenSummary>> {
            seen = QThread::currentThread();
            return QList<CitizenSummary>{row(1)};
        });
        QSignalSpy ready(&runner, &CitizenSearchRunner::resultsReady);
        runner.search(QStringLiteral("dupont"));
        QVERIFY(ready.wait(5000));
        QVERIFY(seen && seen != QThread::currentThread());
        QCOMPARE(ready.first().at(0).toString(), QStringLiteral("dupont"));
        QCOMPARE(ready.first().at(1).value<QList<CitizenSummary>>().first().id, 1);
    }

    void staleResultsAreDropped()
    {
        CitizenSearchRunner runner;
        std::atomic<int> calls{0};
        runner.setSearchFunction([&calls](const QString& q, int) -> Result<QList<CitizenSummary>> {
            ++calls;
            if (q == QLatin1String("slow"))
                QThread::msleep(300);
            return QList<CitizenSummary>{row(q == QLatin1String("slow") ? 1 : 2)};
        });
        QSignalSpy ready(&runner, &CitizenSearchRunner::resultsReady);
        QSignalSpy busy(&runner, &CitizenSearchRunner::busyChanged);
        runner.search(QStringLiteral("slow"));
        QTest::qWait(50);  // "slow" is running now
        runner.search(QStringLiteral("fast"));
        QTRY_COMPARE(ready.size(), 1);
        QTest::qWait(400);
        QCOMPARE(ready.size(), 1);  // the slow answer came first and was dropped
        QCOMPARE(ready.first().at(0).toString(), QStringLiteral("fast"));
        QCOMPARE(ready.first().at(1).value<QList<CitizenSummary>>().first().id, 2);
        QCOMPARE(calls.load(), 2);
        QVERIFY(!runner.isBusy());
        QCOMPARE(busy.first().at(0).toBool(), true);
        QCOMPARE(busy.last().at(0).toBool(), false);
    }

    void supersededQueriesNeverReachTheDatabase()
    {
        CitizenSearchRunner runner;
        QStringList ran;
        QMutex mutex;
        runner.setSearchFunction([&](const QString& q, int) -> Result<QList<CitizenSummary>> {
            {
                QMutexLocker lock(&mutex);
                ran << q;
            }
            QThread::msleep(100);
            return QList<CitizenSummary>{};
        });
        QSignalSpy ready(&runner, &CitizenSearchRunner::resultsReady);
        // Keystrokes faster than the search: the queued middle ones are skipped.
        for (const char* q : {"d", "du", "dup", "dupo", "dupon", "dupont"})
            runner.search(QString::fromLatin1(q));
        QTRY_COMPARE(ready.size(), 1);
        QTest::qWait(150);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().at(0).toString(), QStringLiteral("dupont"));
        QMutexLocker lock(&mutex);
        QVERIFY2(ran.size() <= 2, qPrintable(ran.join(QLatin1Char(','))));
        QCOMPARE(ran.last(), QStringLiteral("dupont"));
    }

    void emptyQueryCancels()
    {
        CitizenSearchRunner runner;
        runner.setSearchFunction([](const QString&, int) -> Result<QList<CitizenSummary>> {
            QThread::msleep(100);
            return QList<CitizenSummary>{row(1)};
        });
        QSignalSpy ready(&runner, &CitizenSearchRunner::resultsReady);
        runner.search(QStringLiteral("martin"));
        runner.search(QString());
        QTest::qWait(300);
        QCOMPARE(ready.size(), 0);
    }

    void failuresAreReported()
    {
        CitizenSearchRunner runner;
        runner.setSearchFunction([](const QString&, int) -> Result<QList<CitizenSummary>> {
            return Error(ErrorCode::DatabaseLocked, QStringLiteral("La base est verrouillée."));
        });
        QSignalSpy failed(&runner, &CitizenSearchRunner::failed);
        runner.search(QStringLiteral("martin"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(1).value<Error>().code(), ErrorCode::DatabaseLocked);
    }

    void destroyingWaitsForTheWorker()
    {
        std::atomic<bool> finished{false};
        {
            CitizenSearchRunner runner;
            runner.setSearchFunction([&finished](const QString&, int) -> Result<QList<CitizenSummary>> {
                QThread::msleep(150);
                finished = true;
                return QList<CitizenSummary>{};
            });
            runner.search(QStringLiteral("martin"));
            QTest::qWait(20);
        }
        QVERIFY(finished.load());  // the function never outlives what it captured
    }
};

QTEST_MAIN(TestUsagersSearchRunner)
#include "TestUsagersSearchRunner.moc"
