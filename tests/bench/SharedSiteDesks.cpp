// bench_shared_site: twelve desks calling at once, and a change seen by another process.
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/storage/ChangeFeed.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/shared/AccueilPermissions.h"
#include "tests/bench/BenchSupport.h"
#include "tests/bench/PgFloor.h"
#include "tests/bench/SharedSiteBench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;
using namespace iris::accueil;

namespace iris::bench {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void printRow(QTextStream& out, const char* what, const QList<double>& v, const QList<double>& floor)
{
    out << QString::asprintf("  %-40s p50 %8.3f ms  p95 %8.3f ms", what, percentile(v, 0.5), percentile(v, 0.95));
    if (!floor.isEmpty())
        out << QString::asprintf("   | bare p50 %8.3f ms  p95 %8.3f ms  (p95 ratio %.2f×)", percentile(floor, 0.5),
                                 percentile(floor, 0.95), percentile(v, 0.95) / qMax(percentile(floor, 0.95), 1e-6));
    out << '\n';
    out.flush();
}

namespace {

double msSince(qint64 startNs)
{
    return double(monotonicNs() - startNs) / 1e6;
}

/// Services bound to a demo agent's session, for a worker process.
std::unique_ptr<CoreServices> servicesAs(const std::shared_ptr<Database>& db,
                                         const std::shared_ptr<PermissionRegistry>& permissions, const QString& login)
{
    CoreServices system(db, Session::system(permissions), nullptr);
    if (login.isEmpty())
        return std::make_unique<CoreServices>(db, Session::system(permissions), nullptr);
    const Result<Agent> agent = system.agents().findByLogin(login);
    if (!agent)
        return nullptr;
    AgentIdentity id { agent->id, agent->login, agent->displayName, agent->role, agent->serviceId };
    return std::make_unique<CoreServices>(db, Session(id, permissions), nullptr);
}

/// A worker's database, from the target on its command line; the reason on stderr.
Result<std::shared_ptr<Database>> openWorkerDatabase(const QString& target)
{
    Result<DatabaseConfig> config = DatabaseConfig::fromTarget(target);
    Result<std::shared_ptr<Database>> db = config ? Database::open(*config) : Result<std::shared_ptr<Database>>(config.error());
    if (!db)
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
    return db;
}

/// Every desk presses "next" at the same instants: the go file gives the first one
/// (monotonicNs) and the gap between two.
struct Beat
{
    qint64 startNs = 0;
    qint64 gapNs = 0;
    /// Sleeps until the k-th instant.
    void waitFor(int k) const
    {
        const qint64 at = startNs + qint64(k) * gapNs;
        while (monotonicNs() < at)
            QThread::usleep(qMax<qint64>(1, qMin<qint64>((at - monotonicNs()) / 1000, 1000)));
    }
};

Beat waitForGo(const QString& go)
{
    std::printf("# ready\n");
    std::fflush(stdout);
    QElapsedTimer waited;
    waited.start();
    QFile f(go);
    while (waited.elapsed() < 120000) {
        if (f.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> parts = f.readAll().trimmed().split(' ');
            f.close();
            if (parts.size() == 2)
                return { parts.at(0).toLongLong(), parts.at(1).toLongLong() };
        }
        QThread::usleep(500);
    }
    return {};
}

/// The statements QueueService::callNext sends (the desk, whether it is free, the claim, the
/// ticket's motives, the update, the event), each in one round trip of bare libpq. The ticket
/// claimed goes to *id (empty when nobody waits).
bool bareCall(PgBare& bare, const QByteArray& desk, const QByteArray& day, QByteArray* id)
{
    bool ok = bare.exec("BEGIN")
        && bare.execPrepared("SELECT id, version, number, label, service_id, active FROM accueil_desks WHERE id = $1",
                           { desk })
        && bare.execPrepared("SELECT label FROM accueil_tickets WHERE desk_id = $1 AND day = $2 AND status IN "
                           "('appele', 'en_cours') ORDER BY called_at LIMIT 1",
                           { desk, day })
        && bare.execPrepared("SELECT t.id, t.* FROM accueil_tickets t WHERE t.day = $1 AND t.status IN ('en_attente', "
                           "'transfere') AND (t.target_desk_id = $2 OR (t.target_desk_id IS NULL AND "
                           "(t.service_id IS NULL OR NOT EXISTS (SELECT 1 FROM accueil_desks d WHERE d.active = "
                           "TRUE AND d.service_id = t.service_id)))) ORDER BY t.priority DESC, CASE WHEN "
                           "t.appointment_at IS NOT NULL AND t.appointment_at <= now() THEN 0 ELSE 1 END, "
                           "t.queued_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED",
                           { day, desk }, id);
    if (ok && !id->isEmpty())
        ok = bare.execPrepared("SELECT motive_theme_id FROM accueil_ticket_motives WHERE ticket_id = $1 "
                             "ORDER BY position", { *id })
            && bare.execPrepared("UPDATE accueil_tickets SET status = 'absent', desk_id = $1, called_at = now(), "
                               "call_count = call_count + 1, version = version + 1 WHERE id = $2 AND status = "
                               "'en_attente'",
                               { desk, *id })
            && bare.execPrepared("INSERT INTO accueil_ticket_events (ticket_id, at, kind, desk_id, agent_id, detail) "
                               "VALUES ($1, now(), 'appel', $2, NULL, 'bench')",
                               { *id, desk });
    return ok && bare.exec("COMMIT");
}

} // namespace

int runDeskWorker(const QStringList& args)
{
    // --desk-worker TARGET DESK LOGIN GOFILE service|bare DAY CALLS CATEGORY
    Result<std::shared_ptr<Database>> db = openWorkerDatabase(args.value(2));
    if (!db)
        return 2;
    const qint64 deskId = args.value(3).toLongLong();
    const bool bareMode = args.value(6) == u"bare"_s;
    const QByteArray desk = QByteArray::number(deskId);
    const QByteArray day = args.value(7).toUtf8();
    const int calls = args.value(8).toInt();
    const qint64 categoryId = args.value(9).toLongLong();
    PgBare bare;
    if (bareMode && !bare.connect((*db)->config())) {
        std::fprintf(stderr, "%s\n", qPrintable(bare.error()));
        return 2;
    }
    auto permissions = std::make_shared<PermissionRegistry>();
    declarePermissions(*permissions);
    std::unique_ptr<CoreServices> services = servicesAs(*db, permissions, args.value(4));
    if (!services)
        return 3;
    QueueService queue(*services);
    VisitService visits(*services);
    const Beat beat = waitForGo(args.value(5));
    for (int k = 0; k < calls; ++k) {
        beat.waitFor(k);
        const qint64 t0 = monotonicNs();
        qint64 id = 0;
        QString error;
        std::optional<Ticket> called;
        if (bareMode) {
            QByteArray claimed;
            if (!bareCall(bare, desk, day, &claimed))
                error = bare.error();
            id = claimed.toLongLong();
        } else {
            const Result<std::optional<Ticket>> next = queue.callNext(deskId);
            if (!next)
                error = next.error().toString() + u" / "_s + next.error().detail();
            else if (*next)
                called = **next, id = called->id;
        }
        const double ms = msSince(t0);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 4;
        }
        if (id == 0) {
            std::fprintf(stderr, "nobody waits\n");
            return 5;
        }
        std::printf("t %lld %.4f\n", static_cast<long long>(id), ms);
        // Not timed: the visit ends at once (the desk is free for the next call) and a new
        // citizen takes a ticket, so the queue keeps its length.
        if (called) {
            if (const Result<Ticket> gone = visits.markAbsent(called->id, called->version); !gone) {
                std::fprintf(stderr, "%s\n", qPrintable(gone.error().toString()));
                return 4;
            }
        }
        if (const Result<Ticket> issued = queue.issue({ categoryId, 0, 0, 0 }); !issued) {
            std::fprintf(stderr, "%s\n", qPrintable(issued.error().toString()));
            return 4;
        }
    }
    (*db)->closeAll();
    return 0;
}

