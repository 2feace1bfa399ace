#include "core/storage/Dialect.h"

#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace iris {

QString Dialect::namedPlaceholders(const QStringList& columns)
{
    QStringList p;
    p.reserve(columns.size());
    for (const QString& c : columns)
        p << QString(QLatin1Char(':') + c);
    return p.join(u", "_s);
}

QString Dialect::upsert(const QString& table, const QStringList& columns, const QStringList& conflictColumns,
    const QStringList& updateColumns) const
{
    QStringList sets;
    for (const QString& c : updateColumns)
        sets << QString(c + u" = excluded."_s + c);
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO %5"_s.arg(table, columns.join(u", "_s),
        namedPlaceholders(columns), conflictColumns.join(u", "_s),
        sets.isEmpty() ? u"NOTHING"_s : QString(u"UPDATE SET "_s + sets.join(u", "_s)));
}

QString Dialect::insertOrIgnore(const QString& table, const QStringList& columns) const
{
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING"_s.arg(
        table, columns.join(u", "_s), namedPlaceholders(columns));
}

QString Dialect::expand(QString ddl) const
{
    const std::pair<const char16_t*, QString> pieces[] = {
        { u"{PK}", primaryKey() },
        { u"{ID}", idType() },
        { u"{TEXT}", textType() },
        { u"{INT}", intType() },
        { u"{BOOL}", boolType() },
        { u"{REAL}", realType() },
        { u"{BLOB}", blobType() },
        { u"{TS}", timestampType() },
        { u"{DATE}", dateType() },
        { u"{NOW}", nowExpression() },
        { u"{WITHOUT_ROWID}", withoutRowid() },
    };
    for (const auto& [key, value] : pieces)
        ddl.replace(QString::fromUtf16(key), value);
    return ddl;
}

QString Dialect::limit(const QString& placeholder) const
{
    return QString(u"LIMIT "_s + placeholder);
}

QString Dialect::prefixRange(
    const QString& column, const QString& loPlaceholder, const QString& hiPlaceholder) const
{
    return u"(%1 >= %2 AND %1 < %3)"_s.arg(column, loPlaceholder, hiPlaceholder);
}

std::pair<QString, QString> Dialect::prefixRangeBounds(const QString& prefix)
{
    if (prefix.isEmpty())
        return { QString(), QString(QChar(0xFFFF)) };
    QString hi = prefix;
    const char16_t last = hi.back().unicode();
    if (last == 0xFFFF)
        hi.append(QChar(0xFFFF));
    else
        hi.back() = QChar(char16_t(last + 1));
    return { prefix, hi };
}

// ---- SQLite ---------------------------------------------------------------

QString SqliteDialect::name() const
{
    return u"SQLite"_s;
}
QString SqliteDialect::primaryKey() const
{
    return u"INTEGER PRIMARY KEY AUTOINCREMENT"_s;
}
QString SqliteDialect::idType() const
{
    return u"INTEGER"_s;
}
QString SqliteDialect::textType() const
{
    return u"TEXT"_s;
}
QString SqliteDialect::intType() const
{
    return u"INTEGER"_s;
}
QString SqliteDialect::boolType() const
{
    return u"INTEGER"_s;
}
QString SqliteDialect::realType() const
{
    return u"REAL"_s;
}
QString SqliteDialect::blobType() const
{
    return u"BLOB"_s;
}
QString SqliteDialect::timestampType() const
{
    return u"TEXT"_s;
}
QString SqliteDialect::dateType() const
{
    return u"TEXT"_s;
}
QString SqliteDialect::caseInsensitiveLike(const QString& column, const QString& placeholder) const
{
    return u"%1 LIKE %2 ESCAPE '\\'"_s.arg(column, placeholder);
}
QString SqliteDialect::position(const QString& needle, const QString& haystack) const
{
    return u"instr(%1, %2)"_s.arg(haystack, needle);
}
QString SqliteDialect::withoutRowid() const
{
    return u" WITHOUT ROWID"_s;
}

QString SqliteDialect::nowExpression() const
{
    return u"(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"_s;
}

QString SqliteDialect::beginWrite() const
{
    return u"BEGIN IMMEDIATE"_s;
}
QString SqliteDialect::orderedJoin() const
{
    return u"CROSS JOIN"_s;
}

QString SqliteDialect::insertReturningId(const QString& table, const QStringList& columns) const
{
    return u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, columns.join(u", "_s), namedPlaceholders(columns));
}

QString SqliteDialect::returningId() const
{
    return {};
}

qint64 SqliteDialect::insertedId(QSqlQuery& query) const
{
    return query.lastInsertId().toLongLong();
}

QString SqliteDialect::tableExistsQuery() const
{
    return u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"_s;
}

QString SqliteDialect::listTablesQuery() const
{
    return u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
           u"ORDER BY name"_s;
}

QString SqliteDialect::migrationLock() const
{
    return {};
}
QString SqliteDialect::claimRows(const QString&) const
{
    return {};
}

QVariant SqliteDialect::toDbDateTime(const QDateTime& value) const
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return value.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
}

QDateTime SqliteDialect::fromDbDateTime(const QVariant& value) const
{
    if (value.isNull())
        return {};
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (dt.isValid() && dt.timeSpec() != Qt::UTC)
        dt.setTimeZone(QTimeZone::utc());
    return dt;
}

QVariant SqliteDialect::toDbDate(const QDate& value) const
{
    if (!value.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return value.toString(Qt::ISODate);
}

QDate SqliteDialect::fromDbDate(const QVariant& value) const
{
    if (value.isNull())
        return {};
    return QDate::fromString(value.toString(), Qt::ISODate);
}

} // namespace iris
