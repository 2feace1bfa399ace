#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace iris {

class Database;

/// The kind of value a column holds, the same on both engines for a column created from the
/// same DDL ({INT}, {TEXT}, {TS}…): what `db copy` converts and checksums by.
enum class ColumnKind { Integer, Real, Text, Boolean, Timestamp, Date, Blob };

struct ColumnInfo
{
    QString name;
    ColumnKind kind = ColumnKind::Text;
    bool primaryKey = false;
};

struct TableInfo
{
    QString name;
    QList<ColumnInfo> columns; ///< in declaration order
    QStringList primaryKey; ///< in key order (rowid tables: "id")
    QSet<QString> references; ///< tables this one points at (foreign keys), itself excluded
    bool identityId = false; ///< an auto-generated "id" column
};

/// Reads a database's own tables (schema_versions included) from the engine's catalogue:
/// SQLite's PRAGMAs, PostgreSQL's information_schema. Storage layer only.
class SchemaInspector final
{
public:
    static Result<QList<TableInfo>> tables(const Database& db);
    /// Tables ordered so that every table comes after the tables it references.
    static QList<TableInfo> dependencyOrder(QList<TableInfo> tables);
};

} // namespace iris