namespace {

/// The gap between two calls of a desk: every desk calls at the same instants, each 100 ms
/// (an agent does not call twice in 100 ms; twelve agents may press the key together).
constexpr qint64 kGapNs = 100'000'000;
/// Tickets waiting per desk while the desks call (IRIS's busiest mornings: about sixty).
constexpr int kQueueDepthPerDesk = 5;

struct Phase
{
    QList<double> ms;
    QSet<qint64> ids;
    qint64 duplicates = 0;
};

qint64 categoryId(const Database& db, const QString& prefix)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT id FROM accueil_ticket_categories WHERE prefix = ?"_s);
    q.addBindValue(prefix);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QSet<qint64> issueTickets(CoreServices& system, int count, QString* day, QString* error)
{
    QueueService issuer(system);
    QSet<qint64> ids;
    const qint64 category = categoryId(*system.database(), u"A"_s);
    const Result<void> tx = system.database()->transaction([&](QSqlDatabase&) -> Result<void> {
        for (int i = 0; i < count; ++i) {
            const Result<Ticket> t = issuer.issue({ category, i % 9 == 0 ? 1 : 0, 0, 0 });
            if (!t)
                return t.error();
            ids.insert(t->id);
            *day = t->day.toString(Qt::ISODate);
        }
        return {};
    });
    if (!tx)
        *error = tx.error().toString() + u' ' + tx.error().detail();
    return ids;
}

bool runPhase(const std::shared_ptr<Database>& db, const QList<qint64>& deskIds, const QString& mode,
              const QString& day, int calls, Phase* phase, QString* error)
{
    QTemporaryDir dir;
    const QString go = dir.filePath(u"go"_s);
    QList<QProcess*> workers;
    for (const qint64 desk : deskIds) {
        auto* p = new QProcess;
        p->start(QCoreApplication::applicationFilePath(),
                 { u"--desk-worker"_s, db->config().target(), QString::number(desk), u"accueil"_s, go, mode, day,
                   QString::number(calls), QString::number(categoryId(*db, u"A"_s)) });
        workers << p;
    }
    QByteArrayList outputs(workers.size());
    bool ok = true;
    for (qsizetype i = 0; i < workers.size() && ok; ++i) {
        QElapsedTimer t;
        t.start();
        while (!outputs[i].contains("# ready") && t.elapsed() < 60000) {
            workers.at(i)->waitForReadyRead(100);
            outputs[i] += workers.at(i)->readAllStandardOutput();
        }
        ok = outputs[i].contains("# ready");
    }
    // Written whole then renamed: a worker never reads half of it.
    const qint64 start = monotonicNs() + 200'000'000;
    {
        QFile f(go + u".part"_s);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray::number(start) + ' ' + QByteArray::number(kGapNs) + '\n');
        f.close();
        f.rename(go);
    }
    for (qsizetype i = 0; i < workers.size(); ++i) {
        QProcess* p = workers.at(i);
        if (!p->waitForFinished(600000) || p->exitCode() != 0) {
            *error = u"worker %1: %2"_s.arg(i).arg(QString::fromUtf8(p->readAllStandardError()));
            ok = false;
        }
        outputs[i] += p->readAllStandardOutput();
        for (const QByteArray& line : outputs.at(i).split('\n')) {
            if (!line.startsWith("t "))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            const qint64 id = parts.value(1).toLongLong();
            phase->duplicates += phase->ids.contains(id) ? 1 : 0;
            phase->ids.insert(id);
            phase->ms << parts.value(2).toDouble();
        }
        delete p;
    }
    return ok;
}

} // namespace

