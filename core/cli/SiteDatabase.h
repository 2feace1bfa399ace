#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QCommandLineOption>
#include <QTextStream>
#include <memory>

namespace iris::cli {

class CommandParser;

/// --database CIBLE, with --db as its alias: the site's SQLite file or the libpq URI of the
/// shared PostgreSQL database (postgresql://utilisateur@serveur:5432/base?sslmode=require).
QCommandLineOption databaseOption();

/// The configuration named by --database, or a French error when it is missing or malformed
/// (ErrorCode::InvalidArgument: the caller exits with ExitUsage).
Result<DatabaseConfig> databaseConfig(const CommandParser& parser);

struct SiteOpenOptions
{
    bool createIfMissing = false; ///< SQLite: create the file (a PostgreSQL database must exist)
    bool readOnlyFallback = false; ///< a read-only SQLite file is opened for reading only
    int busyTimeoutMs = 20000; ///< scripts wait longer than the desk for another writer
};

/// Opens the site database: a missing SQLite file is refused unless createIfMissing (the
/// message says how to create one); the schemas are not touched here.
Result<std::shared_ptr<Database>> openSite(DatabaseConfig config, const SiteOpenOptions& options = {});

/// The error and its technical detail, one line each, on err.
void printError(QTextStream& err, const Error& error);

} // namespace iris::cli
