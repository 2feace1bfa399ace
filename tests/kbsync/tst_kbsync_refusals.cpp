// Every refusal of the sync client leaves the local knowledge base exactly as it
// was: wrong key, forged signature, altered or truncated bundle, rollback, server
// down, server that accepts and never answers.

#include "knowledgebase/sync/KbSyncClient.h"
#include "tests/kbsync/KbFingerprint.h"
#include "tests/kbsync/KbdHarness.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace iris::kb;
using iris::test::KbdHarness;
using iris::test::kbFingerprint;

namespace {

bool copyDir(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QFileInfo& fi :
        QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = to + u'/' + fi.fileName();
        if (fi.isDir() ? !copyDir(fi.filePath(), target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

void patchFile(const QString& path, const std::function<void(QByteArray&)>& patch)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    patch(bytes);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestKbsyncRefusals final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_kb;
    KbdHarness m_server;
    KbSyncConfig m_config;
    QList<QJsonObject> m_articles;
    QByteArray m_before;

    void publish(const QString& store, const QString& secret)
    {
        const QString jsonl = m_dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, m_articles);
        const auto r = KbdHarness::publish(store, jsonl, secret);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /// Syncs, expects a refusal whose message contains `expected`, and an untouched KB.
    void expectRefusal(const KbSyncConfig& config, const QString& expected)
    {
        KbSyncClient client(config);
        const auto r = client.sync(m_kb);
        QVERIFY2(!r, "the sync should have been refused");
        QVERIFY2(r.error().message().contains(expected), qPrintable(r.error().message()));
        QCOMPARE(kbFingerprint(m_kb), m_before);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(KbdHarness::keygen(m_dir.path()));
        m_store = m_dir.filePath(u"store"_s);
        for (int i = 0; i < 30; ++i)
            m_articles << KbdHarness::article(u"a%1"_s.arg(i), u"Titre %1"_s.arg(i), u"Corps %1"_s.arg(i));
        publish(m_store, m_dir.filePath(u"secret.key"_s));
        m_config.server = m_server.start(m_store);
        QVERIFY(m_config.server.isValid());
        m_config.publicKey = KbSyncConfig::readPublicKeyFile(m_dir.filePath(u"public.key"_s));
        m_config.totalTimeoutMs = 20000;
        m_kb = m_dir.filePath(u"kb.sqlite"_s);
        QVERIFY(KbSyncClient(m_config).sync(m_kb));
        // v2 on the server, not yet on the workstation: each case below must refuse it.
        m_articles[0][u"body"_s] = u"Corps modifié"_s;
        m_articles.removeLast();
        publish(m_store, m_dir.filePath(u"secret.key"_s));
        m_before = kbFingerprint(m_kb);
        QCOMPARE(iris::test::kbVersion(m_kb), 1);
    }

    void wrongKey()
    {
        QTemporaryDir other;
        QVERIFY(KbdHarness::keygen(other.path()));
        KbSyncConfig config = m_config;
        config.publicKey = KbSyncConfig::readPublicKeyFile(other.filePath(u"public.key"_s));
        expectRefusal(config, u"autre clé"_s);
    }

    void forgedSignature()
    {
        // An impostor server signs with its own key but claims ours.
        QTemporaryDir impostor;
        QVERIFY(KbdHarness::keygen(impostor.path()));
        const QString store = impostor.filePath(u"store"_s);
        publish(store, impostor.filePath(u"secret.key"_s));
        const QString ourKeyId = KbSyncManifestKeyId();
        patchFile(store + u"/manifest.json"_s, [&](QByteArray& bytes) {
            QJsonObject o = QJsonDocument::fromJson(bytes).object();
            o[u"keyId"_s] = ourKeyId;
            bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
        });
        KbdHarness fake;
        KbSyncConfig config = m_config;
        config.server = fake.start(store);
        QVERIFY(config.server.isValid());
        expectRefusal(config, u"Signature du manifeste invalide"_s);
    }

    void tamperedBundle()
    {
        const QString file = m_store + u"/bundles/delta-00000001-00000002.bin"_s;
        QFile::copy(file, file + u".orig"_s);
        patchFile(
            file, [](QByteArray& bytes) { bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20); });
        expectRefusal(m_config, u"altéré"_s);
        QFile::remove(file);
        QFile::rename(file + u".orig"_s, file);
    }

    void truncatedBundle()
    {
        const QString file = m_store + u"/bundles/delta-00000001-00000002.bin"_s;
        QFile::copy(file, file + u".orig"_s);
        patchFile(file, [](QByteArray& bytes) { bytes.chop(bytes.size() / 3); });
        expectRefusal(m_config, u"tronqué"_s);
        QFile::remove(file);
        QFile::rename(file + u".orig"_s, file);
    }

    void rollbackToOlderStore()
    {
        // The workstation reaches v2, then the server's store is replaced by a copy of v1.
        const QString old = m_dir.filePath(u"store-v1"_s);
        QVERIFY(KbSyncClient(m_config).sync(m_kb));
        QCOMPARE(iris::test::kbVersion(m_kb), 2);
        m_before = kbFingerprint(m_kb);

        QTemporaryDir scratch;
        const QString store1 = scratch.filePath(u"store"_s);
        QList<QJsonObject> v1;
        for (int i = 0; i < 30; ++i)
            v1 << KbdHarness::article(u"a%1"_s.arg(i), u"Titre %1"_s.arg(i), u"Corps %1"_s.arg(i));
        const QString jsonl = scratch.filePath(u"v1.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, v1);
        QCOMPARE(KbdHarness::publish(store1, jsonl, m_dir.filePath(u"secret.key"_s)).exitCode, 0);
        QVERIFY(copyDir(store1, old));

        KbdHarness older;
        KbSyncConfig config = m_config;
        config.server = older.start(old);
        QVERIFY(config.server.isValid());
        expectRefusal(config, u"plus ancienne que la version locale 2"_s);
    }

    void serverDown()
    {
        KbdHarness stopped;
        KbSyncConfig config = m_config;
        config.server = stopped.start(m_store);
        QVERIFY(config.server.isValid());
        stopped.stop();
        expectRefusal(config, u"injoignable"_s);
    }

    void serverThatNeverAnswers()
    {
        QTcpServer silent; // the kernel accepts connections; nobody ever answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        KbSyncConfig config = m_config;
        config.server = QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
        config.totalTimeoutMs = 1200;
        QElapsedTimer clock;
        clock.start();
        expectRefusal(config, u"trop lent"_s);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void serverThatNeverAccepts()
    {
        // A listening socket whose accept queue is full: the kernel drops further
        // connection attempts, so the client's connect hangs until its own timeout.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        QCOMPARE(::listen(fd, 0), 0);
        socklen_t length = sizeof address;
        QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
        const quint16 port = ntohs(address.sin_port);
        QList<QTcpSocket*> fillers;
        for (int i = 0; i < 4; ++i) {
            fillers << new QTcpSocket(this);
            fillers.last()->connectToHost(QHostAddress::LocalHost, port);
        }
        QTest::qWait(200);

        KbSyncConfig config = m_config;
        config.server = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        config.connectTimeoutMs = 700;
        config.totalTimeoutMs = 10000;
        QElapsedTimer clock;
        clock.start();
        expectRefusal(config, u"ne répond pas"_s);
        QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
        qDeleteAll(fillers);
        ::close(fd);
    }

private:
    QString KbSyncManifestKeyId() const;
};

QString TestKbsyncRefusals::KbSyncManifestKeyId() const
{
    QFile f(m_store + u"/manifest.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"keyId"_s).toString();
}

QTEST_GUILESS_MAIN(TestKbsyncRefusals)
#include "tst_kbsync_refusals.moc"
