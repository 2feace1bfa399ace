#include "core/storage/SiteCopy.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/MigrationRunner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::SiteCopy", text);
}

const QString kVersions = u"schema_versions"_s;
constexpr int kBatchRows = 500;

QMetaType metaTypeOf(ColumnKind kind, const Dialect& dialect)
{
    switch (kind) {
    case ColumnKind::Integer:
        return QMetaType::fromType<qlonglong>();
    case ColumnKind::Real:
        return QMetaType::fromType<double>();
    case ColumnKind::Boolean:
        return QMetaType::fromType<bool>();
    case ColumnKind::Timestamp:
        return dialect.toDbDateTime(QDateTime::currentDateTimeUtc()).metaType();
    case ColumnKind::Date:
        return dialect.toDbDate(QDate::currentDate()).metaType();
    case ColumnKind::Blob:
        return QMetaType::fromType<QByteArray>();
    case ColumnKind::Text:
        break;
    }
    return QMetaType::fromType<QString>();
}

/// A source value as the target stores it, by the target column's kind.
QVariant convert(const QVariant& v, ColumnKind kind, const Dialect& from, const Dialect& to)
{
    if (v.isNull())
        return QVariant(metaTypeOf(kind, to));
    switch (kind) {
    case ColumnKind::Integer:
        return v.toLongLong();
    case ColumnKind::Real:
        return v.toDouble();
    case ColumnKind::Boolean:
        return v.toBool();
    case ColumnKind::Timestamp:
        return to.toDbDateTime(from.fromDbDateTime(v));
    case ColumnKind::Date:
        return to.toDbDate(from.fromDbDate(v));
    case ColumnKind::Blob:
        return v.toByteArray();
    case ColumnKind::Text:
        break;
    }
    return v.toString();
}

/// One value in a form both engines give alike.
QByteArray canonical(const QVariant& v, ColumnKind kind, const Dialect& dialect)
{
    if (v.isNull())
        return QByteArrayLiteral("\x01N");
    switch (kind) {
    case ColumnKind::Integer:
        return QByteArray::number(v.toLongLong());
    case ColumnKind::Real:
        return QByteArray::number(v.toDouble(), 'g', 17);
    case ColumnKind::Boolean:
        return v.toBool() ? QByteArrayLiteral("1") : QByteArrayLiteral("0");
    case ColumnKind::Timestamp:
        return dialect.fromDbDateTime(v).toUTC().toString(Qt::ISODateWithMs).toUtf8();
    case ColumnKind::Date:
        return dialect.fromDbDate(v).toString(Qt::ISODate).toUtf8();
    case ColumnKind::Blob:
        return v.toByteArray().toHex();
    case ColumnKind::Text:
        break;
    }
    return v.toString().toUtf8();
}

QString quotedList(const QList<ColumnInfo>& columns)
{
    QStringList names;
    for (const ColumnInfo& c : columns)
        names << QString(u'"' + c.name + u'"');
    return names.join(u", "_s);
}

QString orderOf(const TableInfo& t)
{
    QStringList keys;
    for (const QString& k : t.primaryKey.isEmpty() ? QStringList() : t.primaryKey)
        keys << QString(u'"' + k + u'"');
    if (keys.isEmpty())
        for (const ColumnInfo& c : t.columns)
            keys << QString(u'"' + c.name + u'"');
    return keys.join(u", "_s);
}

Result<QHash<QString, TableInfo>> byName(const Database& db)
{
    Result<QList<TableInfo>> tables = SchemaInspector::tables(db);
    if (!tables)
        return tables.error();
    QHash<QString, TableInfo> out;
    for (const TableInfo& t : *tables)
        out.insert(t.name, t);
    return out;
}

