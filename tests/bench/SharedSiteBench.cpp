// bench_shared_site: the shared PostgreSQL site on loopback at 100,000 citizens / 1,000,000
// contacts (issue 11), each figure next to its floor measured in the same run on the same
// server:
//   - `db copy` of a one-workstation SQLite site onto the server (rows/s), next to the rate
//     at which the server itself copies the largest table (INSERT … SELECT, no client);
//   - citizen search p50/p95 through CitizenService, next to the very statements it sent,
//     replayed through bare libpq (goal: p95 <= 5 ms and <= 2x bare);
//   - call next from 12 desk processes at once (goal p95 <= 20 ms), next to bare claims;
//   - a ticket issued in one process until another process's change feed reports it and its
//     waiting list is read again (goal p95 <= 250 ms);
//   - demo seed time on the server (the default demo, and at scale).
// The server is a throwaway cluster of the bench's own, with fsync and synchronous commits on
// (scripts/test-pg-cluster.sh, IRIS_PG_DURABLE=1), unless --server names one where the bench
// may create databases. The SQLite source is kept in the bench folder and reused.
//
//   bench_shared_site [--desks D] [--citizens N] [--contacts M] [--queries Q] [--per-desk T] [--rounds R]
//                     [--server URI] [--sections copy,search,call-next,refresh,seed] [--no-scale-seed]
#include "core/demo/DemoSeeder.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/SiteCopy.h"
#include "core/storage/schema/CoreSchema.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AccueilPermissions.h"
#include "modules/accueil/shared/AccueilSchema.h"
#include "tests/bench/BenchSupport.h"
#include "tests/bench/PgFloor.h"
#include "tests/bench/SharedSiteBench.h"
#include "tests/support/OwnPgCluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QSqlDriver>
#include <QSqlQuery>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::bench;

