// kb_cli: the real iris-cli binary, run with QProcess.
#include "tests/kb/KbTestSupport.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestKbCli final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_kb;

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run cli(const QStringList& args, const QByteArray& input = {})
    {
        QProcess process;
        process.start(iris::test::binaryDir() + QStringLiteral("/bin/iris-cli"), args);
        if (!process.waitForStarted())
            qFatal("iris-cli did not start");
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("iris-cli timed out");
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError() };
    }

private Q_SLOTS:
    void initTestCase() { m_kb = m_dir.filePath(QStringLiteral("kb.sqlite")); }

    void importInfoAndReimport()
    {
        const QString city = iris::test::sharedDir() + QStringLiteral("/kb/city-site.jsonl");
        Run r = cli({ QStringLiteral("kb"), QStringLiteral("import"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--jsonl"), city });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("195"));
        r = cli({ QStringLiteral("kb"), QStringLiteral("info"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        QJsonObject info = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(info.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("articles")).toInt(), 195);

        r = cli({ QStringLiteral("kb"), QStringLiteral("import"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--jsonl"), city });
        QCOMPARE(r.code, 0);
        r = cli({ QStringLiteral("kb"), QStringLiteral("info"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--json") });
        info = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(info.value(QStringLiteral("version")).toInt(), 1);
    }

    void importReportsMalformedLines()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            iris::kb::test::jsonLine(QStringLiteral("ok"), QStringLiteral("Titre"), QStringLiteral("corps")));
        file.write("not json\n");
        file.close();
        const Run r = cli({ QStringLiteral("kb"), QStringLiteral("import"), QStringLiteral("--kb"),
            m_dir.filePath(QStringLiteral("bad.sqlite")), QStringLiteral("--jsonl"), path });
        QCOMPARE(r.code, 0);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("ligne 2")), r.err.constData());
    }

    void searchJson()
    {
        const Run r = cli({ QStringLiteral("kb"), QStringLiteral("search"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json"),
            QStringLiteral("pharmacie garde") });
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(hits.size(), 3);
        const QJsonObject first = hits.at(0).toObject();
        QVERIFY(
            first.value(QStringLiteral("url")).toString().endsWith(QStringLiteral("/pharmacies-de-garde")));
        for (const char* key : { "id", "url", "title", "score", "snippet" })
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QVERIFY(first.value(QStringLiteral("score")).toDouble() > 0);
    }

    void searchFromStandardInput()
    {
        const Run r = cli({ QStringLiteral("kb"), QStringLiteral("search"), QStringLiteral("--kb"), m_kb,
                              QStringLiteral("--json") },
            QByteArray("cimetierre\n\"NEAR( *\n\nplan grand froid\n"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(QJsonDocument::fromJson(lines.at(0))
                     .array()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
            QStringLiteral("cimetiere"));
        QVERIFY(QJsonDocument::fromJson(lines.at(1)).isArray());
        QVERIFY(QJsonDocument::fromJson(lines.at(2)).array().isEmpty());
        QVERIFY(!QJsonDocument::fromJson(lines.at(3)).array().isEmpty());
    }

    void eval()
    {
        const Run r = cli({ QStringLiteral("kb"), QStringLiteral("eval"), QStringLiteral("--kb"), m_kb,
            QStringLiteral("--questions"),
            iris::test::sharedDir() + QStringLiteral("/kb/sample-questions.tsv") });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("recall@3 : 1.000"), r.out.constData());
        QVERIFY(r.out.contains("MRR@10 : "));
    }

    void usageErrors()
    {
        QCOMPARE(cli({ QStringLiteral("kb"), QStringLiteral("search"), QStringLiteral("x") }).code, 2);
        QCOMPARE(
            cli({ QStringLiteral("kb"), QStringLiteral("import"), QStringLiteral("--kb"), m_kb }).code, 2);
        const Run missing = cli({ QStringLiteral("kb"), QStringLiteral("info"), QStringLiteral("--kb"),
            m_dir.filePath(QStringLiteral("nothing.sqlite")) });
        QCOMPARE(missing.code, 1);
        QVERIFY(!missing.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKbCli)
#include "TestKbCli.moc"
