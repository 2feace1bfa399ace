// kbsync_bench: full sync of 50,000 articles, delta of 100 changed articles, and
// the up-to-date check, against the real iris-kbd on loopback.
// Usage: kbsync_bench <path to iris-kbd> [articles] [--cases full,check,delta]
//                     [--work DIR] [--repeat N]
// --work keeps the server store and the synced knowledge base between runs, so that
// `--cases delta` measures only the delta (the 50,000-article full sync runs once).

#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace iris::kb;

namespace {

QString kbd;

bool runKbd(const QStringList& args, double* seconds = nullptr)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(kbd, args);
    const bool ok = p.waitForFinished(-1) && p.exitCode() == 0;
    if (!ok)
        std::fprintf(
            stderr, "iris-kbd %s: %s\n", qPrintable(args.value(0)), p.readAllStandardError().constData());
    if (seconds)
        *seconds = t.elapsed() / 1000.0;
    return ok;
}

/// Sentences of the city corpus, recombined into synthetic articles.
QList<QJsonObject> generate(int count, quint32 seed)
{
    QFile f(qEnvironmentVariable("IRIS_SHARED_DIR", u"../../shared"_s) + u"/kb/city-site.jsonl"_s);
    QStringList sentences;
    QStringList titles;
    QStringList sections;
    if (f.open(QIODevice::ReadOnly)) {
        static const QRegularExpression split(u"(?<=[.!?])\\s+"_s);
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            titles << o.value(u"title"_s).toString();
            sections << o.value(u"section"_s).toString();
            for (const QString& s : o.value(u"body"_s).toString().split(split, Qt::SkipEmptyParts))
                if (s.size() > 30)
                    sentences << s.trimmed();
        }
    }
    if (sentences.isEmpty())
        sentences << u"Le service municipal reçoit le public du lundi au vendredi."_s;
    if (titles.isEmpty()) {
        titles << u"Démarche"_s;
        sections << u"demarches"_s;
    }
    QRandomGenerator rng(seed);
    QList<QJsonObject> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        QStringList body;
        const int n = 6 + int(rng.bounded(10));
        for (int k = 0; k < n; ++k)
            body << sentences.at(int(rng.bounded(sentences.size())));
        const int t = int(rng.bounded(titles.size()));
        list << QJsonObject { { u"id"_s, u"synth-%1"_s.arg(i, 6, 10, QLatin1Char('0')) },
            { u"url"_s, u"https://example.invalid/synth-%1"_s.arg(i) },
            { u"title"_s, u"%1 (%2)"_s.arg(titles.at(t)).arg(i) }, { u"updated"_s, u"2026-03-01"_s },
            { u"section"_s, sections.at(t) }, { u"tags"_s, QJsonArray { sections.at(t) } },
            { u"summary"_s, body.first() }, { u"body"_s, body.join(u'\n') } };
    }
    return list;
}

void write(const QString& path, const QList<QJsonObject>& list)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    for (const QJsonObject& o : list)
        f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
}

bool report(const char* what, const iris::Result<KbSyncOutcome>& r, const char* goal)
{
    if (!r) {
        std::printf("%-34s FAILED: %s\n", what, qPrintable(r.error().toString()));
        return false;
    }
    std::printf("%-30s %8.3f s (apply %6.3f s) %11lld bytes %d req  +%d ~%d -%d  %s\n", what,
        r->elapsedMs / 1000.0, r->applyMs / 1000.0, static_cast<long long>(r->bytes), r->requests, r->added,
        r->updated, r->removed, goal);
    return true;
}

/// Copies a closed knowledge base (its WAL checkpointed) over another one.
bool copyDatabase(const QString& from, const QString& to)
{
    for (const char* suffix : { "", "-wal", "-shm" })
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to);
}