namespace {

MigrationRunner siteMigrations()
{
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    runner.add(accueil::ids::SchemaOwner, accueil::accueilMigrations());
    return runner;
}

qint64 count(const Database& db, const QString& table)
{
    QSqlQuery q(db.connection());
    return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toLongLong() : -1;
}

/// A new, empty database `name` on the server (an earlier run's is dropped).
Result<std::shared_ptr<Database>> freshDatabase(const DatabaseConfig& server, const QString& name)
{
    PgBare admin;
    if (!admin.connect(server))
        return Error(ErrorCode::DatabaseError, admin.error());
    if (!admin.exec(QString(u"DROP DATABASE IF EXISTS "_s + name + u" WITH (FORCE)"_s).toUtf8())
        || !admin.exec(QString(u"CREATE DATABASE "_s + name).toUtf8()))
        return Error(ErrorCode::DatabaseError, admin.error());
    DatabaseConfig config = server;
    config.name = name;
    return Database::open(config);
}

/// The one-workstation site: seeded once at the asked size, then reused.
Result<std::shared_ptr<Database>> sqliteSource(QTextStream& out, int citizens, int contacts)
{
    const QString path = u"bench-site-%1-%2.sqlite"_s.arg(citizens).arg(contacts);
    auto db = Database::open({ .path = path });
    if (!db)
        return db;
    MigrationRunner runner = siteMigrations();
    if (Result<void> r = runner.run(**db); !r)
        return r.error();
    if (count(**db, u"citizens"_s) == citizens && count(**db, u"contacts"_s) == contacts)
        return db;
    (*db)->closeAll();
    db = Result<std::shared_ptr<Database>>(Error());
    for (const QString& suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(path + suffix);
    db = Database::open({ .path = path });
    if (!db)
        return db;
    if (Result<void> r = runner.run(**db); !r)
        return r.error();
    out << "Seeding the SQLite source " << path << " (" << citizens << " / " << contacts << ")…\n";
    out.flush();
    DemoSeedOptions options;
    options.citizens = citizens;
    options.contacts = contacts;
    options.seed = 42;
    if (const Result<DemoSeedReport> seeded = DemoSeeder(*db).seed(options); !seeded)
        return seeded.error();
    auto permissions = std::make_shared<PermissionRegistry>();
    accueil::declarePermissions(*permissions);
    CoreServices system(*db, Session::system(permissions), nullptr);
    if (const Result<bool> r = accueil::CounterSetup(system).installDefaults(); !r)
        return r.error();
    return db;
}

bool benchCopy(QTextStream& out, const Database& source, const Database& target)
{
    const Result<SiteCopyReport> report = SiteCopy::run(source, target);
    if (!report) {
        out << "db copy: " << report.error().toString() << ' ' << report.error().detail() << '\n';
        return false;
    }
    // The floor: the server copying the largest table into a table of its own, no client.
    PgBare bare;
    if (!bare.connect(target.config())) {
        out << bare.error() << '\n';
        return false;
    }
    QElapsedTimer t;
    t.start();
    bare.exec("CREATE TEMP TABLE contacts_floor (LIKE contacts)");
    int rows = 0;
    bare.exec("INSERT INTO contacts_floor SELECT * FROM contacts");
    const qint64 floorMs = t.elapsed();
    bare.exec("SELECT count(*) FROM contacts_floor", &rows);
    const qint64 contacts = count(target, u"contacts"_s);
    out << "\ndb copy, SQLite → PostgreSQL: " << report->rows << " rows in " << report->tables.size() << " tables, "
        << QString::number(double(report->elapsedMs) / 1000.0, 'f', 1) << " s (checksums included): "
        << qint64(double(report->rows) / qMax(0.001, double(report->elapsedMs) / 1000.0)) << " rows/s; "
        << "every table's count and checksum equal: " << (report->ok() ? "yes" : "NO") << '\n'
        << "  floor: the server itself copies " << contacts << " contacts (INSERT … SELECT) at "
        << qint64(double(contacts) / qMax(0.001, double(floorMs) / 1000.0)) << " rows/s\n";
    out.flush();
    return report->ok();
}

bool benchSearch(QTextStream& out, const std::shared_ptr<Database>& db, int queryCount)
{
    constexpr int kLimit = 20;
    const QStringList queries = citizenSearchQueries(db->connection(), queryCount);
    const Session session = Session::system(std::make_shared<PermissionRegistry>());
    AuditLog audit(db, session);
    const CitizenService service(db, session, audit);
    PgBare bare;
    if (!bare.connect(db->config())) {
        out << bare.error() << '\n';
        return false;
    }
    // Warm-up, and the statements each search sends.
    QList<QList<TracedStatement>> statements;
    for (const QString& query : queries) {
        QueryTrace trace(db->connection());
        (void)service.search(query, kLimit);
        statements << trace.statements();
    }
    QList<double> serviceMs, bareMs;
    qint64 hits = 0, sent = 0;
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < queries.size(); ++i) {
            const qint64 t0 = monotonicNs();
            const auto found = service.search(queries.at(i), kLimit);
            serviceMs << double(monotonicNs() - t0) / 1e6;
            if (!found) {
                out << "search: " << found.error().toString() << '\n';
                return false;
            }
            hits += found->size();
            const qint64 b0 = monotonicNs();
            for (const TracedStatement& st : statements.at(i)) {
                if (!(st.params.isEmpty() ? bare.exec(st.sql) : bare.execPrepared(st.sql, st.params))) {
                    out << "bare: " << bare.error() << " in " << st.sql << '\n';
                    return false;
                }
            }
            bareMs << double(monotonicNs() - b0) / 1e6;
            sent += statements.at(i).size();
        }
    }
    out << "\nCitizen search, " << queries.size() << " queries × 3 rounds, limit " << kLimit << " ("
        << QString::number(double(hits) / double(serviceMs.size()), 'f', 1) << " hits and "
        << QString::number(double(sent) / double(serviceMs.size()), 'f', 1) << " statements per search):\n";
    printRow(out, "CitizenService::search", serviceMs, bareMs);
    // By kind of query (citizenSearchQueries draws them in turn), to see where the time goes.
    QMap<QString, QList<double>> byKind;
    for (qsizetype i = 0; i < serviceMs.size(); ++i) {
        const QString& q = queries.at(i % queries.size());
        const QString kind = q.contains(u'@') ? u"e-mail"_s
            : q.at(0).isDigit()                ? (q.size() <= 4 ? u"last digits"_s : u"phone number"_s)
            : q.contains(u' ')                 ? u"two words"_s
                                               : u"one word"_s;
        byKind[kind] << serviceMs.at(i);
    }
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        out << QString::asprintf("    %-14s p50 %7.3f ms  p95 %7.3f ms  (%lld)\n", qPrintable(it.key()),
                                 percentile(it.value(), 0.5), percentile(it.value(), 0.95), qint64(it.value().size()));
    // The slowest searches, with what they sent: where the tail comes from.
    QList<qsizetype> order(serviceMs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return serviceMs.at(a) > serviceMs.at(b); });
    out << "    slowest:";
    for (qsizetype k = 0; k < qMin<qsizetype>(5, order.size()); ++k) {
        const qsizetype i = order.at(k) % queries.size();
        out << QString::asprintf(" \"%s\" %.1f ms (%lld st.)", qPrintable(queries.at(i)), serviceMs.at(order.at(k)),
                                 qint64(statements.at(i).size()));
    }
    out << '\n';
    const double s95 = percentile(serviceMs, 0.95), b95 = percentile(bareMs, 0.95);
    out << "  goal: p95 <= 5 ms and <= 2× bare: " << (s95 <= 5.0 && s95 <= 2.0 * b95 ? "met" : "NOT met") << '\n';
    return true;
}

