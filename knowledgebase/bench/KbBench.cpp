// kb_bench: import throughput, file size and per-keystroke search latency of the
// knowledge base on a generated corpus (default 50,000 articles), next to a bare
// naive FTS5 table (unicode61, OR of terms, bm25) on the same data in the same run,
// and the cost of going through QtSql instead of the raw SQLite API.
#include "knowledgebase/KbEvaluator.h"
#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbSearcher.h"
#include "knowledgebase/KbStore.h"
#include "knowledgebase/bench/CorpusGenerator.h"
#include "knowledgebase/bench/LatencyStats.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <ctime>
#include <sqlite3.h>

using namespace iris::kb;
using namespace iris::kb::bench;

namespace {

QTextStream out(stdout); // flushed after each section: the run takes minutes

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// CPU time of the calling thread: the machine this runs on may be shared, and CPU
/// time shows what the code costs regardless of the other load.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

QStringList loadQueries(const QString& path)
{
    QStringList queries;
    auto questions = KbEvaluator::readQuestions(path);
    if (questions) {
        for (const auto& q : *questions)
            queries << q.query;
    }
    return queries;
}

/// Every state of the search field while typing `text`, one per keystroke.
QStringList keystrokes(const QString& text)
{
    QStringList states;
    for (int i = 1; i <= text.size(); ++i)
        states << text.left(i);
    return states;
}

QString naiveExpression(const QString& text)
{
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    auto it = words.globalMatch(text);
    while (it.hasNext())
        terms << QString(QLatin1Char('"') + it.next().captured(0) + QLatin1Char('"'));
    return terms.join(QLatin1String(" OR "));
}

bool execRaw(sqlite3* db, const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        out << "SQLite: " << message << '\n';
        sqlite3_free(message);
        return false;
    }
    return true;
}