Result<void> sameVersions(const Database& source, const Database& target)
{
    const auto a = MigrationRunner::installedVersions(source);
    if (!a)
        return a.error();
    const auto b = MigrationRunner::installedVersions(target);
    if (!b)
        return b.error();
    QHash<QString, int> there;
    for (const auto& [owner, version] : *b)
        there.insert(owner, version);
    for (const auto& [owner, version] : *a) {
        if (there.value(owner, -1) != version)
            return Error(ErrorCode::Conflict,
                tr("Le schéma « %1 » est en version %2 dans la base d'origine et %3 dans la base de "
                   "destination : mettez les deux bases au même niveau (iris-cli db migrate) avant la "
                   "copie.")
                    .arg(owner)
                    .arg(version)
                    .arg(there.value(owner, 0)));
    }
    return {};
}

} // namespace

bool SiteCopyReport::ok() const
{
    for (const TableCopyReport& t : tables)
        if (!t.matches())
            return false;
    return true;
}

Result<bool> SiteCopy::isEmpty(const Database& db)
{
    const Result<QList<TableInfo>> tables = SchemaInspector::tables(db);
    if (!tables)
        return tables.error();
    for (const TableInfo& t : *tables) {
        if (t.name == kVersions)
            continue;
        QSqlQuery q(db.connection());
        if (!q.exec(u"SELECT 1 FROM \"%1\" LIMIT 1"_s.arg(t.name)))
            return Database::classify(q.lastError(), tr("lecture de la base de destination"));
        if (q.next())
            return false;
    }
    return true;
}

Result<std::pair<qint64, QString>> SiteCopy::checksum(const Database& db, const TableInfo& layout)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT %1 FROM \"%2\" ORDER BY %3"_s.arg(
            quotedList(layout.columns), layout.name, orderOf(layout))))
        return Database::classify(q.lastError(), tr("somme de contrôle de « %1 »").arg(layout.name));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 rows = 0;
    while (q.next()) {
        for (int i = 0; i < layout.columns.size(); ++i) {
            hash.addData(canonical(q.value(i), layout.columns.at(i).kind, db.dialect()));
            hash.addData(QByteArrayView("\x1f", 1));
        }
        hash.addData(QByteArrayView("\x1e", 1));
        ++rows;
    }
    return std::pair<qint64, QString> { rows, QString::fromLatin1(hash.result().toHex()) };
}

