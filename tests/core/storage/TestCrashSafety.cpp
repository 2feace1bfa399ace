// core_crashsafety: a writer process is killed with SIGKILL in the middle of a stream of
// committed citizens; the database then opens, passes integrity_check, and holds every
// record the writer reported as committed.
#include "StorageTestUtil.h"

#include "tests/support/TestPaths.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestCrashSafety final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedRecordsSurviveSigkill_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 5;
        QTest::newRow("mid-stream") << 120;
        QTest::newRow("later") << 400;
    }

    void committedRecordsSurviveSigkill()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"crash.sqlite"_s);
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(binaryDir() + u"/tests/bin/core_crash_writer"_s, {path});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

        QList<qint64> committed;
        QByteArray pending;
        QElapsedTimer timer;
        timer.start();
        while (committed.size() < killAfter && timer.elapsed() < 60000) {
            if (!writer.waitForReadyRead(5000) && writer.state() != QProcess::Running)
                break;
            pending += writer.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                committed << pending.left(nl).toLongLong();
                pending.remove(0, nl + 1);
            }
        }
        QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        writer.kill();  // SIGKILL: no cleanup, no checkpoint, mid-transaction
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        // Ids printed after our last read were committed too.
        pending += writer.readAllStandardOutput();
        for (qsizetype nl; (nl = pending.indexOf('\n')) >= 0; pending.remove(0, nl + 1))
            committed << pending.left(nl).toLongLong();
        QVERIFY(committed.size() >= killAfter);

        auto opened = Database::open({.path = path});
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        QSqlDatabase c = (*opened)->connection();
        QCOMPARE(scalar(c, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        QSqlQuery q(c);
        QVERIFY(q.exec(u"SELECT id FROM citizens"_s));
        QSet<qint64> present;
        while (q.next())
            present.insert(q.value(0).toLongLong());
        for (qint64 id : std::as_const(committed))
            QVERIFY2(present.contains(id), qPrintable(u"committed citizen %1 is missing"_s.arg(id)));
        // Each committed record came with its audit line and index rows (same transaction).
        QCOMPARE(scalar(c, u"SELECT count(*) FROM audit_events WHERE action = 'create'"_s).toInt(),
                 int(present.size()));
        QCOMPARE(scalar(c, u"SELECT count(DISTINCT citizen_id) FROM citizen_name_tokens"_s).toInt(),
                 int(present.size()));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
