#pragma once

// Internal to core/storage: what differs between SQLite and PostgreSQL when a Database
// opens, connects and reports failures. Repositories never see it; they use Dialect.

#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

namespace iris {

class Dialect;

namespace detail {

class DatabaseEngine
{
public:
    virtual ~DatabaseEngine() = default;

    virtual const Dialect& dialect() const = 0;
    /// Checks made before the first connection (the file's header and rights…).
    virtual Result<void> beforeOpen(const DatabaseConfig& config) const = 0;
    /// Adds (without opening) a connection named `name` for this configuration.
    virtual QSqlDatabase addConnection(const QString& name, const DatabaseConfig& config) const = 0;
    /// Per-connection settings, run right after each connection opens (none writes data).
    virtual void configure(QSqlDatabase& db, const DatabaseConfig& config) const = 0;
    /// Checks made on the first connection: it is a database we can use (an IRIS Desk one or
    /// an empty one), and the site-wide settings it needs.
    virtual Result<void> afterOpen(QSqlDatabase& db, const DatabaseConfig& config) const = 0;
    /// True when an open connection is known dead (the server went away): it must be reopened.
    virtual bool isBroken(const QSqlDatabase& db) const = 0;
    /// "SQLite — /home/…/iris-desk.sqlite", "PostgreSQL — iris@db.mairie.local:5432/iris".
    virtual QString describe(const DatabaseConfig& config) const = 0;
};

std::unique_ptr<DatabaseEngine> makeSqliteEngine();
std::unique_ptr<DatabaseEngine> makePostgresEngine();

/// French, classified errors of each driver (see Database::classify).
Error classifySqlite(const QSqlError& error, const QString& context);
Error classifyPostgres(const QSqlError& error, const QString& context);
/// True for an error reported by the PostgreSQL driver (QPSQL).
bool isPostgresError(const QSqlError& error);

QString storageTr(const char* text);

/// libpq keyword/value pairs for a connection of our own to config's server (the change
/// feed's listener), with the same keep-alives as the driver's connections.
QList<std::pair<QByteArray, QByteArray>> postgresConnectParams(const DatabaseConfig& config,
                                                               const QString& applicationName);

} // namespace detail
} // namespace iris
