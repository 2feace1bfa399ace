#pragma once

// The floor of the PostgreSQL benchmarks: the same SQL sent through bare libpq, on the same
// server and database, in the same run. And a trace of what a QPSQL connection sends, so that
// the floor runs exactly the statements the service ran.

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdio>

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
    QString error() const { return m_error; }
    pg_conn* handle() const { return m_conn; }

private:
    pg_conn* m_conn = nullptr;
    QString m_error;
};

/// Records the Query messages a libpq connection sends (PQtrace into memory) and turns the
/// driver's PREPARE / EXECUTE pairs back into the statements they ran, values inline (QPSQL
/// prepares and executes with SQL text: "PREPARE qpsqlpstmt_1 AS …", "EXECUTE qpsqlpstmt_1
/// ('dup', 20)"). DEALLOCATE is left out: a client of its own would not send it.
class QueryTrace final
{
public:
    explicit QueryTrace(pg_conn* conn);
    ~QueryTrace();
    QueryTrace(const QueryTrace&) = delete;
    QueryTrace& operator=(const QueryTrace&) = delete;

    /// Stops tracing; the statements run since the start, in order.
    QList<QByteArray> statements();

    /// "EXECUTE x ('a''b', 20, NULL)" arguments → {"'a''b'", "20", "NULL"} (SQL literals).
    static QList<QByteArray> splitArguments(const QByteArray& list);
    /// body with $1… replaced by the literals.
    static QByteArray inlineArguments(QByteArray body, const QList<QByteArray>& literals);

private:
    pg_conn* m_conn = nullptr;
    FILE* m_file = nullptr;
    char* m_buffer = nullptr;
    size_t m_size = 0;
};

} // namespace iris::bench