bool benchCallNext(QTextStream& out, const std::shared_ptr<Database>& db, int desks, int perDesk)
{
    auto permissions = std::make_shared<PermissionRegistry>();
    declarePermissions(*permissions);
    CoreServices system(db, Session::system(permissions), nullptr);
    QList<qint64> deskIds;
    {
        // Earlier tickets are history; every desk takes every ticket (no service reserved).
        QSqlQuery q(db->connection());
        q.exec(u"UPDATE accueil_tickets SET status = 'clos' WHERE status <> 'clos'"_s);
        q.exec(u"UPDATE accueil_desks SET service_id = NULL, active = TRUE"_s);
        q.exec(u"SELECT id FROM accueil_desks ORDER BY number, id"_s);
        while (q.next() && deskIds.size() < desks)
            deskIds << q.value(0).toLongLong();
    }
    if (deskIds.size() < desks) {
        out << "only " << deskIds.size() << " desks in the database\n";
        return false;
    }
    Phase service, bare;
    QString error, day;
    const auto calledTwice = [&] {
        QSqlQuery q(db->connection());
        q.prepare(u"SELECT count(*) FROM accueil_tickets WHERE day = ? AND call_count > 1"_s);
        q.addBindValue(day);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    };
    // A queue of a real morning's length, kept so: each desk's next citizen takes a ticket.
    issueTickets(system, desks * kQueueDepthPerDesk, &day, &error);
    if (!error.isEmpty() || !runPhase(db, deskIds, u"service"_s, day, perDesk, &service, &error)) {
        out << "call next: " << error << '\n';
        return false;
    }
    const bool serviceExact = service.ids.size() == desks * perDesk && service.duplicates == 0 && calledTwice() == 0;
    {
        QSqlQuery q(db->connection());
        q.exec(u"UPDATE accueil_tickets SET status = 'clos' WHERE status <> 'clos'"_s);
    }
    issueTickets(system, desks * kQueueDepthPerDesk, &day, &error);
    if (!error.isEmpty() || !runPhase(db, deskIds, u"bare"_s, day, perDesk, &bare, &error)) {
        out << "bare claims: " << error << '\n';
        return false;
    }
    out << "\nCall next, " << desks << " desk processes calling at the same instants (every "
        << kGapNs / 1'000'000 << " ms), " << desks * perDesk << " calls, " << desks * kQueueDepthPerDesk
        << " tickets waiting:\n";
    printRow(out, "QueueService::callNext (durable commit)", service.ms, bare.ms);
    out << QString::asprintf("  every ticket called once, none twice: %s\n", serviceExact ? "yes" : "NO");
    out << "  goal: p95 <= 20 ms: " << (percentile(service.ms, 0.95) <= 20.0 ? "met" : "NOT met") << '\n';
    return serviceExact;
}