Result<SiteCopyReport> SiteCopy::run(const Database& source, const Database& target,
    const std::function<void(const QString&, qint64)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    if (Result<void> r = sameVersions(source, target); !r)
        return r.error();
    const Result<QHash<QString, TableInfo>> from = byName(source);
    if (!from)
        return from.error();
    const Result<QList<TableInfo>> toList = SchemaInspector::tables(target);
    if (!toList)
        return toList.error();
    QHash<QString, TableInfo> to;
    for (const TableInfo& t : *toList)
        to.insert(t.name, t);

    // Every source table and column must have its place in the target.
    QStringList missing;
    for (const TableInfo& s : std::as_const(*from)) {
        if (!to.contains(s.name)) {
            missing << s.name;
            continue;
        }
        for (const ColumnInfo& c : s.columns) {
            bool found = false;
            for (const ColumnInfo& d : to.value(s.name).columns)
                found = found || d.name == c.name;
            if (!found)
                missing << QString(s.name + u'.' + c.name);
        }
    }
    if (!missing.isEmpty()) {
        std::sort(missing.begin(), missing.end());
        return Error(ErrorCode::Conflict,
            tr("La base de destination n'a pas de place pour : %1 (un module manque-t-il sur ce poste ?). "
               "Rien n'a été copié.")
                .arg(missing.join(u", "_s)));
    }

    const QList<TableInfo> order = SchemaInspector::dependencyOrder(*toList);
    SiteCopyReport report;
    Result<void> copied = target.transaction([&](QSqlDatabase& tx) -> Result<void> {
        report = SiteCopyReport();
        // Rows the target's own migrations wrote (defaults) give way to the site's.
        for (qsizetype i = order.size() - 1; i >= 0; --i) {
            if (order.at(i).name == kVersions)
                continue;
            QSqlQuery del(tx);
            if (!del.exec(u"DELETE FROM \"%1\""_s.arg(order.at(i).name)))
                return Database::classify(del.lastError(), tr("préparation de la base de destination"));
        }
        QSqlDriver* driver = tx.driver();
        for (const TableInfo& layout : order) {
            if (layout.name == kVersions || !from->contains(layout.name))
                continue;
            // The columns both sides have, in the target's order and kinds.
            QList<ColumnInfo> columns;
            for (const ColumnInfo& c : layout.columns)
                for (const ColumnInfo& s : from->value(layout.name).columns)
                    if (s.name == c.name)
                        columns << c;
            TableInfo shape = layout;
            shape.columns = columns;
            QSqlQuery read(source.connection());
            read.setForwardOnly(true);
            if (!read.exec(u"SELECT %1 FROM \"%2\" ORDER BY %3"_s.arg(
                    quotedList(columns), layout.name, orderOf(shape))))
                return Database::classify(read.lastError(), tr("lecture de « %1 »").arg(layout.name));
            const QString head = u"INSERT INTO \"%1\" (%2) VALUES "_s.arg(layout.name, quotedList(columns));
            QStringList batch;
            qint64 done = 0;
            auto flush = [&]() -> Result<void> {
                if (batch.isEmpty())
                    return {};
                QSqlQuery write(tx);
                if (!write.exec(head + batch.join(u", "_s)))
                    return Database::classify(write.lastError(), tr("copie de « %1 »").arg(layout.name));
                batch.clear();
                if (progress)
                    progress(layout.name, done);
                return {};
            };
            while (read.next()) {
                QStringList values;
                values.reserve(columns.size());
                for (int i = 0; i < columns.size(); ++i) {
                    const QVariant v
                        = convert(read.value(i), columns.at(i).kind, source.dialect(), target.dialect());
                    if (columns.at(i).kind == ColumnKind::Blob && !target.isServer() && !v.isNull()) {
                        // SQLite's blob literal (the generic formatter would write text).
                        values << QString(u"X'"_s + QString::fromLatin1(v.toByteArray().toHex()) + u'\'');
                        continue;
                    }
                    QSqlField field(columns.at(i).name, v.metaType());
                    field.setValue(v);
                    values << driver->formatValue(field);
                }
                batch << QString(u'(' + values.join(u", "_s) + u')');
                ++done;
                if (batch.size() >= kBatchRows)
                    if (Result<void> r = flush(); !r)
                        return r;
            }
            if (Result<void> r = flush(); !r)
                return r;
            report.rows += done;
            // The target's counters go past the copied ids.
            if (layout.identityId && target.isServer()) {
                QSqlQuery seq(tx);
                if (!seq.exec(u"SELECT setval(pg_get_serial_sequence('\"%1\"', 'id'), "
                              u"COALESCE((SELECT MAX(id) FROM \"%1\"), 0) + 1, false)"_s.arg(layout.name)))
                    return Database::classify(seq.lastError(), tr("compteur de « %1 »").arg(layout.name));
            }
        }
        return {};
    });
    if (!copied)
        return copied.error();

    for (const TableInfo& layout : order) {
        if (layout.name == kVersions || !from->contains(layout.name))
            continue;
        TableInfo shape = layout;
        shape.columns.removeIf([&](const ColumnInfo& c) {
            for (const ColumnInfo& s : from->value(layout.name).columns)
                if (s.name == c.name)
                    return false;
            return true;
        });
        const auto a = checksum(source, shape);
        if (!a)
            return a.error();
        const auto b = checksum(target, shape);
        if (!b)
            return b.error();
        report.tables << TableCopyReport { layout.name, a->first, b->first, a->second, b->second };
    }
    std::sort(report.tables.begin(), report.tables.end(),
        [](const TableCopyReport& x, const TableCopyReport& y) { return x.table < y.table; });
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace iris
