#include "core/storage/PgValues.h"

#include <QDateTime>
#include <QLocale>
#include <QUuid>

#include <cmath>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace iris::detail::pg {

namespace {

// Type OIDs (server/catalog/pg_type_d.h is not part of libpq's client headers).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kRegproc = 24, kOid = 26,
              kXid = 28, kCid = 29, kFloat4 = 700, kFloat8 = 701, kDate = 1082, kTime = 1083,
              kTimestamp = 1114, kTimestampTz = 1184, kTimeTz = 1266, kNumeric = 1700;

} // namespace

/// What Qt type a column of this PostgreSQL type reads as (the mapping of Qt's QPSQL driver).
QMetaType metaTypeOf(Oid type)
{
    switch (type) {
    case kBool: return QMetaType::fromType<bool>();
    case kInt8: return QMetaType::fromType<qlonglong>();
    case kInt2: case kInt4: case kOid: case kRegproc: case kXid: case kCid: return QMetaType::fromType<int>();
    case kNumeric: case kFloat4: case kFloat8: return QMetaType::fromType<double>();
    case kDate: return QMetaType::fromType<QDate>();
    case kTime: case kTimeTz: return QMetaType::fromType<QTime>();
    case kTimestamp: case kTimestampTz: return QMetaType::fromType<QDateTime>();
    case kBytea: return QMetaType::fromType<QByteArray>();
    default: return QMetaType::fromType<QString>();
    }
}

QVariant readValue(const char* val, Oid type)
{
    const QMetaType meta = metaTypeOf(type);
    switch (meta.id()) {
    case QMetaType::Bool:
        return QVariant(val[0] == 't');
    case QMetaType::LongLong:
        return QVariant(qlonglong(std::strtoll(val, nullptr, 10)));
    case QMetaType::Int:
        return QVariant(int(std::strtol(val, nullptr, 10)));
    case QMetaType::Double: {
        bool ok = false;
        const double d = QByteArray::fromRawData(val, qsizetype(qstrlen(val))).toDouble(&ok);
        if (ok)
            return QVariant(d);
        if (qstricmp(val, "NaN") == 0)
            return QVariant(qQNaN());
        if (qstricmp(val, "Infinity") == 0)
            return QVariant(qInf());
        if (qstricmp(val, "-Infinity") == 0)
            return QVariant(-qInf());
        return QVariant();
    }
    case QMetaType::QDate:
        return QVariant(QDate::fromString(QString::fromLatin1(val), Qt::ISODate));
    case QMetaType::QTime:
        return QVariant(QTime::fromString(QString::fromLatin1(val), Qt::ISODate));
    case QMetaType::QDateTime: {
        // The session runs in UTC: "2026-12-04 17:00:00.123+00"; a timestamp without time zone
        // is read as UTC too.
        const QString text = QString::fromLatin1(val);
        const QStringView time = text.size() > 11 ? QStringView(text).sliced(11) : QStringView();
        if (time.contains(u'-') || time.contains(u'+') || time.endsWith(u'Z'))
            return QVariant(QDateTime::fromString(text, Qt::ISODate));
        return QVariant(QDateTime::fromString(text + u'Z', Qt::ISODate));
    }
    case QMetaType::QByteArray: {
        size_t length = 0;
        unsigned char* data = PQunescapeBytea(reinterpret_cast<const unsigned char*>(val), &length);
        QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(length));
        PQfreemem(data);
        return QVariant(bytes);
    }
    default:
        return QVariant(QString::fromUtf8(val));
    }
}

/// A bound value as a text parameter; a null QByteArray for NULL. The server converts it to
/// the type it inferred for the placeholder, as it converts the literals QPSQL writes.
QByteArray paramText(const QVariant& v)
{
    if (!v.isValid() || v.isNull())
        return {};
    switch (v.metaType().id()) {
    case QMetaType::QDateTime: {
        const QDateTime dt = v.toDateTime();
        if (!dt.isValid())
            return {};
        return dt.toOffsetFromUtc(dt.offsetFromUtc()).toString(Qt::ISODateWithMs).toUtf8();
    }
    case QMetaType::QDate:
        return v.toDate().isValid() ? v.toDate().toString(Qt::ISODate).toUtf8() : QByteArray();
    case QMetaType::QTime:
        return v.toTime().isValid() ? QLocale::c().toString(v.toTime(), u"hh:mm:ss.zzz").toUtf8() : QByteArray();
    case QMetaType::Bool:
        return v.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case QMetaType::QByteArray:
        return QByteArray("\\x" + v.toByteArray().toHex());
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (std::isnan(d))
            return QByteArrayLiteral("NaN");
        if (std::isinf(d))
            return d < 0 ? QByteArrayLiteral("-Infinity") : QByteArrayLiteral("Infinity");
        return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::QUuid:
        return v.toUuid().toString(QUuid::WithoutBraces).toUtf8();
    default: {
        QByteArray text = v.toString().toUtf8();
        if (text.isNull())
            text = QByteArrayLiteral("");
        return text;
    }
    }
}

/// Qt hands a driver without named placeholders the statement with "?" for each value;
/// libpq wants $1, $2… ("?" inside quotes or identifiers stays).
QByteArray numberedPlaceholders(const QString& query)
{
    QString out;
    out.reserve(query.size() + 16);
    QChar closing;
    int n = 0;
    for (QChar ch : query) {
        if (!closing.isNull()) {
            if (ch == closing)
                closing = QChar();
            out += ch;
        } else if (ch == u'?') {
            out += u'$' + QString::number(++n);
        } else {
            if (ch == u'\'' || ch == u'"')
                closing = ch;
            out += ch;
        }
    }
    return out.toUtf8();
}

} // namespace iris::detail::pg
