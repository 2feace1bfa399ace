// The counter at scale (issue 5 figure): with 100,000 citizens and 1,000,000 contacts in
// the database, how long a desk waits for "appeler le suivant" (QueueService::callNext,
// one BEGIN IMMEDIATE transaction with a durable commit) and then for the citizen found
// (CitizenService::search on the name, then what the 360° page reads: the audited record,
// its contacts, tickets and callbacks). Each figure is printed next to its floor measured
// in the same run on the same file with the bare SQLite C API: a one-row UPDATE committed
// with the same durability for the call; for the citizen, the same reads without the
// service layer, and again with the audit row every citizen read writes (a durable commit).
//
//   bench_counter [--citizens N] [--contacts M] [--rounds R] [--db FILE]
#include "core/demo/DemoSeeder.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AgentService.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AccueilPermissions.h"
#include "modules/accueil/shared/AccueilSchema.h"
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
using namespace iris::accueil;

namespace {

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

/// Steps a bare statement to the end, reading every column.
bool bareRun(sqlite3* db, const char* sql, qint64 bind = 0)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return false;
    if (bind)
        sqlite3_bind_int64(stmt, 1, bind);
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            (void)sqlite3_column_text(stmt, c);
    }
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    const QCommandLineOption citizensOpt(u"citizens"_s, u"citizens"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption contactsOpt(u"contacts"_s, u"contacts"_s, u"M"_s, u"1000000"_s);
    const QCommandLineOption roundsOpt(u"rounds"_s, u"tickets called"_s, u"R"_s, u"300"_s);
    const QCommandLineOption dbOpt(u"db"_s, u"database file"_s, u"FILE"_s);
    parser.addOptions({citizensOpt, contactsOpt, roundsOpt, dbOpt});
    parser.process(app);
    const int citizens = parser.value(citizensOpt).toInt();
    const int contacts = parser.value(contactsOpt).toInt();
    const int rounds = parser.value(roundsOpt).toInt();
    const QString path = parser.isSet(dbOpt) ? parser.value(dbOpt)
                                             : u"bench-counter-%1-%2.sqlite"_s.arg(citizens).arg(contacts);

    auto permissions = std::make_shared<PermissionRegistry>();
    declarePermissions(*permissions);
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    runner.add(ids::SchemaOwner, accueilMigrations());

    auto opened = Database::open({.path = path});
    if (!opened || !runner.run(**opened)) {
        out << "cannot open " << path << '\n';
        return 1;
    }
    std::shared_ptr<Database> db = *opened;
    const auto count = [&db](const QString& table) {
        QSqlQuery q(db->connection());
        return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toInt() : -1;
    };
    if (count(u"citizens"_s) != citizens || count(u"contacts"_s) != contacts) {
        db->closeAll();
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
            out << report.error().toString() << '\n';
            return 1;
        }
        out << "Seeded in " << report->elapsedMs << " ms\n";
    }
    CoreServices system(db, Session::system(permissions), nullptr);
    if (const Result<bool> r = CounterSetup(system).installDefaults(); !r) {
        out << r.error().toString() << '\n';
        return 1;
    }
    // Earlier runs' tickets are closed history; the queue starts empty.
    {
        QSqlQuery q(db->connection());
        q.exec(u"UPDATE accueil_tickets SET status = 'clos' WHERE status <> 'clos'"_s);
    }
    out << "Database: " << path << " — " << count(u"citizens"_s) << " citizens, " << count(u"contacts"_s)
        << " contacts, " << count(u"accueil_tickets"_s) << " tickets\n";

    const Result<Agent> agent = system.agents().findByLogin(u"accueil"_s);
    if (!agent) {
        out << "no demo agent 'accueil'\n";
        return 1;
    }
    AgentIdentity identity;
    identity.id = agent->id;
    identity.login = agent->login;
    identity.displayName = agent->displayName;
    identity.role = agent->role;
    identity.serviceId = agent->serviceId;
    CoreServices desk(db, Session(identity, permissions), nullptr);
    QueueService queue(desk);
    QueueService issuer(system);
    VisitService visits(desk);
    CallbackService callbacks(desk);
    qint64 deskId = 0;
    qint64 categoryId = 0;
    {
        QSqlQuery q(db->connection());
        q.exec(u"SELECT id FROM accueil_desks WHERE number = 1"_s);
        deskId = q.next() ? q.value(0).toLongLong() : 0;
        q.exec(u"SELECT id FROM accueil_ticket_categories WHERE prefix = 'E'"_s);
        categoryId = q.next() ? q.value(0).toLongLong() : 0;
    }

    // Citizens with contacts, drawn deterministically, and how the agent would search them.
    struct Visitor
    {
        qint64 id = 0;
        QString query;
    };
    QList<Visitor> visitors;
    {
        QSqlQuery q(db->connection());
        q.exec(u"SELECT c.id, c.nom_usage, c.nom_naissance, c.prenoms FROM citizens c "
               u"WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.citizen_id = c.id) ORDER BY c.id"_s);
        QList<Visitor> all;
        while (q.next()) {
            const QString nom = q.value(1).toString().isEmpty() ? q.value(2).toString() : q.value(1).toString();
            all.append({q.value(0).toLongLong(), QString(nom + u' ' + q.value(3).toString().section(u' ', 0, 0))});
        }
        QRandomGenerator rng(11);
        for (int i = 0; i < rounds && !all.isEmpty(); ++i)
            visitors << all.at(rng.bounded(int(all.size())));
    }
    if (visitors.isEmpty()) {
        out << "no citizen with contacts\n";
        return 1;
    }

    // Several tickets wait, as at a real counter: the call picks among them.
    constexpr int kWaiting = 12;
    int nextVisitor = 0;
    const auto issueOne = [&] {
        QueueService::IssueRequest request;
        request.categoryId = categoryId;
        request.citizenId = visitors.at(nextVisitor++ % visitors.size()).id;
        return issuer.issue(request);
    };
    for (int i = 0; i < kWaiting; ++i) {
        if (const auto t = issueOne(); !t) {
            out << t.error().toString() << '\n';
            return 1;
        }
    }

    QList<double> callMs, findMs, openMs, totalMs, recordMs, historyMs, restMs;
    int foundFirstPage = 0;
    QElapsedTimer t;
    for (int i = 0; i < rounds; ++i) {
        t.start();
        const auto called = queue.callNext(deskId);
        const qint64 callNs = t.nsecsElapsed();
        if (!called || !*called) {
            out << "call next failed: " << (called ? u"queue empty"_s : called.error().toString()) << '\n';
            return 1;
        }
        const Ticket ticket = **called;
        const auto visitor = std::find_if(visitors.cbegin(), visitors.cend(),
                                          [&](const Visitor& v) { return v.id == ticket.citizenId; });

        t.start();
        const auto found = desk.citizens().search(visitor->query, 20);
        const qint64 findNs = t.nsecsElapsed();
        const bool inResults = found && std::any_of(found->cbegin(), found->cend(), [&](const CitizenSummary& s) {
                                   return s.id == ticket.citizenId;
                               });
        if (!found) {
            out << found.error().toString() << '\n';
            return 1;
        }
        // Common names ("Laurent Laurent") can fill the first page: the agent then types more.
        foundFirstPage += inResults ? 1 : 0;

        t.start();
        const auto record = desk.citizens().get(ticket.citizenId);
        const qint64 recordNs = t.nsecsElapsed();
        const auto history = desk.contacts().listByCitizen(ticket.citizenId, 200);
        const qint64 historyNs = t.nsecsElapsed();
        const auto tickets = queue.ofCitizen(ticket.citizenId);
        const auto calls = callbacks.ofCitizen(ticket.citizenId);
        const qint64 openNs = t.nsecsElapsed();
        recordMs << ms(recordNs);
        historyMs << ms(historyNs - recordNs);
        restMs << ms(openNs - historyNs);
        if (!record || !history || history->isEmpty() || !tickets || !calls) {
            out << "open citizen failed\n";
            return 1;
        }
        callMs << ms(callNs);
        findMs << ms(findNs);
        openMs << ms(openNs);
        totalMs << ms(callNs + findNs + openNs);

        // Not timed: the visit ends and the next citizen takes a ticket.
        if (const auto gone = visits.markAbsent(ticket.id, ticket.version); !gone) {
            out << gone.error().toString() << '\n';
            return 1;
        }
        if (const auto issued = issueOne(); !issued) {
            out << issued.error().toString() << '\n';
            return 1;
        }
    }

    // Floors on the same file, bare C API: a durable one-row update, and the same reads.
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        out << "cannot open " << path << " with the C API\n";
        return 1;
    }
    bareRun(raw, "PRAGMA journal_mode = WAL");
    bareRun(raw, "PRAGMA synchronous = FULL");
    QList<double> bareCallMs, bareOpenMs, bareAuditedMs;
    for (int i = 0; i < rounds; ++i) {
        const qint64 id = visitors.at(i % visitors.size()).id;
        t.start();
        const bool ok = bareRun(raw, "BEGIN IMMEDIATE")
            && bareRun(raw,
                       "SELECT id FROM accueil_tickets WHERE day = date('now') AND status = 'en_attente' "
                       "ORDER BY priority DESC, queued_at LIMIT 1")
            && bareRun(raw, "UPDATE accueil_desks SET version = version + 1 WHERE number = 5") && bareRun(raw, "COMMIT");
        bareCallMs << ms(t.nsecsElapsed());
        t.start();
        const bool read = bareRun(raw, "SELECT * FROM citizens WHERE id = ?1", id)
            && bareRun(raw, "SELECT * FROM contacts WHERE citizen_id = ?1 ORDER BY started_at DESC LIMIT 200", id)
            && bareRun(raw, "SELECT * FROM accueil_tickets WHERE citizen_id = ?1 ORDER BY issued_at DESC LIMIT 20", id)
            && bareRun(raw, "SELECT * FROM accueil_callbacks WHERE citizen_id = ?1", id);
        bareOpenMs << ms(t.nsecsElapsed());
        // The same reads plus the audit row every citizen read owes, committed durably.
        t.start();
        const bool audited = bareRun(raw, "SELECT * FROM citizens WHERE id = ?1", id)
            && bareRun(raw, "INSERT INTO audit_events (at, agent_id, agent_login, action, entity_kind, entity_id) "
                            "VALUES (strftime('%Y-%m-%dT%H:%M:%f', 'now'), NULL, 'bench', 'read', 'citizen', ?1)", id)
            && bareRun(raw, "SELECT * FROM contacts WHERE citizen_id = ?1 ORDER BY started_at DESC LIMIT 200", id)
            && bareRun(raw, "SELECT * FROM accueil_tickets WHERE citizen_id = ?1 ORDER BY issued_at DESC LIMIT 20", id)
            && bareRun(raw, "SELECT * FROM accueil_callbacks WHERE citizen_id = ?1", id);
        bareAuditedMs << ms(t.nsecsElapsed());
        if (!ok || !read || !audited) {
            out << "bare statement failed: " << sqlite3_errmsg(raw) << '\n';
            return 1;
        }
    }
    sqlite3_close(raw);

    const auto row = [&out](const char* what, const QList<double>& v, const QList<double>& floor) {
        out << QString::asprintf("  %-34s p50 %7.3f ms  p95 %7.3f ms", what, percentile(v, 0.5), percentile(v, 0.95));
        if (!floor.isEmpty())
            out << QString::asprintf("   | bare p50 %7.3f ms  p95 %7.3f ms  (p95 ratio %.2f×)", percentile(floor, 0.5),
                                     percentile(floor, 0.95), percentile(v, 0.95) / qMax(percentile(floor, 0.95), 1e-6));
        out << '\n';
    };
    out << "Counter, " << rounds << " tickets called with " << kWaiting << " waiting:\n";
    row("call next (durable commit)", callMs, bareCallMs);
    row("find the citizen (search)", findMs, {});
    row("open the citizen (360° reads)", openMs, bareOpenMs);
    row("  floor incl. the audit row", openMs, bareAuditedMs);
    row("  of which: audited record", recordMs, {});
    row("  of which: contact history", historyMs, {});
    row("  of which: tickets + callbacks", restMs, {});
    row("call + find + open", totalMs, {});
    out << QString::asprintf("  citizen in the first 20 results of \"nom prénom\": %d / %d\n", foundFirstPage, rounds);
    out << "Memory: peak RSS " << procStatus("VmHWM:") << ", current " << procStatus("VmRSS:") << '\n';
    return 0;
}
