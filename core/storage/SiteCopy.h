#pragma once

#include "core/base/Result.h"
#include "core/storage/SchemaInspector.h"

#include <QList>
#include <QString>
#include <functional>

namespace iris {

class Database;

struct TableCopyReport
{
    QString table;
    qint64 sourceRows = 0;
    qint64 targetRows = 0;
    QString sourceChecksum; ///< SHA-256 of the rows in key order, values in a canonical form
    QString targetChecksum;
    bool matches() const { return sourceRows == targetRows && sourceChecksum == targetChecksum; }
};

struct SiteCopyReport
{
    QList<TableCopyReport> tables;
    qint64 rows = 0;
    qint64 elapsedMs = 0;
    bool ok() const;
};

/// Moves a whole site from one database to another (typically a one-workstation SQLite file
/// onto the shared PostgreSQL server) without loss: every table of the source, every row with
/// its id, in one transaction on the target; then the identity counters moved past the copied
/// ids, and row counts and checksums computed on both sides, column by column in a form that
/// does not depend on the engine (timestamps in UTC to the millisecond, booleans 0/1…).
class SiteCopy final
{
public:
    /// True when no table of `db` holds a row (schema_versions aside): a copy's target must be.
    static Result<bool> isEmpty(const Database& db);

    /// Copies source into target. Both must be at the same schema versions for every owner
    /// (the caller migrates the target first); rows the target's migrations added are replaced
    /// by the source's. `progress(table, rowsDone)` may be called between batches.
    static Result<SiteCopyReport> run(const Database& source, const Database& target,
        const std::function<void(const QString&, qint64)>& progress = {});

    /// Row count and checksum of one table, values read as `layout` says (the target's layout,
    /// so that both sides are read the same way).
    static Result<std::pair<qint64, QString>> checksum(const Database& db, const TableInfo& layout);
};

} // namespace iris
