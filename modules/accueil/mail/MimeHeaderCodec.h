#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace iris::accueil {

/// Decoding of the textual parts of a message header (RFC 5322, RFC 2045, RFC 2047,
/// RFC 2231) and of charset-tagged bytes. Pure functions; problems are reported as
/// French sentences appended to `warnings` (never thrown), with the best text that
/// could be recovered.
class MimeHeaderCodec final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::MimeHeaderCodec)
public:
    /// A header value split into its main value and its parameters
    /// ("text/plain; charset=utf-8" → value "text/plain", params {charset: "utf-8"}).
    struct Parameterized
    {
        QString value; ///< lower-case
        QHash<QString, QString> params; ///< keys lower-case; RFC 2231 continuations joined
    };
    struct Mailbox
    {
        QString name;
        QString address; ///< lower-case; empty when none could be found
    };

    /// Bytes in `charset` (any name ICU knows: utf-8, iso-8859-1, windows-1252…).
    /// Unknown charset → Latin-1 and a warning; invalid UTF-8 → windows-1252 and a warning.
    /// Without a charset: UTF-8 when valid, else windows-1252 (a superset of Latin-1).
    static QString decode(const QByteArray& bytes, const QByteArray& charset, QStringList* warnings);
    /// An unfolded header value: raw 8-bit bytes read as UTF-8 (RFC 6532) or Latin-1, then
    /// RFC 2047 encoded-words (=?charset?B|Q?…?=) decoded; blanks between two adjacent
    /// encoded-words dropped.
    static QString decodeHeader(const QByteArray& value, QStringList* warnings);
    /// Content-Type / Content-Disposition value and parameters, quoted strings unquoted,
    /// RFC 2231 (name*=charset'lang'%XX, name*0*=…, name*1=…) and RFC 2047 in parameters.
    static Parameterized parseParameterized(const QByteArray& value, QStringList* warnings);
    /// First mailbox of an address list: "Nom <a@b>", "a@b (Nom)", "a@b".
    static Mailbox parseMailbox(const QString& value);
    /// RFC 5322 date ("Thu, 30 Apr 2026 10:15:00 +0200", comments allowed); invalid when unreadable.
    static QDateTime parseDate(const QString& value);
    /// "<abc@host>" → "abc@host".
    static QString parseMessageId(const QString& value);
};

} // namespace iris::accueil
