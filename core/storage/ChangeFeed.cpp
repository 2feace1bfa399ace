#include "core/storage/ChangeFeed.h"

#include "core/storage/Database.h"
#include "core/storage/DatabaseEngine.h"
#include "core/storage/ServerClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QSqlQuery>
#include <QThread>

#include <libpq-fe.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fcntl.h>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

constexpr auto kChannel = "iris_changes";  // also in ChangeTriggers.cpp

/// "accueil_tickets:12,13" → table and ids; "table:*" (too many rows to list) → no ids.
std::pair<QString, QList<qint64>> parsePayload(const QByteArray& payload)
{
    const int colon = payload.indexOf(':');
    if (colon < 0)
        return {QString::fromUtf8(payload), {}};
    QList<qint64> ids;
    for (const QByteArray& part : payload.mid(colon + 1).split(',')) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (ok)
            ids.append(id);
    }
    return {QString::fromUtf8(payload.left(colon)), ids};
}

} // namespace

struct ChangeFeed::Private
{
    ChangeFeed* q = nullptr;
    std::weak_ptr<Database> db;
    DatabaseConfig config;
    bool server = false;
    ChangeFeed::Options options;
    QThread* thread = nullptr;
    std::atomic<bool> stopping { false };
    std::atomic<bool> connected { true };
    int wake[2] = {-1, -1};  ///< self-pipe: stop() writes to it, the worker's poll() returns

    /// Sleeps ms, or less when stop() is called.
    void waitOrStop(int ms) const
    {
        pollfd fd { wake[0], POLLIN, 0 };
        ::poll(&fd, 1, std::max(0, ms));
    }

    /// Runs f on the feed's own thread (signals reach every listener there).
    template<typename F> void post(F&& f) const
    {
        QMetaObject::invokeMethod(q, std::forward<F>(f), Qt::QueuedConnection);
    }

    void emitChanged(QStringList tables) const
    {
        post([q = q, tables = std::move(tables)] { Q_EMIT q->changed(tables); });
    }

    void runSqlite(QSemaphore& ready);
    void runPostgres(QSemaphore& ready);
    PGconn* connectAndListen() const;
    /// Listens on conn until it dies or stop() is called; false when it died.
    bool listen(PGconn* conn);
    void lose(bool& lostReported);
};

void ChangeFeed::Private::runSqlite(QSemaphore& ready)
{
    qint64 last = -1;
    bool signalled = false;
    while (!stopping) {
        if (const std::shared_ptr<Database> database = db.lock()) {
            QSqlQuery query(database->connection());
            if (query.exec(u"PRAGMA data_version"_s) && query.next()) {
                const qint64 version = query.value(0).toLongLong();
                if (last >= 0 && version != last)
                    emitChanged({});
                last = version;
            }
        }
        if (!signalled) {
            // The baseline is read before start() returns, so a commit made right after it is seen.
            ready.release();
            signalled = true;
        }
        waitOrStop(options.pollIntervalMs);
    }
}

PGconn* ChangeFeed::Private::connectAndListen() const
{
    const auto params = detail::postgresConnectParams(config, u"IRIS Desk (écoute des changements)"_s);
    QList<const char*> keys;
    QList<const char*> values;
    for (const auto& [k, v] : params) {
        keys.append(k.constData());
        values.append(v.constData());
    }
    keys.append(nullptr);
    values.append(nullptr);
    PGconn* conn = PQconnectdbParams(keys.constData(), values.constData(), 0);
    if (PQstatus(conn) != CONNECTION_OK) {
        PQfinish(conn);
        return nullptr;
    }
    PGresult* r = PQexec(conn, "LISTEN iris_changes");
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
        PQfinish(conn);
        return nullptr;
    }
    return conn;
}

bool ChangeFeed::Private::listen(PGconn* conn)
{
    QElapsedTimer quiet;   // since the server last said anything
    quiet.start();
    QElapsedTimer probe;   // since the heartbeat query was sent
    qint64 probeSentMs = 0;
    bool probing = false;
    QElapsedTimer gathering;  // since the first notification not yet signalled
    QMap<QString, QList<qint64>> pending;
    QSet<QString> unlisted;  // tables with too many rows to list: "every row may have changed"

    const auto flush = [&] {
        QStringList tables;
        for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
            tables << it.key();
            const QList<qint64> ids = unlisted.contains(it.key()) ? QList<qint64> {} : it.value();
            post([q = q, table = it.key(), ids] { Q_EMIT q->rowsChanged(table, ids); });
        }
        pending.clear();
        unlisted.clear();
        emitChanged(tables);
    };

    while (!stopping) {
        int timeout = probing ? options.heartbeatTimeoutMs - int(probe.elapsed())
                              : options.heartbeatMs - int(quiet.elapsed());
        if (!pending.isEmpty())
            timeout = std::min(timeout, options.coalesceMs - int(gathering.elapsed()));
        pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {wake[0], POLLIN, 0}};
        ::poll(fds, 2, std::max(0, timeout));
        if (stopping)
            return true;
        if (fds[0].revents != 0) {
            if (!PQconsumeInput(conn))
                return false;
            quiet.restart();
            while (probing && !PQisBusy(conn)) {
                PGresult* r = PQgetResult(conn);
                if (!r) {
                    probing = false;
                    break;
                }
                const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
                if (ok && PQntuples(r) == 1)
                    ServerClock::measured(probeSentMs, QByteArray(PQgetvalue(r, 0, 0)).toLongLong(),
                                          QDateTime::currentMSecsSinceEpoch());
                PQclear(r);
                if (!ok)
                    return false;
            }
            while (PGnotify* n = PQnotifies(conn)) {
                const auto [table, ids] = parsePayload(QByteArray(n->extra));
                PQfreemem(n);
                if (pending.isEmpty())
                    gathering.restart();
                QList<qint64>& rows = pending[table];
                if (ids.isEmpty() || rows.size() + ids.size() > 10000) {
                    unlisted.insert(table);
                    rows.clear();
                } else if (!unlisted.contains(table)) {
                    rows += ids;
                }
            }
            if (PQstatus(conn) == CONNECTION_BAD)
                return false;
        }
        if (!pending.isEmpty() && gathering.elapsed() >= options.coalesceMs)
            flush();
        if (probing && probe.elapsed() >= options.heartbeatTimeoutMs)
            return false;  // the server (or the network) no longer answers
        if (!probing && quiet.elapsed() >= options.heartbeatMs) {
            // The heartbeat also keeps the server clock's offset up to date.
            probeSentMs = QDateTime::currentMSecsSinceEpoch();
            if (!PQsendQuery(conn, "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"))
                return false;
            probing = true;
            probe.restart();
        }
    }
    return true;
}

