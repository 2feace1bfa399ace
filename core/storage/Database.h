#pragma once

#include "core/base/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>

namespace iris {

class Dialect;

/// Where the personal-data database lives: one SQLite file (one workstation) or a
/// PostgreSQL database shared by the whole site.
struct DatabaseConfig
{
    enum class Driver { Sqlite, Postgres };
    Driver driver = Driver::Sqlite;
    QString path;            ///< SQLite file
    QString host;            ///< PostgreSQL: host name, address or unix-socket folder (empty: libpq default)
    int port = 5432;
    QString name;            ///< PostgreSQL database
    QString user;            ///< PostgreSQL role (empty: libpq default, the OS account)
    /// PostgreSQL password typed at a prompt; never written to settings or logs. Empty: libpq
    /// looks in PGPASSFILE / ~/.pgpass (or uses no password).
    QString password;
    /// Further libpq connection parameters from the URI's query (sslmode, sslrootcert,
    /// connect_timeout, application_name…), in their order.
    QList<std::pair<QString, QString>> parameters;
    bool readOnly = false;   ///< open without ever writing (inspection, --list-modules)
    int busyTimeoutMs = 5000; ///< how long a write waits for another writer before DatabaseLocked

    /// Parses what --database accepts: a libpq URI ("postgresql://user@host:port/dbname?sslmode=require",
    /// also "postgres://") or else a SQLite file path. A password inside the URI is refused
    /// (it would end up in shell histories and settings): use ~/.pgpass or PGPASSFILE.
    static Result<DatabaseConfig> fromTarget(const QString& target);
    /// True when target names a PostgreSQL database rather than a file.
    static bool isServerTarget(const QString& target);
    /// The target as --database accepts it, without any password ("postgresql://iris@db:5432/iris"
    /// or the file path).
    QString target() const;
};

/// One site database. Hands out one QSqlDatabase connection per thread
/// (Qt cannot move a connection between threads); SQLite connections get
/// WAL, foreign_keys=ON, synchronous=FULL and a busy timeout.
/// Failures are classified (locked, read-only, corrupt, newer schema) and
/// reported with French messages; nothing here ever opens a dialog.
class Database final
{
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens (creating an empty SQLite file if missing and not readOnly) and checks
    /// the file is a database we can use. Does not run migrations.
    static Result<std::shared_ptr<Database>> open(const DatabaseConfig& config);

    /// The calling thread's connection, opened on first use.
    QSqlDatabase connection() const;

    const Dialect& dialect() const;
    const DatabaseConfig& config() const;
    /// True on a PostgreSQL site shared by many workstations.
    bool isServer() const;

    /// "SQLite — /home/…/iris-desk.sqlite" or "PostgreSQL — iris@db:5432/iris" (never a
    /// password), for the status bar and the CLI.
    QString describe() const;

    /// Runs work inside one transaction on this thread's connection (BEGIN IMMEDIATE
    /// on SQLite); commits when work succeeds, rolls back otherwise, and reports a
    /// failed commit. Nested calls join the outer transaction. On PostgreSQL, a unit of
    /// work that meets a serialization failure, a deadlock or a lock timeout (SQLSTATE 40001,
    /// 40P01, 55P03: ErrorCode::Contention) is rolled back and run again, a bounded number
    /// of times with a jittered back-off, so `work` must only touch the database.
    Result<void> transaction(const std::function<Result<void>(QSqlDatabase&)>& work) const;

    /// Maps a driver error to a French, classified Error. `context` says what we were
    /// doing ("enregistrement de l'usager"); the raw driver text goes to detail().
    static Error classify(const QSqlError& error, const QString& context);

    /// Marks the connections of every thread stale: each is reopened on its next use outside a
    /// transaction (the change feed calls it when the server is back after a restart).
    void invalidateConnections();

    /// Closes and removes every connection (call before deleting the file in tests).
    /// Connections of other threads are also removed when those threads end.
    void closeAll();

    /// Checks the result of a QSqlQuery::exec()/prepare(): an Error (classified) when it failed.
    static Result<void> check(const class QSqlQuery& query, const QString& context);

private:
    explicit Database(DatabaseConfig config);
    Result<void> runOnce(const std::function<Result<void>(QSqlDatabase&)>& work) const;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris
