#pragma once

#include "core/base/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <functional>
#include <memory>

namespace iris {

class Dialect;

/// Where the personal-data database lives.
struct DatabaseConfig
{
    enum class Driver { Sqlite, Postgres };
    Driver driver = Driver::Sqlite;
    QString path;            ///< SQLite file
    QString host;            ///< PostgreSQL (later)
    int port = 5432;
    QString name;
    QString user;
    QString password;
    bool readOnly = false;   ///< open without ever writing (inspection, --list-modules)
    int busyTimeoutMs = 5000; ///< how long a write waits for another writer before DatabaseLocked
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

    /// "SQLite — /home/…/iris-desk.sqlite", for the status bar and the CLI.
    QString describe() const;

    /// Runs work inside one transaction on this thread's connection (BEGIN IMMEDIATE
    /// on SQLite); commits when work succeeds, rolls back otherwise, and reports a
    /// failed commit. Nested calls join the outer transaction.
    Result<void> transaction(const std::function<Result<void>(QSqlDatabase&)>& work) const;

    /// Maps a driver error to a French, classified Error. `context` says what we were
    /// doing ("enregistrement de l'usager"); the raw driver text goes to detail().
    static Error classify(const QSqlError& error, const QString& context);

    /// Closes and removes every connection (call before deleting the file in tests).
    /// Connections of other threads are also removed when those threads end.
    void closeAll();

    /// Checks the result of a QSqlQuery::exec()/prepare(): an Error (classified) when it failed.
    static Result<void> check(const class QSqlQuery& query, const QString& context);

private:
    explicit Database(DatabaseConfig config);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris
