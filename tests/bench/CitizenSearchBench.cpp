// Citizen search at scale (issue 2 goal: p95 ≤ 5 ms and within +2 ms of the bare query, at
// 100,000 citizens / 1,000,000 contacts). Seeds a demo database with DemoSeeder (kept in the
// bench folder and reused while its size matches), builds a few hundred realistic queries
// from its own rows (name prefixes, "nom prénom", "prénom nom", phone numbers and last
// digits, e-mails), then times CitizenService::search against the very statements it ran,
// replayed on the bare SQLite C API. Prints p50/p95 of both, the ratio, and memory.
//
//   bench_citizen_search [--citizens N] [--contacts M] [--queries Q] [--db FILE]
#include "core/demo/DemoSeeder.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"
#include "tests/bench/BenchSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace iris;
using iris::bench::procStatus;
using iris::bench::percentile;

namespace {

struct Trace
{
    QStringList statements;
    static int callback(unsigned, void* self, void* stmt, void*)
    {
        if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt))) {
            static_cast<Trace*>(self)->statements << QString::fromUtf8(sql);
            sqlite3_free(sql);
        }
        return 0;
    }
};

/// Runs the statements on the bare C API, reading every column of every row.
qint64 bareNs(sqlite3* db, const QList<QByteArray>& statements, int limit)
{
    QElapsedTimer t;
    t.start();
    for (const QByteArray& sql : statements) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
            continue;
        int rows = 0;
        while (rows < limit && sqlite3_step(stmt) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                (void)sqlite3_column_text(stmt, c);
            ++rows;
        }
        sqlite3_finalize(stmt);
    }
    return t.nsecsElapsed();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    const QCommandLineOption citizensOpt(u"citizens"_s, u"citizens"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption contactsOpt(u"contacts"_s, u"contacts"_s, u"M"_s, u"1000000"_s);
    const QCommandLineOption queriesOpt(u"queries"_s, u"queries"_s, u"Q"_s, u"400"_s);
    const QCommandLineOption dbOpt(u"db"_s, u"database file"_s, u"FILE"_s);
    parser.addOptions({citizensOpt, contactsOpt, queriesOpt, dbOpt});
    parser.process(app);
    const int citizens = parser.value(citizensOpt).toInt();
    const int contacts = parser.value(contactsOpt).toInt();
    const int queryCount = parser.value(queriesOpt).toInt();
    const QString path = parser.isSet(dbOpt) ? parser.value(dbOpt)
                                             : u"bench-citizens-%1-%2.sqlite"_s.arg(citizens).arg(contacts);
    constexpr int kLimit = 20;

    auto opened = Database::open({.path = path});
    if (!opened) {
        out << opened.error().toString() << '\n';
        return 1;
    }
    std::shared_ptr<Database> db = *opened;
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (Result<void> r = runner.run(*db); !r) {
        out << r.error().toString() << '\n';
        return 1;
    }
    auto count = [&](const QString& table) {
        QSqlQuery q(db->connection());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
    };
    if (count(u"citizens"_s) != citizens || count(u"contacts"_s) != contacts) {
        db.reset();
        opened = {Error()};
        for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
        auto fresh = Database::open({.path = path});
        if (!fresh || !runner.run(**fresh)) {
            out << "cannot create " << path << '\n';
            return 1;
        }
        db = *fresh;
        out << "Seeding " << citizens << " citizens / " << contacts << " contacts…\n";
        out.flush();
        DemoSeedOptions options;
        options.citizens = citizens;
        options.contacts = contacts;
        options.seed = 42;
        const Result<DemoSeedReport> report = DemoSeeder(db).seed(options);
        if (!report) {
            out << report.error().toString() << ' ' << report.error().detail() << '\n';
            return 1;
        }
        out << "Seeded in " << report->elapsedMs << " ms\n";
    }
    out << "Database: " << path << " — " << count(u"citizens"_s) << " citizens, " << count(u"contacts"_s)
        << " contacts\n";

    // Realistic queries drawn from the data itself (deterministic).
    const QStringList queries = iris::bench::citizenSearchQueries(db->connection(), queryCount);

    const Session session = Session::system(std::make_shared<PermissionRegistry>());
    AuditLog audit(db, session);
    const CitizenService service(db, session, audit);
    QSqlDatabase connection = db->connection();
    sqlite3* handle = *static_cast<sqlite3* const*>(connection.driver()->handle().constData());

    // Warm-up, and the statements each query runs.
    QList<QList<QByteArray>> statements;
    for (const QString& query : std::as_const(queries)) {
        Trace trace;
        sqlite3_trace_v2(handle, SQLITE_TRACE_STMT, &Trace::callback, &trace);
        (void)service.search(query, kLimit);
        sqlite3_trace_v2(handle, 0, nullptr, nullptr);
        QList<QByteArray> sql;
        for (const QString& s : std::as_const(trace.statements))
            sql << s.toUtf8();
        statements << sql;
    }

    QList<double> serviceMs;
    QList<double> bareMs;
    qint64 hits = 0;
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < queries.size(); ++i) {
            QElapsedTimer t;
            t.start();
            const auto found = service.search(queries.at(i), kLimit);
            serviceMs << double(t.nsecsElapsed()) / 1e6;
            hits += found ? found->size() : 0;
            bareMs << double(bareNs(handle, statements.at(i), kLimit)) / 1e6;
        }
    }

    const double s50 = percentile(serviceMs, 0.50), s95 = percentile(serviceMs, 0.95);
    const double b50 = percentile(bareMs, 0.50), b95 = percentile(bareMs, 0.95);
    out << Qt::fixed;
    out.setRealNumberPrecision(3);
    out << "\nCitizen search, " << queries.size() << " queries × 3 rounds, limit " << kLimit << " ("
        << double(hits) / double(serviceMs.size()) << " hits/query on average)\n";
    out << "  CitizenService::search   p50 " << s50 << " ms   p95 " << s95 << " ms   max "
        << percentile(serviceMs, 1.0) << " ms\n";
    out << "  bare SQLite (same SQL)   p50 " << b50 << " ms   p95 " << b95 << " ms\n";
    out << "  overhead                 p95 +" << (s95 - b95) << " ms   ratio p50 " << (b50 > 0 ? s50 / b50 : 0)
        << "   ratio p95 " << (b95 > 0 ? s95 / b95 : 0) << '\n';
    out << "  goal: p95 <= 5 ms and within +2 ms of bare: " << ((s95 <= 5.0 && s95 - b95 <= 2.0) ? "met" : "NOT met")
        << '\n';
    out << "Memory: VmRSS " << procStatus("VmRSS:") << ", VmHWM " << procStatus("VmHWM:") << '\n';
    return 0;
}
