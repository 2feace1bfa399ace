// accueil_counter_cli (SQLite) and accueil_counter_cli_pg (PostgreSQL): the queue driven from
// outside through the real iris-cli and the accueil module's own commands — a kiosk issuing
// tickets, desks calling the next one (the previous visit closed as served), twelve desk
// processes calling at once (every ticket called exactly once), and `counter watch` printing
// the events as they happen.
#include "modules/accueil/counter/CounterSetup.h"
#include "tests/accueil/AccueilFixture.h"
#include "tests/support/CliRun.h"
#include "tests/support/TestPaths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestCounterCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_f.start(&error), qPrintable(error));
        m_target = m_f.db->config().target();
        // Twelve desks, as at IRIS.
        CounterSetup setup(*m_f.system);
        const Result<QList<Desk>> desks = setup.desks(true);
        QVERIFY(desks);
        for (int n = int(desks->size()) + 1; n <= 12; ++n) {
            Desk d;
            d.number = n;
            QVERIFY(setup.saveDesk(d));
        }
    }

    void issuePrintsTheTickets()
    {
        const test::CliRun r = test::runCli({ u"counter"_s, u"issue"_s, u"--database"_s, m_target,
            u"--category"_s, u"A"_s, u"--count"_s, u"3"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray tickets = QJsonDocument::fromJson(r.rawOut.trimmed()).array();
        QCOMPARE(tickets.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject t = tickets.at(i).toObject();
            QVERIFY(t.value(u"id"_s).toInteger() > 0);
            QCOMPARE(t.value(u"category"_s).toString(), u"A"_s);
            QCOMPARE(t.value(u"number"_s).toInt(), tickets.at(0).toObject().value(u"number"_s).toInt() + i);
            QVERIFY(QDateTime::fromString(t.value(u"issued_at"_s).toString(), Qt::ISODateWithMs).isValid());
        }
        const test::CliRun bad = test::runCli(
            { u"counter"_s, u"issue"_s, u"--database"_s, m_target, u"--category"_s, u"Z"_s, u"--json"_s });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(u"Aucune catégorie"_s), qPrintable(bad.err));
    }

    void callNextClosesThePreviousVisit()
    {
        QList<qint64> called;
        for (int i = 0; i < 3; ++i) {
            const test::CliRun r = test::runCli({ u"counter"_s, u"call-next"_s, u"--database"_s, m_target,
                u"--desk"_s, u"1"_s, u"--agent"_s, u"accueil"_s, u"--json"_s });
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const QJsonObject t = QJsonDocument::fromJson(r.rawOut.trimmed()).object();
            QCOMPARE(t.value(u"desk"_s).toInt(), 1);
            QVERIFY(QDateTime::fromString(t.value(u"called_at"_s).toString(), Qt::ISODateWithMs).isValid());
            called << t.value(u"id"_s).toInteger();
        }
        QCOMPARE(QSet<qint64>(called.cbegin(), called.cend()).size(), 3);
        // Nobody waits any more: the last visit is closed and null comes back.
        const test::CliRun r = test::runCli({ u"counter"_s, u"call-next"_s, u"--database"_s, m_target,
            u"--desk"_s, u"1"_s, u"--agent"_s, u"accueil"_s, u"--json"_s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.rawOut.trimmed(), QByteArray("null"));
        QCOMPARE(m_f.scalar(u"SELECT COUNT(*) FROM accueil_tickets WHERE status = 'clos'"_s).toInt(), 3);
    }

    void twelveDesksCallEveryTicketOnce()
    {
        constexpr int kTickets = 600;
        const test::CliRun issued = test::runCli({ u"counter"_s, u"issue"_s, u"--database"_s, m_target,
            u"--category"_s, u"A"_s, u"--count"_s, QString::number(kTickets), u"--json"_s });
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.err));
        // Twelve desk processes, each calling next until nobody waits.
        const QString cli = test::binaryDir() + u"/bin/iris-cli"_s;
        QList<qint64> calls;
        QList<int> rounds(12, 0);
        QList<QProcess*> running(12, nullptr);
        bool done[12] = {};
        QElapsedTimer timer;
        timer.start();
        auto launch = [&](int desk) {
            auto* p = new QProcess(this);
            p->start(cli,
                { u"counter"_s, u"call-next"_s, u"--database"_s, m_target, u"--desk"_s,
                    QString::number(desk + 1), u"--agent"_s, u"accueil"_s, u"--json"_s });
            running[desk] = p;
        };
        for (int d = 0; d < 12; ++d)
            launch(d);
        int finished = 0;
        while (finished < 12 && timer.elapsed() < 240000) {
            for (int d = 0; d < 12; ++d) {
                QProcess* p = running[d];
                if (!p || !p->waitForFinished(10))
                    continue;
                const QByteArray out = p->readAllStandardOutput().trimmed();
                QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
                p->deleteLater();
                running[d] = nullptr;
                if (out == "null") {
                    done[d] = true;
                    ++finished;
                    continue;
                }
                calls << QJsonDocument::fromJson(out).object().value(u"id"_s).toInteger();
                ++rounds[d];
                launch(d);
            }
        }
        QCOMPARE(finished, 12);
        QCOMPARE(calls.size(), kTickets);
        QCOMPARE(QSet<qint64>(calls.cbegin(), calls.cend()).size(), kTickets); // none twice
        int busy = 0;
        for (int r : rounds)
            busy += r > 0 ? 1 : 0;
        QVERIFY2(busy >= 6, "the desks called side by side");
        QCOMPARE(m_f.scalar(u"SELECT COUNT(*) FROM accueil_tickets WHERE status IN ('en_attente', 'appele', "
                            u"'en_cours')"_s)
                     .toInt(),
            0);
    }

    void watchPrintsEventsAsTheyHappen()
    {
        QProcess watch;
        watch.start(test::binaryDir() + u"/bin/iris-cli"_s,
            { u"counter"_s, u"watch"_s, u"--database"_s, m_target, u"--json"_s, u"--interval"_s, u"50"_s });
        QVERIFY(watch.waitForStarted());
        QTest::qWait(1500); // watching from now on
        const test::CliRun issued = test::runCli({ u"counter"_s, u"issue"_s, u"--database"_s, m_target,
            u"--category"_s, u"A"_s, u"--count"_s, u"2"_s, u"--json"_s });
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.err));
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (seen.count("\"issued\"") < 2 && timer.elapsed() < 20000) {
            watch.waitForReadyRead(200);
            seen += watch.readAllStandardOutput();
        }
        watch.kill();
        watch.waitForFinished();
        const QList<QByteArray> lines = seen.trimmed().split('\n');
        QCOMPARE(seen.count("\"issued\""), 2);
        for (const QByteArray& line : lines) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            QVERIFY2(!e.isEmpty(), line.constData());
            QVERIFY(e.value(u"ticket_id"_s).toInteger() > 0);
            QVERIFY(e.value(u"number"_s).toInt() > 0);
            QVERIFY(QDateTime::fromString(e.value(u"at"_s).toString(), Qt::ISODateWithMs).isValid());
        }
    }

private:
    test::AccueilFixture m_f;
    QString m_target;
};

QTEST_GUILESS_MAIN(TestCounterCli)
#include "TestCounterCli.moc"
