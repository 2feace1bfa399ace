// iris-kbd serve: endpoints, ETag/304, snapshot pointers, access log, concurrency,
// hot reload after a publish.

#include "tests/kbsync/KbdHarness.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using iris::test::KbdHarness;

namespace {

struct Response
{
    int status = 0;
    QByteArray body;
    QByteArray etag;
};

Response get(QNetworkAccessManager& nam, const QUrl& url, const QByteArray& ifNoneMatch = {})
{
    QNetworkRequest request(url);
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    QNetworkReply* reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    reply->deleteLater();
    return r;
}

QUrl at(QUrl base, const QString& path)
{
    base.setPath(path);
    return base;
}

} // namespace

class TestKbsyncServerHttp final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_jsonl;
    QList<QJsonObject> m_articles;
    KbdHarness m_server;
    QUrl m_base;
    QNetworkAccessManager m_nam;

    void publish()
    {
        KbdHarness::writeJsonl(m_jsonl, m_articles);
        const auto r = KbdHarness::publish(m_store, m_jsonl, m_dir.filePath(u"secret.key"_s));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(KbdHarness::keygen(m_dir.path()));
        m_store = m_dir.filePath(u"store"_s);
        m_jsonl = m_dir.filePath(u"export.jsonl"_s);
        for (int i = 0; i < 30; ++i)
            m_articles << KbdHarness::article(u"a%1"_s.arg(i), u"Titre %1"_s.arg(i), u"Corps %1"_s.arg(i));
        publish();
        m_articles[0][u"body"_s] = u"Corps modifié"_s;
        publish();
        m_base = m_server.start(m_store);
        QVERIFY(m_base.isValid());
    }

    void healthReportsVersion()
    {
        const Response r = get(m_nam, at(m_base, u"/health"_s));
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 2);
        QCOMPARE(o.value(u"articles"_s).toInt(), 30);
    }

    void manifestHasEtagAndAnswers304()
    {
        const Response first = get(m_nam, at(m_base, u"/v1/manifest"_s));
        QCOMPARE(first.status, 200);
        QVERIFY(!first.etag.isEmpty());
        QVERIFY(QJsonDocument::fromJson(first.body).object().contains(u"signature"_s));
        const Response second = get(m_nam, at(m_base, u"/v1/manifest"_s), first.etag);
        QCOMPARE(second.status, 304);
        QVERIFY(second.body.isEmpty());
        const Response stale = get(m_nam, at(m_base, u"/v1/manifest"_s), "\"m1-0000\"");
        QCOMPARE(stale.status, 200);
    }

    void deltaAndSnapshotEndpoints()
    {
        const Response delta = get(m_nam, at(m_base, u"/v1/delta/1"_s));
        QCOMPARE(delta.status, 200);
        QVERIFY(qUncompress(delta.body).contains("\"kind\":\"delta\""));
        QCOMPARE(get(m_nam, at(m_base, u"/v1/delta/1/2"_s)).body, delta.body);
        QCOMPARE(get(m_nam, at(m_base, u"/v1/delta/2"_s)).status, 204); // already current
        const Response snapshot = get(m_nam, at(m_base, u"/v1/snapshot"_s));
        QCOMPARE(snapshot.status, 200);
        QCOMPARE(get(m_nam, at(m_base, u"/v1/snapshot/2"_s)).body, snapshot.body);
        QCOMPARE(get(m_nam, at(m_base, u"/v1/snapshot/2"_s), snapshot.etag).status, 304);
    }

    void unknownVersionsPointToSnapshotNever500_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("ahead") << u"/v1/delta/99"_s;
        QTest::newRow("zero") << u"/v1/delta/0"_s;
        QTest::newRow("garbage") << u"/v1/delta/abc"_s;
        QTest::newRow("huge") << u"/v1/delta/99999999999999999999999"_s;
        QTest::newRow("pruned pair") << u"/v1/delta/0/1"_s;
        QTest::newRow("unknown snapshot") << u"/v1/snapshot/7"_s;
    }

    void unknownVersionsPointToSnapshotNever500()
    {
        QFETCH(QString, path);
        const Response r = get(m_nam, at(m_base, path));
        QCOMPARE(r.status, 404);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"snapshot"_s).toObject().value(u"path"_s).toString(), u"/v1/snapshot/2"_s);
        QCOMPARE(o.value(u"version"_s).toInt(), 2);
    }

    void accessLogHasOneJsonLinePerRequest()
    {
        QUrl probe = at(m_base, u"/health"_s);
        probe.setQuery(u"probe=1"_s);
        QCOMPARE(get(m_nam, probe).status, 200);
        QJsonObject last;
        const auto probeLogged = [&] {
            const QStringList lines = m_server.logLines();
            last = lines.isEmpty() ? QJsonObject()
                                   : QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
            return last.value(u"path"_s).toString() == u"/health?probe=1"_s;
        };
        QTRY_VERIFY_WITH_TIMEOUT(probeLogged(), 3000);
        QCOMPARE(last.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(last.value(u"status"_s).toInt(), 200);
        QVERIFY(last.value(u"bytes"_s).toInt() > 0);
        QVERIFY(last.contains(u"ms"_s));
        QCOMPARE(last.value(u"remote"_s).toString(), u"127.0.0.1"_s);
        QVERIFY(last.value(u"time"_s).toString().endsWith(u'Z'));
        const QStringList lines = m_server.logLines();
        QVERIFY(lines.size() > 10);
        for (const QString& line : lines)
            QVERIFY2(QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(line));
    }

    void servesConcurrentClients()
    {
        const Response reference = get(m_nam, at(m_base, u"/v1/snapshot"_s));
        QNetworkAccessManager nams[4];
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 40; ++i)
            replies << nams[i % 4].get(QNetworkRequest(at(m_base, u"/v1/snapshot"_s)));
        int done = 0;
        QEventLoop loop;
        for (QNetworkReply* reply : replies) {
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++done == replies.size())
                    loop.quit();
            });
        }
        loop.exec();
        for (QNetworkReply* reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(reply->readAll(), reference.body);
            reply->deleteLater();
        }
    }

    void newPublishIsServedWithoutRestart()
    {
        const Response before = get(m_nam, at(m_base, u"/v1/manifest"_s));
        m_articles.removeLast();
        publish();
        const Response after = get(m_nam, at(m_base, u"/v1/manifest"_s), before.etag);
        QCOMPARE(after.status, 200);
        QVERIFY(after.etag != before.etag);
        const QJsonObject m = QJsonDocument::fromJson(
            QJsonDocument::fromJson(after.body).object().value(u"manifest"_s).toString().toUtf8())
                                  .object();
        QCOMPARE(m.value(u"version"_s).toInt(), 3);
        // The previous generation stays downloadable for clients that read the old manifest.
        QCOMPARE(get(m_nam, at(m_base, u"/v1/delta/1/2"_s)).status, 200);
    }

    void otherMethodsAreRefused()
    {
        QNetworkRequest request(at(m_base, u"/v1/manifest"_s));
        QNetworkReply* reply = m_nam.post(request, QByteArray("x"));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
        reply->deleteLater();
    }
};

QTEST_GUILESS_MAIN(TestKbsyncServerHttp)
#include "tst_kbsync_server_http.moc"
