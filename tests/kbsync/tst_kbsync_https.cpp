// HTTPS between the sync client and iris-kbd, with a CA made by the test (openssl CLI).

#include "knowledgebase/sync/KbSyncClient.h"
#include "tests/kbsync/KbFingerprint.h"
#include "tests/kbsync/KbdHarness.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::kb;
using iris::test::KbdHarness;

namespace {

bool openssl(const QString& dir, const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning("openssl %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

class TestKbsyncHttps final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    KbdHarness m_server;
    KbSyncConfig m_config;

private Q_SLOTS:
    void initTestCase()
    {
        const QString d = m_dir.path();
        const QStringList ec { u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
            u"-nodes"_s };
        QVERIFY(openssl(d,
            QStringList { u"req"_s, u"-x509"_s } + ec
                + QStringList { u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s,
                    u"-subj"_s, u"/CN=IRIS Test CA"_s, u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                    u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s }));
        QVERIFY(openssl(d,
            QStringList { u"req"_s } + ec
                + QStringList { u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s,
                    u"/CN=127.0.0.1"_s }));
        QFile ext(m_dir.filePath(u"ext.cnf"_s));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                  "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        ext.close();
        QVERIFY(openssl(d,
            { u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
                u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s, u"-days"_s, u"2"_s,
                u"-extfile"_s, u"ext.cnf"_s }));

        QVERIFY(KbdHarness::keygen(d));
        const QString store = m_dir.filePath(u"store"_s);
        const QString jsonl = m_dir.filePath(u"export.jsonl"_s);
        QList<QJsonObject> articles;
        for (int i = 0; i < 25; ++i)
            articles << KbdHarness::article(u"a%1"_s.arg(i), u"Titre %1"_s.arg(i), u"Corps %1"_s.arg(i));
        KbdHarness::writeJsonl(jsonl, articles);
        QCOMPARE(KbdHarness::publish(store, jsonl, m_dir.filePath(u"secret.key"_s)).exitCode, 0);
        m_config.server = m_server.start(store,
            { u"--cert"_s, m_dir.filePath(u"server.pem"_s), u"--key"_s, m_dir.filePath(u"server.key"_s) },
            true);
        QVERIFY(m_config.server.isValid());
        QCOMPARE(m_config.server.scheme(), u"https"_s);
        m_config.publicKey = KbSyncConfig::readPublicKeyFile(m_dir.filePath(u"public.key"_s));
        m_config.totalTimeoutMs = 20000;
    }

    void refusesUnknownCertificateAuthority()
    {
        const QString kb = m_dir.filePath(u"untrusted.sqlite"_s);
        const QByteArray before = iris::test::kbFingerprint(kb);
        const auto r = KbSyncClient(m_config).sync(kb); // no CA file: the test CA is not trusted
        QVERIFY(!r);
        QVERIFY2(r.error().message().contains(u"injoignable"_s), qPrintable(r.error().message()));
        QCOMPARE(iris::test::kbFingerprint(kb), before);
        QCOMPARE(iris::test::kbVersion(kb), 0);
    }

    void syncsOverHttpsWithTheCityCa()
    {
        KbSyncConfig config = m_config;
        config.caFile = m_dir.filePath(u"ca.pem"_s);
        const QString kb = m_dir.filePath(u"kb.sqlite"_s);
        const auto first = KbSyncClient(config).sync(kb);
        QVERIFY2(first, qPrintable(first.error().toString()));
        QCOMPARE(first->kind, KbSyncOutcome::Kind::Snapshot);
        QCOMPARE(first->version, 1);
        const auto again = KbSyncClient(config).sync(kb);
        QVERIFY2(again, qPrintable(again.error().toString()));
        QCOMPARE(again->kind, KbSyncOutcome::Kind::UpToDate);
        QCOMPARE(again->requests, 1);
        QVERIFY(m_server.logLines().constLast().contains(u"\"status\":304"_s));
    }
};

QTEST_GUILESS_MAIN(TestKbsyncHttps)
#include "tst_kbsync_https.moc"
