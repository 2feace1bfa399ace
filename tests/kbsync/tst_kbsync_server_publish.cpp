// iris-kbd keygen / publish against a real store directory.

#include "tests/kbsync/KbdHarness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <sodium.h>

using namespace Qt::StringLiterals;
using iris::test::KbdHarness;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Envelope
{
    QByteArray manifestBytes;
    QByteArray signature;
    QJsonObject manifest;
};

Envelope envelope(const QString& store)
{
    const QJsonObject outer = QJsonDocument::fromJson(readAll(store + u"/manifest.json"_s)).object();
    Envelope e;
    e.manifestBytes = outer.value(u"manifest"_s).toString().toUtf8();
    e.signature = QByteArray::fromBase64(outer.value(u"signature"_s).toString().toLatin1());
    e.manifest = QJsonDocument::fromJson(e.manifestBytes).object();
    return e;
}

bool verifies(const QByteArray& message, const QByteArray& signature, const QByteArray& publicKey)
{
    return signature.size() == crypto_sign_BYTES && publicKey.size() == crypto_sign_PUBLICKEYBYTES
        && crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
               reinterpret_cast<const unsigned char*>(message.constData()),
               static_cast<unsigned long long>(message.size()),
               reinterpret_cast<const unsigned char*>(publicKey.constData()))
        == 0;
}

QList<QJsonObject> corpus(int n)
{
    QList<QJsonObject> list;
    for (int i = 0; i < n; ++i)
        list << KbdHarness::article(u"article-%1"_s.arg(i, 3, 10, QLatin1Char('0')),
            u"Démarche numéro %1"_s.arg(i),
            u"Pièces à fournir pour la démarche %1.\nSe présenter à l'accueil IRIS."_s.arg(i));
    return list;
}

} // namespace

