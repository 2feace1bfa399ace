// accueil_live_refresh (SQLite) and accueil_live_refresh_pg (PostgreSQL, LISTEN/NOTIFY): what
// another process commits reaches this one's views within one second — a kiosk process
// issuing tickets through the real iris-cli — while reads and rolled-back work are silent.
#include "core/storage/ChangeFeed.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "tests/accueil/AccueilFixture.h"
#include "tests/support/CliRun.h"
#include "tests/support/TestEngines.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestLiveRefresh : public QObject
{
    Q_OBJECT
    test::AccueilFixture f;
    QString m_target;

    ChangeFeed::Options fastOptions() const
    {
        ChangeFeed::Options o;
        o.pollIntervalMs = 50;
        return o;
    }

    qint64 ticketCount() { return f.scalar(u"SELECT COUNT(*) FROM accueil_tickets"_s).toLongLong(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
        m_target = f.db->config().target();
    }

    void anotherProcessReachesThisOneWithinASecond()
    {
        ChangeFeed feed(f.db, fastOptions());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        QSignalSpy rows(&feed, &ChangeFeed::rowsChanged);
        feed.start();
        QVERIFY(feed.isRunning());
        QVERIFY(feed.isConnected());
        QList<qint64> latencies;
        for (int round = 0; round < 5; ++round) {
            changed.clear();
            rows.clear();
            const test::CliRun r = test::runCli({ u"counter"_s, u"issue"_s, u"--database"_s, m_target,
                u"--category"_s, u"A"_s, u"--json"_s });
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QElapsedTimer sinceExit;  // the commit happened before the process ended
            sinceExit.start();
            const qint64 id = QJsonDocument::fromJson(r.rawOut.trimmed()).array().at(0).toObject()
                                  .value(u"id"_s).toInteger();
            QVERIFY(id > 0);
            QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 1000);
            latencies << sinceExit.elapsed();
            if (test::onPostgres()) {
                // The notification names the table and the ticket's id, nothing more.
                bool named = false;
                for (const QList<QVariant>& c : std::as_const(changed))
                    named = named || c.at(0).toStringList().contains(u"accueil_tickets"_s);
                QVERIFY2(named, "the tables touched are named");
                QTRY_VERIFY_WITH_TIMEOUT(std::any_of(rows.cbegin(), rows.cend(), [id](const QList<QVariant>& c) {
                    return c.at(0).toString() == u"accueil_tickets"_s && c.at(1).value<QList<qint64>>().contains(id);
                }), 1000);
            }
        }
        std::sort(latencies.begin(), latencies.end());
        qInfo("%s: change seen %lld ms (median) after the other process ended", qPrintable(test::engineName()),
            latencies.at(latencies.size() / 2));
        feed.stop();
        QVERIFY(!feed.isRunning());
    }

    void readsAndRolledBackWorkAreSilent()
    {
        ChangeFeed feed(f.db, fastOptions());
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QTest::qWait(300);
        changed.clear();
        QueueService queue(*f.system);
        queue.setClock(f.clock());
        QVERIFY(queue.waiting(0).ok());
        const qint64 before = ticketCount();
        const Result<void> r = f.db->transaction([&](QSqlDatabase& tx) -> Result<void> {
            QSqlQuery q(tx);
            if (!q.exec(u"UPDATE accueil_desks SET label = label || ' (essai)'"_s))
                return Database::classify(q.lastError(), u"essai"_s);
            return Error(ErrorCode::InvalidArgument, u"abandon voulu"_s);
        });
        QVERIFY(!r);
        QTest::qWait(600);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(ticketCount(), before);
        // And the very next real commit is seen.
        QVERIFY(queue.issue({f.categoryId(u"B"_s), 0, 0, 0}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 1000);
    }

    void oneFeedPerProcessServesEveryView()
    {
        DatabaseWatcher a(f.db, 50);
        DatabaseWatcher b(f.db, 50);
        a.start();
        b.start();
        QVERIFY(a.feed() && a.feed() == b.feed());
        QCOMPARE(ChangeFeed::shared(f.db).get(), a.feed());
        QSignalSpy spyA(&a, &DatabaseWatcher::changed);
        QSignalSpy spyB(&b, &DatabaseWatcher::changed);
        const test::CliRun r = test::runCli({ u"counter"_s, u"issue"_s, u"--database"_s, m_target,
            u"--category"_s, u"C"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_VERIFY_WITH_TIMEOUT(spyA.count() >= 1 && spyB.count() >= 1, 1000);
        a.stop();
        QVERIFY(b.isRunning());
        b.stop();
        QVERIFY(!b.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestLiveRefresh)
#include "TestLiveRefresh.moc"
