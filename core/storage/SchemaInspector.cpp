#include "core/storage/SchemaInspector.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::SchemaInspector", text);
}

ColumnKind kindOfServerType(const QString& type)
{
    const QString t = type.toLower();
    if (t == u"bigint"_s || t == u"integer"_s || t == u"smallint"_s)
        return ColumnKind::Integer;
    if (t == u"double precision"_s || t == u"real"_s || t == u"numeric"_s)
        return ColumnKind::Real;
    if (t == u"boolean"_s)
        return ColumnKind::Boolean;
    if (t.startsWith(u"timestamp"_s))
        return ColumnKind::Timestamp;
    if (t == u"date"_s)
        return ColumnKind::Date;
    if (t == u"bytea"_s)
        return ColumnKind::Blob;
    return ColumnKind::Text;
}

ColumnKind kindOfSqliteType(const QString& type)
{
    // SQLite keeps the declared type; the dialect declares INTEGER, REAL, BLOB and TEXT only
    // (booleans are INTEGER, timestamps and dates TEXT).
    const QString t = type.toUpper();
    if (t.contains(u"INT"_s))
        return ColumnKind::Integer;
    if (t.contains(u"REAL"_s) || t.contains(u"FLOA"_s) || t.contains(u"DOUB"_s))
        return ColumnKind::Real;
    if (t.contains(u"BLOB"_s))
        return ColumnKind::Blob;
    return ColumnKind::Text;
}

Result<QList<TableInfo>> sqliteTables(const Database& db)
{
    QSqlDatabase c = db.connection();
    QSqlQuery names(c);
    if (!names.exec(db.dialect().listTablesQuery()))
        return Database::classify(names.lastError(), tr("lecture du schéma"));
    QList<TableInfo> out;
    while (names.next()) {
        TableInfo t;
        t.name = names.value(0).toString();
        out << t;
    }
    for (TableInfo& t : out) {
        QSqlQuery cols(c);
        if (!cols.exec(u"PRAGMA table_info(\"%1\")"_s.arg(t.name)))
            return Database::classify(cols.lastError(), tr("lecture du schéma"));
        QMap<int, QString> keyOrder;
        while (cols.next()) {
            ColumnInfo col;
            col.name = cols.value(1).toString();
            col.kind = kindOfSqliteType(cols.value(2).toString());
            const int pk = cols.value(5).toInt();
            col.primaryKey = pk > 0;
            if (pk > 0)
                keyOrder.insert(pk, col.name);
            t.columns << col;
        }
        t.primaryKey = keyOrder.values();
        t.identityId = t.primaryKey == QStringList { u"id"_s };
        QSqlQuery fks(c);
        if (!fks.exec(u"PRAGMA foreign_key_list(\"%1\")"_s.arg(t.name)))
            return Database::classify(fks.lastError(), tr("lecture du schéma"));
        while (fks.next()) {
            const QString referenced = fks.value(2).toString();
            if (referenced != t.name)
                t.references.insert(referenced);
        }
    }
    return out;
}

Result<QList<TableInfo>> serverTables(const Database& db)
{
    QSqlDatabase c = db.connection();
    QSqlQuery names(c);
    if (!names.exec(db.dialect().listTablesQuery()))
        return Database::classify(names.lastError(), tr("lecture du schéma"));
    QList<TableInfo> out;
    QHash<QString, qsizetype> index;
    while (names.next()) {
        TableInfo t;
        t.name = names.value(0).toString();
        index.insert(t.name, out.size());
        out << t;
    }
    QSqlQuery cols(c);
    if (!cols.exec(u"SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns "
                   u"WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"_s))
        return Database::classify(cols.lastError(), tr("lecture du schéma"));
    while (cols.next()) {
        const auto it = index.constFind(cols.value(0).toString());
        if (it == index.constEnd())
            continue;
        TableInfo& t = out[*it];
        ColumnInfo col;
        col.name = cols.value(1).toString();
        col.kind = kindOfServerType(cols.value(2).toString());
        if (cols.value(3).toString() == u"YES"_s && col.name == u"id"_s)
            t.identityId = true;
        t.columns << col;
    }
    QSqlQuery keys(c);
    if (!keys.exec(u"SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c "
                   u"CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
                   u"JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum "
                   u"WHERE c.contype = 'p' AND c.connamespace = current_schema()::regnamespace "
                   u"ORDER BY 1, k.ord"_s))
        return Database::classify(keys.lastError(), tr("lecture du schéma"));
    while (keys.next()) {
        const auto it = index.constFind(keys.value(0).toString());
        if (it == index.constEnd())
            continue;
        TableInfo& t = out[*it];
        t.primaryKey << keys.value(1).toString();
        for (ColumnInfo& col : t.columns)
            col.primaryKey = col.primaryKey || col.name == keys.value(1).toString();
    }
    QSqlQuery fks(c);
    if (!fks.exec(u"SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
                  u"WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"_s))
        return Database::classify(fks.lastError(), tr("lecture du schéma"));
    while (fks.next()) {
        const auto it = index.constFind(fks.value(0).toString());
        if (it != index.constEnd() && fks.value(1).toString() != out[*it].name)
            out[*it].references.insert(fks.value(1).toString());
    }
    return out;
}

} // namespace

Result<QList<TableInfo>> SchemaInspector::tables(const Database& db)
{
    return db.isServer() ? serverTables(db) : sqliteTables(db);
}

QList<TableInfo> SchemaInspector::dependencyOrder(QList<TableInfo> tables)
{
    // Repeatedly take, by name, the tables whose references are all placed: a stable order
    // whatever the catalogue's. A cycle (none in our schemas) ends the loop in name order.
    std::sort(
        tables.begin(), tables.end(), [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
    QList<TableInfo> ordered;
    QSet<QString> placed;
    QSet<QString> known;
    for (const TableInfo& t : std::as_const(tables))
        known.insert(t.name);
    while (!tables.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < tables.size(); ++i) {
            bool ready = true;
            for (const QString& r : std::as_const(tables.at(i).references))
                ready = ready && (placed.contains(r) || !known.contains(r));
            if (ready) {
                placed.insert(tables.at(i).name);
                ordered << tables.takeAt(i);
                progressed = true;
                break;
            }
        }
        if (!progressed) {
            placed.insert(tables.first().name);
            ordered << tables.takeFirst();
        }
    }
    return ordered;
}

} // namespace iris
