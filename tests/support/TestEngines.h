#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QString>

namespace iris::test {

/// The storage engine a suite runs on. ctest registers each storage suite twice (see
/// iris_add_test ENGINES): "<name>" on SQLite and "<name>_pg" with IRIS_TEST_ENGINE=postgresql
/// on the throwaway cluster of the "iris_pg" fixture (scripts/test-pg-cluster.sh).
enum class Engine { Sqlite, Postgres };

Engine testEngine();
bool onPostgres();
/// "SQLite" / "PostgreSQL", for messages.
QString engineName();

/// The server URI of the test cluster (the fixture's uri file), or an error saying why the
/// PostgreSQL suites cannot run: they fail then, they never skip.
Result<QString> testServerUri();

/// A new, empty database for one test: on SQLite the file sqlitePath (not created here); on
/// PostgreSQL a database created on the test server for this test alone.
Result<DatabaseConfig> freshDatabaseConfig(const QString& sqlitePath);

/// The query plan of `select` as text (SQLite: EXPLAIN QUERY PLAN details; PostgreSQL:
/// EXPLAIN with sequential scans discouraged, since tests' tables are tiny), to check that an
/// index is used. Empty when the statement cannot be explained.
QString explainPlan(const Database& db, const QString& select);

} // namespace iris::test
