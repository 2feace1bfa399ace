#pragma once

#include "core/base/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <functional>

namespace iris {

class Dialect;

/// Small SQL helpers shared by the relation services (directory, agents, contacts,
/// dossiers, appointments). Internal to iris_core.
namespace sql {

/// NULL for 0, the id otherwise.
inline QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}
/// NULL for an empty string.
inline QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}
/// Never NULL: an empty (possibly null) string is bound as '' (NOT NULL text columns).
inline QVariant text(const QString& text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}
/// 0 for NULL.
inline qint64 id(const QVariant& value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

/// Prepares `statement` on `db`; a classified Error naming `context` when it fails.
Result<QSqlQuery> prepare(QSqlDatabase& db, const QString& statement, const QString& context);
/// Executes a prepared query; a classified Error naming `context` when it fails.
Result<void> exec(QSqlQuery& query, const QString& context);

/// After an UPDATE … WHERE id = :id AND version = :version touched no row: NotFound when
/// the row is gone, Conflict (French message naming `what`) when someone saved it first.
Error staleOrMissing(QSqlDatabase& db, const QString& table, qint64 id, const QString& what);
/// True when `table` has a row with this id (references checked before a write).
bool rowExists(QSqlDatabase& db, const QString& table, qint64 id);

/// The current time of the services (milliseconds, local time); replaced in tests.
using Clock = std::function<QDateTime()>;
QDateTime systemNow();

} // namespace sql
} // namespace iris
