#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace iris {
class Database;
class MigrationRunner;
} // namespace iris

namespace iris::shell {

/// Opens the site database and brings its schema up to date, without widgets.
/// Refusals (locked, read-only, corrupt, newer schema) come back as classified
/// iris::Errors and the file is left as it was: Database::open checks the file
/// before anything is written, MigrationRunner checks every owner's version first.
class DatabaseBootstrap final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::DatabaseBootstrap)
public:
    explicit DatabaseBootstrap(DatabaseConfig config)
        : m_config(std::move(config))
    {
    }

    /// Opens the database: a SQLite file is created (with its folder) when missing; a
    /// PostgreSQL database must exist (the administrator creates it, see the README).
    Result<std::shared_ptr<Database>> open();
    /// Runs the registered migrations (core and modules). Afterwards isFirstStart() says
    /// whether the core schema was installed by this run.
    Result<void> migrate(const Database& database, const MigrationRunner& migrations);

    /// True when this start created the file.
    bool createdFile() const { return m_createdFile; }
    /// True when the core schema was not installed before migrate() (a new site).
    bool isFirstStart() const { return m_firstStart; }

    /// Removes a file this start created (and its WAL companions), after a failed first
    /// start, so the next start begins afresh instead of on a half-made database.
    /// Does nothing for a file that existed before.
    void discardCreatedFile(Database& database) const;

private:
    DatabaseConfig m_config;
    bool m_createdFile = false;
    bool m_firstStart = false;
};

} // namespace iris::shell