int runNotifyWorker(const QStringList& args)
{
    // --notify-worker TARGET: "issue" on stdin → a ticket, "<id> <monotonic ns after commit>".
    Result<std::shared_ptr<Database>> db = openWorkerDatabase(args.value(2));
    if (!db)
        return 2;
    auto permissions = std::make_shared<PermissionRegistry>();
    declarePermissions(*permissions);
    CoreServices system(*db, Session::system(permissions), nullptr);
    QueueService issuer(system);
    qint64 categoryId = 0;
    {
        QSqlQuery q((*db)->connection());
        if (q.exec(u"SELECT id FROM accueil_ticket_categories WHERE prefix = 'B'"_s) && q.next())
            categoryId = q.value(0).toLongLong();
    }
    std::printf("# ready\n");
    std::fflush(stdout);
    std::string line;
    while (std::getline(std::cin, line) && line == "issue") {
        const Result<Ticket> t = issuer.issue({ categoryId, 0, 0, 0 });
        const qint64 committed = monotonicNs();
        if (!t) {
            std::fprintf(stderr, "%s\n", qPrintable(t.error().toString()));
            return 4;
        }
        std::printf("%lld %lld\n", static_cast<long long>(t->id), static_cast<long long>(committed));
        std::fflush(stdout);
    }
    (*db)->closeAll();
    return 0;
}

bool benchNotifyToRefresh(QTextStream& out, const std::shared_ptr<Database>& db, int rounds)
{
    auto permissions = std::make_shared<PermissionRegistry>();
    declarePermissions(*permissions);
    CoreServices system(db, Session::system(permissions), nullptr);
    QueueService queue(system);
    std::shared_ptr<ChangeFeed> feed = ChangeFeed::shared(db);
    QHash<qint64, qint64> notifiedAt;
    QObject context;
    QObject::connect(feed.get(), &ChangeFeed::rowsChanged, &context,
                     [&](const QString& table, const QList<qint64>& ids) {
                         const qint64 now = monotonicNs();
                         if (table == u"accueil_tickets"_s)
                             for (const qint64 id : ids)
                                 notifiedAt.insert(id, now);
                     });
    QProcess worker;
    worker.start(QCoreApplication::applicationFilePath(), { u"--notify-worker"_s, db->config().target() });
    QByteArray pending;
    const auto waitFor = [&](const std::function<bool()>& done, int ms) {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
            pending += worker.readAllStandardOutput();
            if (!done())
                worker.waitForReadyRead(1);
        }
        return done();
    };
    if (!waitFor([&] { return pending.contains("# ready\n"); }, 60000)) {
        out << "notify worker did not start: " << worker.readAllStandardError() << '\n';
        return false;
    }
    pending.clear();
    // Let the feed's listener subscribe before the first write.
    waitFor([] { return false; }, 500);
    QList<double> notifyMs, refreshMs;
    int lost = 0;
    for (int i = 0; i < rounds; ++i) {
        worker.write("issue\n");
        if (!waitFor([&] { return pending.contains('\n'); }, 10000)) {
            out << "notify worker: " << worker.readAllStandardError() << '\n';
            return false;
        }
        const qsizetype eol = pending.indexOf('\n');
        const QList<QByteArray> parts = pending.left(eol).split(' ');
        pending.remove(0, eol + 1);
        const qint64 id = parts.value(0).toLongLong();
        const qint64 committed = parts.value(1).toLongLong();
        if (!waitFor([&] { return notifiedAt.contains(id); }, 5000)) {
            ++lost;
            continue;
        }
        const Result<QList<Ticket>> waiting = queue.waiting(0);
        const qint64 refreshed = monotonicNs();
        if (!waiting) {
            out << waiting.error().toString() << '\n';
            return false;
        }
        notifyMs << double(notifiedAt.value(id) - committed) / 1e6;
        refreshMs << double(refreshed - committed) / 1e6;
        waitFor([] { return false; }, 30);
    }
    worker.closeWriteChannel();
    worker.waitForFinished(10000);
    out << "\nLive refresh between two processes, " << rounds << " tickets issued in the other one:\n";
    printRow(out, "commit → change feed's signal", notifyMs);
    printRow(out, "commit → waiting list read again", refreshMs);
    out << "  (the feed gathers notifications over " << ChangeFeed::Options {}.coalesceMs
        << " ms before it signals); not seen within 5 s: " << lost << '\n';
    out << "  goal: p95 <= 250 ms: " << (lost == 0 && percentile(refreshMs, 0.95) <= 250.0 ? "met" : "NOT met") << '\n';
    return lost == 0;
}

} // namespace iris::bench