bool checkpoint(const QString& kb)
{
    auto s = KbStore::open(kb);
    return s && (*s)->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr,
            "usage: kbsync_bench <iris-kbd> [articles] [--cases full,check,delta] [--work DIR]"
            " [--repeat N]\n");
        return 2;
    }
    kbd = args.at(1);
    int count = 50000;
    QStringList cases { u"full"_s, u"check"_s, u"delta"_s };
    QString workArg;
    int repeat = 1;
    for (qsizetype i = 2; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--cases"_s && hasValue)
            cases = args.at(++i).split(u',', Qt::SkipEmptyParts);
        else if (a == u"--work"_s && hasValue)
            workArg = args.at(++i);
        else if (a == u"--repeat"_s && hasValue)
            repeat = std::max(1, args.at(++i).toInt());
        else if (!a.startsWith(u"--"_s) && a.toInt() > 0)
            count = a.toInt();
        else {
            std::fprintf(stderr, "kbsync_bench: unknown argument %s\n", qPrintable(a));
            return 2;
        }
    }
    for (const QString& c : cases) {
        if (c != u"full"_s && c != u"check"_s && c != u"delta"_s) {
            std::fprintf(stderr, "kbsync_bench: unknown case %s (full, check, delta)\n", qPrintable(c));
            return 2;
        }
    }
    count = std::max(count, 100);

    QTemporaryDir tmp;
    const QDir dir(workArg.isEmpty() ? tmp.path() : workArg);
    if (!dir.mkpath(u"."_s)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir.path()));
        return 1;
    }
    const QString tag = QString::number(count);
    const QString store = dir.filePath(u"store-"_s + tag);
    const QString jsonl = dir.filePath(u"export-"_s + tag + u".jsonl"_s);
    const QString baseline = dir.filePath(u"kb-v1-"_s + tag + u".sqlite"_s);
    const QString kb = dir.filePath(u"kb.sqlite"_s);
    const QString secret = dir.filePath(u"secret.key"_s);
    const QString publicKey = dir.filePath(u"public.key"_s);
    if (!QFile::exists(secret) || !QFile::exists(publicKey)) {
        QDir(store).removeRecursively();
        QFile::remove(baseline);
        if (!runKbd({ u"keygen"_s, u"--secret"_s, secret, u"--public"_s, publicKey }))
            return 1;
    }

    QList<QJsonObject> articles = generate(count, 2026);
    // Without a synced baseline (or when asked for), start from an empty store.
    const bool fullSync = cases.contains(u"full"_s) || !QFile::exists(baseline);
    double publishSeconds = 0;
    if (fullSync) {
        QDir(store).removeRecursively();
        QFile::remove(baseline);
        write(jsonl, articles);
        std::printf("kbsync bench: %d articles, export %.1f MB\n", count, QFile(jsonl).size() / 1e6);
        if (!runKbd({ u"publish"_s, u"--store"_s, store, u"--jsonl"_s, jsonl, u"--secret"_s, secret },
                &publishSeconds))
            return 1;
        std::printf("%-34s %8.3f s  snapshot %.1f MB on disk\n", "server publish v1", publishSeconds,
            QFile(store + u"/bundles/snapshot-00000001.bin"_s).size() / 1e6);
    } else {
        std::printf("kbsync bench: %d articles, reusing %s\n", count, qPrintable(dir.path()));
    }

    QProcess server;
    const QString accessLog = dir.filePath(u"access.log"_s);
    QFile::remove(accessLog);
    server.start(kbd,
        { u"serve"_s, u"--store"_s, store, u"--listen"_s, u"127.0.0.1:0"_s, u"--access-log"_s, accessLog });
    server.waitForStarted();
    QString port;
    for (int i = 0; i < 100 && port.isEmpty(); ++i) {
        QThread::msleep(50);
        QFile log(accessLog);
        if (log.open(QIODevice::ReadOnly)) {
            const auto m
                = QRegularExpression(u"127\\.0\\.0\\.1:(\\d+)"_s).match(QString::fromUtf8(log.readAll()));
            if (m.hasMatch())
                port = m.captured(1);
        }
    }
    if (port.isEmpty()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    KbSyncConfig config;
    config.server = QUrl(u"http://127.0.0.1:"_s + port);
    config.publicKey = KbSyncConfig::readPublicKeyFile(publicKey);
    config.totalTimeoutMs = 600000;

    int status = 0;
    if (fullSync) {
        for (const char* suffix : { "", "-wal", "-shm" })
            QFile::remove(kb + QLatin1String(suffix));
        const bool ok = report(cases.contains(u"full"_s) ? "full sync (snapshot)" : "full sync (setup)",
            KbSyncClient(config).sync(kb), "goal: bounded by indexing speed");
        if (!ok || !checkpoint(kb) || !copyDatabase(kb, baseline))
            status = 1;
    }

    // The delta runs from the synced v1 baseline, restored before every run; the
    // up-to-date check then follows the last delta.
    if (status == 0 && (cases.contains(u"delta"_s) || cases.contains(u"check"_s))) {
        const QList<QJsonObject> changed = generate(100, 7);
        for (int i = 0; i < 100; ++i) {
            QJsonObject a = articles[i * (count / 100)];
            a[u"body"_s] = changed[i].value(u"body"_s);
            articles[i * (count / 100)] = a;
        }
        write(jsonl, articles);
        if (!runKbd({ u"publish"_s, u"--store"_s, store, u"--jsonl"_s, jsonl, u"--secret"_s, secret },
                &publishSeconds))
            return 1;
        std::printf("%-34s %8.3f s\n", "server publish v2 (100 changed)", publishSeconds);
        const bool measured = cases.contains(u"delta"_s);
        QList<qint64> elapsed;
        QList<qint64> apply;
        for (int run = 0; run < (measured ? repeat : 1) && status == 0; ++run) {
            if (!copyDatabase(baseline, kb)) {
                status = 1;
                break;
            }
            const auto r = KbSyncClient(config).sync(kb);
            if (!report(measured ? "delta sync (100 of 50,000)" : "delta sync (setup)", r,
                    "goal: <= 0.5 s, bytes ~ change")) {
                status = 1;
                break;
            }
            elapsed << r->elapsedMs;
            apply << r->applyMs;
        }
        if (measured && elapsed.size() > 1) {
            std::sort(elapsed.begin(), elapsed.end());
            std::sort(apply.begin(), apply.end());
            std::printf("%-30s %8.3f s (apply %6.3f s) over %lld runs\n", "delta sync median",
                elapsed.at(elapsed.size() / 2) / 1000.0, apply.at(apply.size() / 2) / 1000.0,
                static_cast<long long>(elapsed.size()));
        }
        if (status == 0 && cases.contains(u"check"_s))
            report("up-to-date check", KbSyncClient(config).sync(kb), "goal: one request, 304");
    }
    if (status == 0) {
        auto s = KbStore::open(kb);
        if (s)
            std::printf("local knowledge base: %lld articles, version %lld, file %.1f MB\n",
                static_cast<long long>((*s)->info()->articles),
                static_cast<long long>((*s)->contentVersion()), QFile(kb).size() / 1e6);
    }
    server.terminate();
    server.waitForFinished();
    return status;
}
