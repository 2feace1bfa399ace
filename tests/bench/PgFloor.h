#pragma once

// The floor of the PostgreSQL benchmarks: the same SQL sent through bare libpq, on the same
// server and database, in the same run. And a trace of what a site connection runs, so that
// the floor runs exactly the statements the service ran.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

struct pg_conn;

namespace iris {
struct DatabaseConfig;
}

namespace iris::bench {

/// One libpq connection of our own.
class PgBare final
{
public:
    PgBare() = default;
    ~PgBare();
    PgBare(const PgBare&) = delete;
    PgBare& operator=(const PgBare&) = delete;

    /// Connects to config's server and database; false and error() on failure.
    bool connect(const DatabaseConfig& config);
    /// Runs one statement (simple protocol) and reads every value of every row; false on error.
    bool exec(const QByteArray& sql, int* rows = nullptr);
    /// Runs one statement with text parameters ($1…, extended protocol, unnamed statement).
    /// The first value of the first row goes to *first when given.
    bool execParams(const QByteArray& sql, const QList<QByteArray>& params, QByteArray* first = nullptr);
    /// The same through a named statement, prepared on this connection the first time sql is
    /// seen (what the site's driver does).
    bool execPrepared(const QByteArray& sql, const QList<QByteArray>& params, QByteArray* first = nullptr);
    QString error() const { return m_error; }
    pg_conn* handle() const { return m_conn; }

private:
    pg_conn* m_conn = nullptr;
    QString m_error;
    QHash<QByteArray, QByteArray> m_prepared;
};

/// One statement as a site connection ran it: SQL with $1… and its text parameters.
struct TracedStatement
{
    QByteArray sql;
    QList<QByteArray> params; ///< a null QByteArray for NULL
};

/// Records what a site connection runs (PgDriver's observer), so that the floor runs exactly
/// the statements the service ran, with the same values.
class QueryTrace final
{
public:
    explicit QueryTrace(const QSqlDatabase& db);
    ~QueryTrace();
    QueryTrace(const QueryTrace&) = delete;
    QueryTrace& operator=(const QueryTrace&) = delete;

    /// Stops tracing; the statements run since the start, in order.
    QList<TracedStatement> statements();

private:
    QSqlDatabase m_db;
    std::shared_ptr<QList<TracedStatement>> m_seen;
    bool m_stopped = false;
};

} // namespace iris::bench
