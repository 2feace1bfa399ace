#pragma once

// Values between Qt and libpq's text format for PgDriver: what type a column reads as and how
// (the conversions of Qt's QPSQL driver, so that repositories read the same QVariants), how a
// bound value travels as a text parameter, and Qt's "?" placeholders as libpq's $1, $2…

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <libpq-fe.h>

namespace iris::detail::pg {

/// What Qt type a column of this PostgreSQL type reads as.
QMetaType metaTypeOf(Oid type);
/// A non-NULL value of that column in text format.
QVariant readValue(const char* val, Oid type);
/// A bound value as a text parameter; a null QByteArray for NULL.
QByteArray paramText(const QVariant& v);
/// query with each "?" outside quotes replaced by $1, $2…
QByteArray numberedPlaceholders(const QString& query);

} // namespace iris::detail::pg