class TestKbsyncServerPublish final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY2(QFileInfo::exists(KbdHarness::binary()), qPrintable(KbdHarness::binary()));
    }

    void keygenWritesPrivateSecretAndRefusesOverwrite()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QFileInfo secret(dir.filePath(u"secret.key"_s));
        QCOMPARE(secret.permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QCOMPARE(QByteArray::fromBase64(readAll(dir.filePath(u"public.key"_s)).trimmed()).size(),
            int(crypto_sign_PUBLICKEYBYTES));
        const QByteArray before = readAll(secret.filePath());
        QVERIFY(!KbdHarness::keygen(dir.path())); // never replaces a trusted key
        QCOMPARE(readAll(secret.filePath()), before);
    }

    void publishSignsManifestAndListsBundles()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, corpus(20));
        const auto r = KbdHarness::publish(store, jsonl, dir.filePath(u"secret.key"_s));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"Version 1 publiée"_s));

        const Envelope e = envelope(store);
        const QByteArray publicKey = QByteArray::fromBase64(readAll(dir.filePath(u"public.key"_s)).trimmed());
        QVERIFY(verifies(e.manifestBytes, e.signature, publicKey));
        QByteArray altered = e.manifestBytes;
        altered.replace("\"articles\":20", "\"articles\":21");
        QVERIFY(altered != e.manifestBytes);
        QVERIFY(!verifies(altered, e.signature, publicKey));

        QCOMPARE(e.manifest.value(u"version"_s).toInt(), 1);
        QCOMPARE(e.manifest.value(u"articles"_s).toInt(), 20);
        const QJsonObject snapshot = e.manifest.value(u"snapshot"_s).toObject();
        QCOMPARE(snapshot.value(u"path"_s).toString(), u"/v1/snapshot/1"_s);
        const QByteArray bundle = readAll(store + u"/bundles/snapshot-00000001.bin"_s);
        QCOMPARE(bundle.size(), snapshot.value(u"bytes"_s).toInt());
        QCOMPARE(QCryptographicHash::hash(bundle, QCryptographicHash::Sha256).toHex(),
            snapshot.value(u"sha256"_s).toString().toLatin1());
        const QByteArray raw = qUncompress(bundle);
        QCOMPARE(raw.count('\n'), 21); // header + 20 articles
        QVERIFY(raw.startsWith(
            "{\"deletes\":0,\"format\":\"iris-kb-bundle/1\",\"from\":0,\"kind\":\"snapshot\""));
    }

    void identicalContentMakesNoNewVersion()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString secret = dir.filePath(u"secret.key"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, corpus(10));
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);
        const QByteArray manifest = readAll(store + u"/manifest.json"_s);

        // Same content, other key order, spacing and line order: still the same version.
        QFile f(dir.filePath(u"reordered.jsonl"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QList<QJsonObject> list = corpus(10);
        for (auto it = list.crbegin(); it != list.crend(); ++it) {
            QByteArray line = QJsonDocument(*it).toJson(QJsonDocument::Indented).simplified();
            f.write(line + "\n\n");
        }
        f.close();
        const auto again = KbdHarness::publish(store, f.fileName(), secret);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"Aucune modification"_s), qPrintable(again.out));
        QCOMPARE(readAll(store + u"/manifest.json"_s), manifest);
        QVERIFY(!QFileInfo::exists(store + u"/bundles/snapshot-00000002.bin"_s));
    }

    void versionsGrowWithDeltasFromEveryEarlierVersion()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString secret = dir.filePath(u"secret.key"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        QList<QJsonObject> list = corpus(40);
        KbdHarness::writeJsonl(jsonl, list);
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);

        // v2: one changed, one deleted, one added; extra fields kept as they are.
        QJsonObject changed = list[3];
        changed[u"body"_s] = u"Nouveau texte."_s;
        changed[u"owner"_s] = u"État civil"_s;
        changed[u"review_by"_s] = u"2027-01-01"_s;
        list[3] = changed;
        list.removeAt(7);
        list << KbdHarness::article(u"zz-nouveau"_s, u"Nouvel article"_s, u"Texte."_s);
        KbdHarness::writeJsonl(jsonl, list);
        const auto r2 = KbdHarness::publish(store, jsonl, secret);
        QCOMPARE(r2.exitCode, 0);
        QVERIFY2(r2.out.contains(u"1 ajouté(s), 1 modifié(s), 1 supprimé(s)"_s), qPrintable(r2.out));

        list.removeAt(0);
        KbdHarness::writeJsonl(jsonl, list);
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);

        const QJsonObject m = envelope(store).manifest;
        QCOMPARE(m.value(u"version"_s).toInt(), 3);
        QCOMPARE(m.value(u"articles"_s).toInt(), 39);
        const QJsonArray deltas = m.value(u"deltas"_s).toArray();
        QCOMPARE(deltas.size(), 2);
        QHash<int, QJsonObject> byFrom;
        for (const auto& d : deltas)
            byFrom.insert(d.toObject().value(u"from"_s).toInt(), d.toObject());
        QCOMPARE(byFrom.value(2).value(u"deletes"_s).toInt(), 1);
        QCOMPARE(byFrom.value(2).value(u"upserts"_s).toInt(), 0);
        QCOMPARE(byFrom.value(1).value(u"deletes"_s).toInt(), 2);
        QCOMPARE(byFrom.value(1).value(u"upserts"_s).toInt(), 2);

        // The delta 1→3 carries the changed article with its extra fields, canonical (sorted keys).
        const QByteArray raw = qUncompress(readAll(store + u"/bundles/delta-00000001-00000003.bin"_s));
        QVERIFY(raw.contains("\"owner\":\"État civil\""));
        QVERIFY(raw.contains("\"review_by\":\"2027-01-01\""));
        QVERIFY(raw.contains("{\"id\":\"article-007\",\"op\":\"del\"}"));
        // The previous generation is kept for in-flight clients; older bundles are pruned.
        QVERIFY(QFileInfo::exists(store + u"/bundles/snapshot-00000002.bin"_s));
        QVERIFY(!QFileInfo::exists(store + u"/bundles/snapshot-00000001.bin"_s));
    }

    void interruptedPublishLeavesCurrentVersionAndIsRedone()
    {
        // A publish killed before its final rename leaves bundles and an index for a
        // version no manifest names. Reproduce that state from a twin store, then check
        // the store still says v1 and the next publish makes a sound v2 over the leftovers.
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString twin = dir.filePath(u"twin"_s);
        const QString secret = dir.filePath(u"secret.key"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        QList<QJsonObject> list = corpus(12);
        KbdHarness::writeJsonl(jsonl, list);
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);
        QCOMPARE(KbdHarness::publish(twin, jsonl, secret).exitCode, 0);
        const QByteArray v1 = readAll(store + u"/manifest.json"_s);

        list[0][u"body"_s] = u"Version abandonnée."_s;
        KbdHarness::writeJsonl(jsonl, list);
        QCOMPARE(KbdHarness::publish(twin, jsonl, secret).exitCode, 0);
        for (const QString& f : { u"/bundles/snapshot-00000002.bin"_s,
                 u"/bundles/delta-00000001-00000002.bin"_s, u"/versions/00000002.index"_s })
            QVERIFY(QFile::copy(twin + f, store + f));
        QFile partial(store + u"/manifest.json.tmp-4242"_s); // a half-written manifest
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("{\"format\":\"iris-kb-sig");
        partial.close();
        QCOMPARE(readAll(store + u"/manifest.json"_s), v1);

        list[0][u"body"_s] = u"Version finale."_s;
        KbdHarness::writeJsonl(jsonl, list);
        const auto r = KbdHarness::publish(store, jsonl, secret);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"Version 2 publiée"_s));
        const QJsonObject m = envelope(store).manifest;
        const QJsonObject delta = m.value(u"deltas"_s).toArray().first().toObject();
        const QByteArray bundle = readAll(store + u"/bundles/delta-00000001-00000002.bin"_s);
        QCOMPARE(QCryptographicHash::hash(bundle, QCryptographicHash::Sha256).toHex(),
            delta.value(u"sha256"_s).toString().toLatin1());
        QVERIFY(qUncompress(bundle).contains("Version finale."));
        QVERIFY(!QFileInfo::exists(partial.fileName()));
    }

    void refusesMalformedExportWholeAndKeepsCurrentVersion()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        const QString store = dir.filePath(u"store"_s);
        const QString secret = dir.filePath(u"secret.key"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, corpus(5));
        QCOMPARE(KbdHarness::publish(store, jsonl, secret).exitCode, 0);
        const QByteArray manifest = readAll(store + u"/manifest.json"_s);

        QFile f(jsonl);
        QVERIFY(f.open(QIODevice::Append));
        f.write("{\"id\": \"broken\", \"title\": \n");
        f.write("{\"id\": \"article-000\", \"title\": \"doublon\"}\n");
        f.close();
        const auto r = KbdHarness::publish(store, jsonl, secret);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"ligne 6"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(u"identifiant en double"_s), qPrintable(r.err));
        QCOMPARE(readAll(store + u"/manifest.json"_s), manifest);
    }

    void refusesAnotherSecretKey()
    {
        QTemporaryDir dir;
        QVERIFY(KbdHarness::keygen(dir.path()));
        QDir(dir.path()).mkdir(u"other"_s);
        QVERIFY(KbdHarness::keygen(dir.filePath(u"other"_s)));
        const QString store = dir.filePath(u"store"_s);
        const QString jsonl = dir.filePath(u"export.jsonl"_s);
        KbdHarness::writeJsonl(jsonl, corpus(3));
        QCOMPARE(KbdHarness::publish(store, jsonl, dir.filePath(u"secret.key"_s)).exitCode, 0);
        KbdHarness::writeJsonl(jsonl, corpus(4));
        const auto r = KbdHarness::publish(store, jsonl, dir.filePath(u"other/secret.key"_s));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"ne correspond pas"_s), qPrintable(r.err));
        QCOMPARE(envelope(store).manifest.value(u"version"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKbsyncServerPublish)
#include "tst_kbsync_server_publish.moc"
