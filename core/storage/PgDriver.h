#pragma once

// The PostgreSQL connection of a shared site: a Qt SQL driver on libpq that sends every
// prepared statement once per connection (PQprepare, a named server-side statement kept for
// the connection's life) and then runs it in one round trip (PQexecPrepared). Qt's QPSQL
// driver sends "PREPARE …", "EXECUTE … (values)" and "DEALLOCATE …" as three statements of
// SQL text for every QSqlQuery, and the server plans each one again: on a busy counter
// (twelve desks calling at once, search as-you-type) those round trips were most of the time.
// Values travel as text parameters, never inside the SQL; results read as QPSQL reads them
// (same types, same conversions), so the repositories above do not change.

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

#include <functional>

class QSqlDriver;

namespace iris {

/// Called with every statement a connection runs: its SQL ($1… placeholders) and its
/// parameters as text (a null QByteArray for NULL). The benchmarks replay them on bare libpq.
using PgStatementObserver = std::function<void(const QByteArray& sql, const QList<QByteArray>& params)>;

namespace detail {

/// A new driver instance for QSqlDatabase::addDatabase(QSqlDriver*, name).
QSqlDriver* makePgDriver();

/// The driver's name in QSqlError::driverText() ("IRISPG: …").
inline constexpr char16_t kPgDriverPrefix[] = u"IRISPG";

} // namespace detail

/// Observes what db's connection runs (db must be a PostgreSQL site connection); an empty
/// function stops observing. For benchmarks and tests only.
void setPgStatementObserver(const QSqlDatabase& db, PgStatementObserver observer);

/// How many server-side prepared statements db's connection keeps (0 for SQLite).
int pgPreparedStatementCount(const QSqlDatabase& db);

} // namespace iris
