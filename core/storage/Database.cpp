#include "core/storage/Database.h"

#include "core/storage/DatabaseEngine.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QThread>
#include <QThreadStorage>
#include <atomic>

using namespace Qt::StringLiterals;

namespace iris {

namespace detail {
QString storageTr(const char* text)
{
    return QCoreApplication::translate("iris::Database", text);
}
} // namespace detail

namespace {

using detail::storageTr;

QString tr(const char* text)
{
    return storageTr(text);
}

/// Attempts of one transaction that meets a serialization failure, a deadlock or a lock
/// timeout from other workstations, with a jittered exponential back-off (about 0.6 s in all).
constexpr int kContentionAttempts = 6;

std::atomic<quint64> g_databaseCounter { 0 };
std::atomic<quint64> g_connectionCounter { 0 };

/// Connection names of one Database, across threads.
struct ConnectionRegistry
{
    QMutex mutex;
    QSet<QString> names;
};

struct ThreadConnection
{
    QString name;
    std::weak_ptr<ConnectionRegistry> registry;
    int depth = 0; ///< transaction nesting on this thread
    quint64 generation = 0; ///< Database::invalidateConnections() count when it was opened
    bool rollbackOnly = false; ///< a nested step failed: the outer transaction must not commit
};

/// The calling thread's connections, removed when the thread ends.
struct ThreadConnections
{
    QHash<quint64, ThreadConnection> byDatabase;

    ~ThreadConnections()
    {
        // At process exit the application object may already be gone; the
        // driver then cleans up with the process.
        if (!QCoreApplication::instance())
            return;
        for (const ThreadConnection& c : std::as_const(byDatabase)) {
            if (auto registry = c.registry.lock()) {
                QMutexLocker lock(&registry->mutex);
                registry->names.remove(c.name);
            }
            if (QSqlDatabase::contains(c.name)) {
                QSqlDatabase::database(c.name, false).close();
                QSqlDatabase::removeDatabase(c.name);
            }
        }
    }
};

// QThreadStorage (not thread_local): Qt deletes it inside the thread's own finish
// step, before QThread::wait() returns, so a finished worker leaves no connection behind.
ThreadConnections& threadConnections()
{
    static QThreadStorage<ThreadConnections*> storage;
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    return *storage.localData();
}

} // namespace

struct Database::Private
{
    DatabaseConfig config;
    std::unique_ptr<detail::DatabaseEngine> engine;
    quint64 key = ++g_databaseCounter;
    std::atomic<quint64> generation { 0 };
    std::shared_ptr<ConnectionRegistry> registry = std::make_shared<ConnectionRegistry>();
};

Database::Database(DatabaseConfig config)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->engine = d->config.driver == DatabaseConfig::Driver::Postgres ? detail::makePostgresEngine()
                                                                     : detail::makeSqliteEngine();
}