/// The naive baseline table, filled from the same JSON Lines.
bool buildNaive(const QString& dbPath, const QString& jsonl, double* seconds)
{
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(dbPath).constData(), &db);
    execRaw(db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        "CREATE VIRTUAL TABLE naive USING fts5(title, summary, tags, body, tokenize='unicode61 "
        "remove_diacritics 2')");
    QFile file(jsonl);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QElapsedTimer timer;
    timer.start();
    execRaw(db, "BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(
        db, "INSERT INTO naive(title, summary, tags, body) VALUES (?1, ?2, ?3, ?4)", -1, &insert, nullptr);
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        QStringList tags;
        const QJsonArray array = o.value(QStringLiteral("tags")).toArray();
        for (const QJsonValue& t : array)
            tags << t.toString();
        const QByteArray fields[4] = { o.value(QStringLiteral("title")).toString().toUtf8(),
            o.value(QStringLiteral("summary")).toString().toUtf8(), tags.join(QLatin1Char('\n')).toUtf8(),
            o.value(QStringLiteral("body")).toString().toUtf8() };
        for (int i = 0; i < 4; ++i)
            sqlite3_bind_text(insert, i + 1, fields[i].constData(), int(fields[i].size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    execRaw(db, "COMMIT");
    *seconds = msSince(timer) / 1000.0;
    execRaw(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int articles = 50000;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--articles")); i >= 0 && i + 1 < args.size())
        articles = args.at(i + 1).toInt();

    const QString shared = qEnvironmentVariable("IRIS_SHARED_DIR");
    CorpusGenerator generator;
    if (!generator.load(shared + QStringLiteral("/kb/city-site.jsonl"))) {
        out << "Corpus introuvable : définissez IRIS_SHARED_DIR (dossier shared/).\n";
        return 1;
    }
    QTemporaryDir dir;
    const QString jsonl = dir.filePath(QStringLiteral("corpus.jsonl"));
    const QString kbPath = dir.filePath(QStringLiteral("bench.kb"));
    const QString naivePath = dir.filePath(QStringLiteral("naive.sqlite"));
    const qint64 rawBytes = generator.write(jsonl, articles);
    out << "Corpus: " << articles << " articles, raw text " << rawBytes / 1024 << " KiB\n";
    out.flush();

    // --- import
    double importSeconds = 0;
    double importCpuSeconds = 0;
    {
        auto store = KbStore::open(kbPath);
        if (!store) {
            out << store.error().toString() << '\n';
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = threadCpuMs();
        auto report = KbImporter::importFile(**store, jsonl);
        importSeconds = msSince(timer) / 1000.0;
        importCpuSeconds = (threadCpuMs() - cpu0) / 1000.0;
        if (!report) {
            out << report.error().toString() << " " << report.error().detail() << '\n';
            return 1;
        }
        (void)(*store)->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    const qint64 kbBytes = QFileInfo(kbPath).size();
    const double throughput = articles / importSeconds;
    const double ratio = double(kbBytes) / double(rawBytes);
    double naiveSeconds = 0;
    buildNaive(naivePath, jsonl, &naiveSeconds);
    const qint64 naiveBytes = QFileInfo(naivePath).size();
    out << QStringLiteral(
        "Import: %1 s wall (%2 s CPU), %3 articles/s wall, %4 articles/s CPU (naive FTS5: %5 s)\n")
               .arg(importSeconds, 0, 'f', 2)
               .arg(importCpuSeconds, 0, 'f', 2)
               .arg(throughput, 0, 'f', 0)
               .arg(articles / importCpuSeconds, 0, 'f', 0)
               .arg(naiveSeconds, 0, 'f', 2);
    out << QStringLiteral("File: %1 KiB = %2 x raw text (naive FTS5: %3 x)\n")
               .arg(kbBytes / 1024)
               .arg(ratio, 0, 'f', 2)
               .arg(double(naiveBytes) / double(rawBytes), 0, 'f', 2);

    // --- queries: full questions, and every keystroke of the first 30
    QStringList full = loadQueries(shared + QStringLiteral("/kb/sample-questions.tsv"));
    full += loadQueries(QStringLiteral(IRIS_KB_AGENT_QUERIES));
    QStringList typed;
    for (int i = 0; i < full.size() && i < 30; ++i)
        typed += keystrokes(full.at(i));
    out << "Queries: " << full.size() << " full, " << typed.size() << " keystroke states\n";

    auto searcher = KbSearcher::open(kbPath);
    if (!searcher) {
        out << searcher.error().toString() << '\n';
        return 1;
    }
    sqlite3* naive = nullptr;
    sqlite3_open_v2(QFile::encodeName(naivePath).constData(), &naive, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* bare = nullptr;
    sqlite3_prepare_v2(
        naive, "SELECT rowid FROM naive WHERE naive MATCH ?1 ORDER BY rank LIMIT 10", -1, &bare, nullptr);
    sqlite3_stmt* bareSnippet = nullptr;
    sqlite3_prepare_v2(naive,
        "SELECT rowid, snippet(naive, 3, '[', ']', '…', 14) FROM naive WHERE naive MATCH ?1"
        " ORDER BY rank LIMIT 10",
        -1, &bareSnippet, nullptr);

    const auto runNaive = [](sqlite3_stmt* stmt, const QString& text) {
        const QByteArray expression = naiveExpression(text).toUtf8();
        if (expression.isEmpty())
            return;
        sqlite3_bind_text(stmt, 1, expression.constData(), int(expression.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(stmt) == SQLITE_ROW) { }
        sqlite3_reset(stmt);
    };

    for (const QString& q : full) { // warm the page cache for both
        (void)(*searcher)->search(q);
        runNaive(bare, q);
    }
    LatencyStats engineFull, engineTyped, naiveFull, naiveTyped, naiveSnippetFull;
    LatencyStats engineFullCpu, engineTypedCpu, naiveFullCpu, naiveTypedCpu;
    for (const QString& q : full) {
        QElapsedTimer t;
        t.start();
        double cpu = threadCpuMs();
        auto r = (*searcher)->search(q);
        engineFull.add(msSince(t));
        engineFullCpu.add(threadCpuMs() - cpu);
        if (!r)
            out << "error: " << r.error().toString() << '\n';
        t.restart();
        cpu = threadCpuMs();
        runNaive(bare, q);
        naiveFull.add(msSince(t));
        naiveFullCpu.add(threadCpuMs() - cpu);
        t.restart();
        runNaive(bareSnippet, q);
        naiveSnippetFull.add(msSince(t));
    }
    QList<QPair<double, QString>> slowest;
    for (const QString& q : typed) {
        QElapsedTimer t;
        t.start();
        double cpu = threadCpuMs();
        (void)(*searcher)->search(q);
        engineTyped.add(msSince(t));
        engineTypedCpu.add(threadCpuMs() - cpu);
        slowest.append({ threadCpuMs() - cpu, q });
        t.restart();
        cpu = threadCpuMs();
        runNaive(bare, q);
        naiveTyped.add(msSince(t));
        naiveTypedCpu.add(threadCpuMs() - cpu);
    }
    std::sort(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    out << "Slowest keystroke states (CPU ms):";
    for (int i = 0; i < slowest.size() && i < 12; ++i)
        out << "  «" << slowest.at(i).second << "» " << QString::number(slowest.at(i).first, 'f', 1);
    out << '\n';
    out << "Engine (top 10 + snippets), full queries: " << engineFull.summary() << '\n';
    out << "Engine (top 10 + snippets), keystrokes:   " << engineTyped.summary() << '\n';
    out << "Naive FTS5 bare, full queries:            " << naiveFull.summary() << '\n';
    out << "Naive FTS5 bare, keystrokes:              " << naiveTyped.summary() << '\n';
    out << "Naive FTS5 + snippet, full queries:       " << naiveSnippetFull.summary() << '\n';
    out << "CPU time (thread), engine full queries:   " << engineFullCpu.summary() << '\n';
    out << "CPU time (thread), engine keystrokes:     " << engineTypedCpu.summary() << '\n';
    out << "CPU time (thread), naive full queries:    " << naiveFullCpu.summary() << '\n';
    out << "CPU time (thread), naive keystrokes:      " << naiveTypedCpu.summary() << '\n';

    // --- QtSql against the raw API, same statement, same data
    LatencyStats raw, qt;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
        db.setDatabaseName(naivePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.open();
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT rowid FROM naive WHERE naive MATCH ? ORDER BY rank LIMIT 10"));
        for (int pass = 0; pass < 2; ++pass) {
            for (const QString& q : full) {
                const QString expression = naiveExpression(q);
                if (expression.isEmpty())
                    continue;
                QElapsedTimer t;
                t.start();
                query.bindValue(0, expression);
                query.exec();
                while (query.next()) { }
                if (pass)
                    qt.add(msSince(t));
                t.restart();
                runNaive(bare, q);
                if (pass)
                    raw.add(msSince(t));
            }
        }
        query.finish();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    out << "Same query via raw sqlite3: " << raw.summary() << '\n';
    out << "Same query via QtSql:       " << qt.summary() << '\n';

    sqlite3_finalize(bare);
    sqlite3_finalize(bareSnippet);
    sqlite3_close(naive);

    const auto verdict = [](bool ok) { return ok ? "OK " : "KO "; };
    out << "\nGoals (wall, CPU):\n";
    out << verdict(engineTyped.percentile(95) <= 16.0)
        << "p95 per keystroke <= 16 ms: " << QString::number(engineTyped.percentile(95), 'f', 2)
        << " ms wall, " << QString::number(engineTypedCpu.percentile(95), 'f', 2) << " ms CPU\n";
    out << verdict(engineFull.mean() <= naiveFull.mean())
        << "mean no slower than bare naive FTS5 (full queries): "
        << QString::number(engineFull.mean(), 'f', 2) << " vs " << QString::number(naiveFull.mean(), 'f', 2)
        << " ms\n";
    out << verdict(engineTyped.mean() <= naiveTyped.mean())
        << "mean no slower than bare naive FTS5 (keystrokes): " << QString::number(engineTyped.mean(), 'f', 2)
        << " vs " << QString::number(naiveTyped.mean(), 'f', 2) << " ms\n";
    out << verdict(throughput >= 3000) << verdict(articles / importCpuSeconds >= 3000)
        << "import >= 3000 articles/s: " << QString::number(throughput, 'f', 0) << " wall, "
        << QString::number(articles / importCpuSeconds, 'f', 0) << " CPU\n";
    out << verdict(ratio <= 3.5) << "file <= 3.5 x raw text: " << QString::number(ratio, 'f', 2) << '\n';
    return 0;
}