void ChangeFeed::Private::lose(bool& lostReported)
{
    connected = false;
    if (lostReported)
        return;
    lostReported = true;
    post([q = q] {
        Q_EMIT q->connectionLost(tr("Connexion au serveur perdue — nouvelle tentative…"));
    });
}

void ChangeFeed::Private::runPostgres(QSemaphore& ready)
{
    bool signalled = false;
    bool lostReported = false;
    int backoff = options.reconnectMinMs;
    while (!stopping) {
        PGconn* conn = connectAndListen();
        if (!conn) {
            lose(lostReported);
            if (!signalled) {
                ready.release();
                signalled = true;
            }
            waitOrStop(backoff);
            backoff = std::min(backoff * 2, options.reconnectMaxMs);
            continue;
        }
        backoff = options.reconnectMinMs;
        connected = true;
        if (lostReported) {
            // What was committed while we were away was never notified: every view reloads, on
            // connections opened anew (the old ones died with the server).
            lostReported = false;
            if (const std::shared_ptr<Database> database = db.lock())
                database->invalidateConnections();
            post([q = q] { Q_EMIT q->connectionRestored(); });
            emitChanged({});
        }
        if (!signalled) {
            ready.release();
            signalled = true;
        }
        const bool clean = listen(conn);
        PQfinish(conn);
        if (!clean)
            lose(lostReported);
    }
}

ChangeFeed::ChangeFeed(std::shared_ptr<Database> db, QObject* parent)
    : ChangeFeed(std::move(db), Options {}, parent)
{
}

ChangeFeed::ChangeFeed(std::shared_ptr<Database> db, Options options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_options(options)
{
    m_options.pollIntervalMs = qMax(20, m_options.pollIntervalMs);
    d->q = this;
    d->db = db;
    if (db) {
        d->config = db->config();
        d->server = db->isServer();
    }
}

ChangeFeed::~ChangeFeed()
{
    stop();
}

QString ChangeFeed::channel()
{
    return QString::fromLatin1(kChannel);
}

std::shared_ptr<ChangeFeed> ChangeFeed::shared(const std::shared_ptr<Database>& db)
{
    return shared(db, Options {});
}

std::shared_ptr<ChangeFeed> ChangeFeed::shared(const std::shared_ptr<Database>& db, Options options)
{
    static QMutex mutex;
    static QHash<const Database*, std::weak_ptr<ChangeFeed>> feeds;
    QMutexLocker lock(&mutex);
    if (std::shared_ptr<ChangeFeed> existing = feeds.value(db.get()).lock())
        return existing;
    std::shared_ptr<ChangeFeed> feed = std::make_shared<ChangeFeed>(db, options);
    feeds.insert(db.get(), feed);
    lock.unlock();
    feed->start();
    return feed;
}

bool ChangeFeed::isRunning() const
{
    return d->thread && d->thread->isRunning();
}

bool ChangeFeed::isConnected() const
{
    return d->connected.load();
}

void ChangeFeed::stop()
{
    if (!d->thread)
        return;
    d->stopping = true;
    const char byte = 1;
    (void)::write(d->wake[1], &byte, 1);
    d->thread->wait();
    delete d->thread;
    d->thread = nullptr;
    ::close(d->wake[0]);
    ::close(d->wake[1]);
    d->wake[0] = d->wake[1] = -1;
}

void ChangeFeed::start()
{
    if (d->thread || d->db.expired())
        return;
    if (::pipe2(d->wake, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    d->stopping = false;
    d->options = m_options;
    auto ready = std::make_shared<QSemaphore>();
    Private* p = d.get();
    d->thread = QThread::create([p, ready] {
        if (p->server)
            p->runPostgres(*ready);
        else
            p->runSqlite(*ready);
    });
    d->thread->setObjectName(d->server ? u"iris-change-listener"_s : u"iris-change-poller"_s);
    d->thread->start();
    ready->tryAcquire(1, 10000);
}

} // namespace iris