Database::~Database()
{
    // A plugin may drop the last reference during static destruction, after
    // QCoreApplication is gone and Qt's connection dictionary with it: the OS
    // reclaims the handles then, and touching QSqlDatabase would crash.
    if (QCoreApplication::instance())
        closeAll();
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseConfig& config)
{
    std::shared_ptr<Database> database(new Database(config));
    if (Result<void> r = database->d->engine->beforeOpen(config); !r)
        return r.error();
    QSqlDatabase db = database->connection();
    if (!db.isOpen())
        return classify(db.lastError(), tr("ouverture de la base"));
    if (Result<void> r = database->d->engine->afterOpen(db, config); !r) {
        database->closeAll();
        return r.error();
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    ThreadConnections& mine = threadConnections();
    const quint64 generation = d->generation.load();
    auto it = mine.byDatabase.find(d->key);
    if (it != mine.byDatabase.end() && QSqlDatabase::contains(it->name)) {
        QSqlDatabase db = QSqlDatabase::database(it->name, false);
        // A server that restarted or a network that dropped leaves a dead connection: reopen
        // it (outside a transaction only: an interrupted transaction is reported, not resumed).
        if (it->depth == 0 && (it->generation != generation || !db.isOpen() || d->engine->isBroken(db))) {
            db.close();
            if (db.open())
                d->engine->configure(db, d->config);
            it->generation = generation;
        }
        return db;
    }

    const QString name = u"iris-db%1-c%2"_s.arg(d->key).arg(++g_connectionCounter);
    QSqlDatabase db = d->engine->addConnection(name, d->config);
    {
        QMutexLocker lock(&d->registry->mutex);
        d->registry->names.insert(name);
    }
    ThreadConnection tc;
    tc.name = name;
    tc.registry = d->registry;
    tc.generation = generation;
    mine.byDatabase.insert(d->key, tc);

    if (db.open())
        d->engine->configure(db, d->config);
    return db;
}

const Dialect& Database::dialect() const
{
    return d->engine->dialect();
}

const DatabaseConfig& Database::config() const
{
    return d->config;
}

bool Database::isServer() const
{
    return d->config.driver == DatabaseConfig::Driver::Postgres;
}

QString Database::describe() const
{
    return d->engine->describe(d->config);
}

Result<void> Database::transaction(const std::function<Result<void>(QSqlDatabase&)>& work) const
{
    {
        ThreadConnection& tc = threadConnections().byDatabase[d->key];
        if (tc.depth > 0) {
            QSqlDatabase db = connection();
            ++tc.depth;
            Result<void> r = work(db);
            threadConnections().byDatabase[d->key].depth--;
            if (!r)
                threadConnections().byDatabase[d->key].rollbackOnly = true;
            return r;
        }
    }
    for (int attempt = 1;; ++attempt) {
        Result<void> r = runOnce(work);
        if (r || r.error().code() != ErrorCode::Contention || attempt >= kContentionAttempts)
            return r;
        // Another workstation won the race: wait a little (jittered, so that the losers do not
        // collide again) and run the whole unit of work once more.
        const int ceiling = 10 << (attempt - 1);
        QThread::msleep(ceiling / 2 + QRandomGenerator::global()->bounded(ceiling / 2 + 1));
    }
}

Result<void> Database::runOnce(const std::function<Result<void>(QSqlDatabase&)>& work) const
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return classify(db.lastError(), tr("ouverture de la base"));

    QSqlQuery q(db);
    if (!q.exec(d->engine->dialect().beginWrite())) {
        Error e = classify(q.lastError(), tr("début de l'enregistrement"));
        if (e.code() != ErrorCode::ConnectionLost)
            return e;
        // The connection died while idle (the server restarted): nothing has run yet, so open
        // a new one and begin again, once.
        db = connection();
        q = QSqlQuery(db);
        if (!db.isOpen() || !q.exec(d->engine->dialect().beginWrite()))
            return classify(db.isOpen() ? q.lastError() : db.lastError(), tr("début de l'enregistrement"));
    }
    {
        ThreadConnection& tc = threadConnections().byDatabase[d->key];
        tc.depth = 1;
        tc.rollbackOnly = false;
    }

    auto rollback = [&db] {
        QSqlQuery r(db);
        r.exec(u"ROLLBACK"_s);
    };

    Result<void> result;
    try {
        result = work(db);
    } catch (...) {
        threadConnections().byDatabase[d->key].depth = 0;
        rollback();
        throw;
    }
    ThreadConnection& after = threadConnections().byDatabase[d->key];
    after.depth = 0;
    if (!result) {
        rollback();
        return result;
    }
    if (after.rollbackOnly) {
        after.rollbackOnly = false;
        rollback();
        return Error(ErrorCode::DatabaseError,
            tr("Une étape de l'enregistrement a échoué ; rien n'a été enregistré."));
    }
    if (!q.exec(u"COMMIT"_s)) {
        Error e = classify(q.lastError(), tr("validation de l'enregistrement"));
        rollback();
        return e;
    }
    return {};
}

Error Database::classify(const QSqlError& error, const QString& context)
{
    if (detail::isPostgresError(error))
        return detail::classifyPostgres(error, context);
    return detail::classifySqlite(error, context);
}

Result<void> Database::check(const QSqlQuery& query, const QString& context)
{
    if (query.lastError().type() == QSqlError::NoError)
        return {};
    return classify(query.lastError(), context);
}

void Database::invalidateConnections()
{
    ++d->generation;
}

void Database::closeAll()
{
    QList<QString> names;
    {
        QMutexLocker lock(&d->registry->mutex);
        names = d->registry->names.values();
        d->registry->names.clear();
    }
    ThreadConnections& here = threadConnections();
    const auto mine = here.byDatabase.constFind(d->key);
    if (mine != here.byDatabase.constEnd()) {
        if (QSqlDatabase::contains(mine->name))
            QSqlDatabase::database(mine->name, false).close();
        here.byDatabase.remove(d->key);
    }
    for (const QString& name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

} // namespace iris