bool benchSeed(QTextStream& out, const DatabaseConfig& server, const QString& name, int citizens, int contacts)
{
    Result<std::shared_ptr<Database>> db = freshDatabase(server, name);
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (!db || !runner.run(**db)) {
        out << "cannot create " << name << '\n';
        return false;
    }
    DemoSeedOptions options;
    options.citizens = citizens;
    options.contacts = contacts;
    options.seed = 1;
    const Result<DemoSeedReport> report = DemoSeeder(*db).seed(options);
    if (!report) {
        out << "demo seed: " << report.error().toString() << ' ' << report.error().detail() << '\n';
        return false;
    }
    const double wall = double(report->elapsedMs) / 1000.0;
    out << QString::asprintf("  %7d citizens / %8d contacts: %7.1f s, %8.0f rows/s\n", report->citizens,
                             report->contacts, wall, double(report->citizens + report->contacts) / qMax(wall, 0.001));
    out.flush();
    (*db)->closeAll();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--desk-worker"_s)
        return runDeskWorker(args);
    if (args.value(1) == u"--notify-worker"_s)
        return runNotifyWorker(args);

    QTextStream out(stdout);
    QCommandLineParser parser;
    const QCommandLineOption citizensOpt(u"citizens"_s, u"citizens"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption contactsOpt(u"contacts"_s, u"contacts"_s, u"M"_s, u"1000000"_s);
    const QCommandLineOption queriesOpt(u"queries"_s, u"citizen searches"_s, u"Q"_s, u"400"_s);
    const QCommandLineOption desksOpt(u"desks"_s, u"desk processes calling at once"_s, u"D"_s, u"12"_s);
    const QCommandLineOption perDeskOpt(u"per-desk"_s, u"tickets per desk"_s, u"T"_s, u"50"_s);
    const QCommandLineOption roundsOpt(u"rounds"_s, u"tickets seen by the other process"_s, u"R"_s, u"200"_s);
    const QCommandLineOption serverOpt(u"server"_s, u"an existing server (postgresql://…/postgres)"_s, u"URI"_s);
    const QCommandLineOption sectionsOpt(u"sections"_s,
        u"what to run (copy,search,call-next,refresh,seed); without copy, the bench_site of an earlier run on --server is reused"_s,
        u"LIST"_s, u"copy,search,call-next,refresh,seed"_s);
    const QCommandLineOption noScaleSeedOpt(u"no-scale-seed"_s, u"seed only the default demo on the server"_s);
    parser.addOptions({ desksOpt, citizensOpt, contactsOpt, queriesOpt, perDeskOpt, roundsOpt, serverOpt, sectionsOpt, noScaleSeedOpt });
    parser.process(app);
    const int citizens = parser.value(citizensOpt).toInt();
    const int contacts = parser.value(contactsOpt).toInt();

    test::OwnPgCluster cluster;
    QString serverUri = parser.value(serverOpt);
    if (serverUri.isEmpty()) {
        QString error;
        cluster.setDurable(true);
        if (!cluster.start(&error)) {
            out << error << '\n';
            return 1;
        }
        serverUri = cluster.uri();
    }
    Result<DatabaseConfig> server = DatabaseConfig::fromTarget(serverUri);
    if (!server) {
        out << server.error().toString() << '\n';
        return 1;
    }
    out << "Server: " << server->target() << (cluster.uri().isEmpty() ? "" : " (own cluster, fsync on)") << '\n';

    const QStringList sections = parser.value(sectionsOpt).split(u',');
    Result<std::shared_ptr<Database>> target = Error();
    bool ok = true;
    if (sections.contains(u"copy"_s)) {
        Result<std::shared_ptr<Database>> source = sqliteSource(out, citizens, contacts);
        target = freshDatabase(*server, u"bench_site"_s);
        if (!source || !target) {
            out << (source ? target.error() : source.error()).toString() << '\n';
            return 1;
        }
        MigrationRunner runner = siteMigrations();
        if (Result<void> r = runner.run(**target); !r) {
            out << r.error().toString() << '\n';
            return 1;
        }
        ok = benchCopy(out, **source, **target);
        (*source)->closeAll();
        QSqlQuery((*target)->connection()).exec(u"ANALYZE"_s);
    } else {
        DatabaseConfig site = *server;
        site.name = u"bench_site"_s;
        target = Database::open(site);
        if (!target) {
            out << target.error().toString() << '\n';
            return 1;
        }
    }
    out << "Site: " << count(**target, u"citizens"_s) << " citizens, " << count(**target, u"contacts"_s)
        << " contacts\n";
    if (sections.contains(u"search"_s))
        ok = benchSearch(out, *target, parser.value(queriesOpt).toInt()) && ok;
    if (sections.contains(u"call-next"_s))
        ok = benchCallNext(out, *target, parser.value(desksOpt).toInt(), parser.value(perDeskOpt).toInt()) && ok;
    if (sections.contains(u"refresh"_s))
        ok = benchNotifyToRefresh(out, *target, parser.value(roundsOpt).toInt()) && ok;
    if (sections.contains(u"seed"_s)) {
        out << "\nDemo seed on the server (DemoSeeder, one transaction):\n";
        ok = benchSeed(out, *server, u"bench_seed_demo"_s, DemoSeedOptions {}.citizens, DemoSeedOptions {}.contacts)
            && ok;
        if (!parser.isSet(noScaleSeedOpt))
            ok = benchSeed(out, *server, u"bench_seed_scale"_s, citizens, contacts) && ok;
    }
    out << "Memory: peak RSS " << procStatus("VmHWM:") << ", current " << procStatus("VmRSS:") << '\n';
    (*target)->closeAll();
    return ok ? 0 : 1;
}
