// accueil_server_restart (PostgreSQL, a cluster of its own): the real server is stopped and
// started again in the middle of a session. The change feed reports the loss, reconnects,
// subscribes again and asks for a full reload; a write while the server is away is refused
// with a French message and leaves nothing behind; the same Database object writes again
// once it is back, without a restart; `iris-cli counter watch` says it lost the connection,
// reconnects and goes on printing.
#include "core/storage/ChangeFeed.h"
#include "modules/accueil/counter/QueueService.h"
#include "tests/accueil/AccueilFixture.h"
#include "tests/support/OwnPgCluster.h"
#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestServerRestart : public QObject
{
    Q_OBJECT
    test::OwnPgCluster m_cluster;
    std::unique_ptr<test::AccueilFixture> f;

    /// Ticket ids of the "issued" lines printed so far by watch.
    static QSet<qint64> issuedIn(const QByteArray& lines)
    {
        QSet<qint64> ids;
        for (const QByteArray& line : lines.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"event"_s).toString() == u"issued"_s)
                ids.insert(o.value(u"ticket_id"_s).toInteger());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        qputenv("IRIS_TEST_ENGINE", "postgresql");
        qputenv("IRIS_TEST_PG_URI_FILE", m_cluster.uriFile().toUtf8());
        f = std::make_unique<test::AccueilFixture>();
        QVERIFY2(f->start(&error), qPrintable(error));
        QVERIFY(f->db->isServer());
    }

    void serverRestartMidSession()
    {
        ChangeFeed::Options o;
        o.heartbeatMs = 500;
        o.heartbeatTimeoutMs = 1000;
        o.reconnectMaxMs = 400;
        ChangeFeed feed(f->db, o);
        QSignalSpy lost(&feed, &ChangeFeed::connectionLost);
        QSignalSpy restored(&feed, &ChangeFeed::connectionRestored);
        QSignalSpy changed(&feed, &ChangeFeed::changed);
        feed.start();
        QVERIFY(feed.isConnected());

        QProcess watch;
        watch.start(test::binaryDir() + u"/bin/iris-cli"_s,
            { u"counter"_s, u"watch"_s, u"--database"_s, f->db->config().target(), u"--json"_s, u"--interval"_s,
                u"100"_s });
        QVERIFY(watch.waitForStarted());
        QTest::qWait(1500);  // watching from now on
        QByteArray printed;
        const auto waitPrinted = [&](qint64 id, int ms) {
            QElapsedTimer t;
            t.start();
            while (!issuedIn(printed).contains(id) && t.elapsed() < ms) {
                watch.waitForReadyRead(100);
                printed += watch.readAllStandardOutput();
            }
            return issuedIn(printed).contains(id);
        };

        QueueService queue(*f->system);
        const Result<Ticket> first = queue.issue({f->categoryId(u"A"_s), 0, 0, 0});
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        QVERIFY2(waitPrinted(first->id, 5000), printed.constData());
        const qint64 before = f->scalar(u"SELECT COUNT(*) FROM accueil_tickets"_s).toLongLong();

        // The server goes away.
        QString error;
        QVERIFY2(m_cluster.pause(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 5000);
        QCOMPARE(lost.at(0).at(0).toString(), u"Connexion au serveur perdue — nouvelle tentative…"_s);
        QVERIFY(!feed.isConnected());
        const Result<Ticket> refused = queue.issue({f->categoryId(u"A"_s), 0, 0, 0});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::ConnectionLost);
        QVERIFY2(refused.error().message().contains(u"rien n'a été enregistré"_s), qPrintable(refused.error().message()));
        QTest::qWait(2500);  // long enough for watch to find the server gone
        QCOMPARE(lost.count(), 1);  // said once, not on every attempt

        // It comes back: the feed subscribes again and asks for a full reload.
        QVERIFY2(m_cluster.resume(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 10000);
        QVERIFY(feed.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changed.cbegin(), changed.cend(),
                                     [](const QList<QVariant>& c) { return c.at(0).toStringList().isEmpty(); }),
            2000);
        // Nothing of the refused write, and the same objects write again without a restart.
        QCOMPARE(f->scalar(u"SELECT COUNT(*) FROM accueil_tickets"_s).toLongLong(), before);
        changed.clear();
        const Result<Ticket> again = queue.issue({f->categoryId(u"A"_s), 0, 0, 0});
        QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 2000);
        QCOMPARE(f->scalar(u"SELECT COUNT(*) FROM accueil_tickets"_s).toLongLong(), before + 1);

        // watch reconnected by itself and goes on printing.
        QVERIFY2(waitPrinted(again->id, 10000), printed.constData());
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(err.contains(u"Connexion au serveur perdue — nouvelle tentative…"_s), qPrintable(err));
        QVERIFY2(err.contains(u"Connexion rétablie."_s), qPrintable(err));
        QCOMPARE(watch.state(), QProcess::Running);
        watch.kill();
        watch.waitForFinished();
        feed.stop();
    }

    void cleanupTestCase()
    {
        f.reset();
    }
};

QTEST_GUILESS_MAIN(TestServerRestart)
#include "TestServerRestart.moc"
