#include "modules/accueil/mail/MimeHeaderCodec.h"

#include <QMap>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

void warn(QStringList* warnings, const QString& text)
{
    if (warnings && !warnings->contains(text))
        warnings->append(text);
}

bool isValidUtf8(const QByteArray& bytes, QString* text)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString decoded = utf8.decode(bytes);
    if (utf8.hasError())
        return false;
    if (text)
        *text = std::move(decoded);
    return true;
}

QString windows1252(const QByteArray& bytes)
{
    QStringDecoder d("windows-1252");
    if (d.isValid())
        return d.decode(bytes);
    return QString::fromLatin1(bytes);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// "=XX" and "_" of the Q encoding (RFC 2047 §4.2).
QByteArray decodeQ(const QByteArray& text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_') {
            out.append(' ');
        } else if (c == '=' && i + 2 < text.size() && hexValue(text.at(i + 1)) >= 0
            && hexValue(text.at(i + 2)) >= 0) {
            out.append(char(hexValue(text.at(i + 1)) * 16 + hexValue(text.at(i + 2))));
            i += 2;
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray percentDecode(const QByteArray& text)
{
    return QByteArray::fromPercentEncoding(text);
}

/// Splits on `separator` outside quoted strings, comments and angle brackets.
QList<QByteArray> splitOutsideQuotes(const QByteArray& value, char separator)
{
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    int depth = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (quoted) {
            current.append(c);
            if (c == '\\' && i + 1 < value.size())
                current.append(value.at(++i));
            else if (c == '"')
                quoted = false;
            continue;
        }
        if (c == '"')
            quoted = true;
        else if (c == '(' || c == '<')
            ++depth;
        else if ((c == ')' || c == '>') && depth > 0)
            --depth;
        if (c == separator && depth == 0) {
            out.append(current);
            current.clear();
            continue;
        }
        current.append(c);
    }
    out.append(current);
    return out;
}

QByteArray unquote(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
        value = value.mid(1, value.size() - 2);
        QByteArray out;
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (value.at(i) == '\\' && i + 1 < value.size())
                ++i;
            out.append(value.at(i));
        }
        return out;
    }
    return value;
}

} // namespace

QString MimeHeaderCodec::decode(const QByteArray& bytes, const QByteArray& charset, QStringList* warnings)
{
    const QByteArray name = charset.trimmed().toLower();
    if (name.isEmpty()) {
        QString text;
        if (isValidUtf8(bytes, &text))
            return text;
        return windows1252(bytes);
    }
    if (name == "utf-8" || name == "utf8") {
        QString text;
        if (isValidUtf8(bytes, &text))
            return text;
        warn(warnings,
            tr("Un texte annoncé en UTF-8 contient des octets invalides : il a été lu en Windows-1252."));
        return windows1252(bytes);
    }
    // us-ascii is often claimed for 8-bit text: windows-1252 reads ASCII the same.
    if (name == "us-ascii" || name == "ascii")
        return windows1252(bytes);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid()) {
        warn(warnings,
            tr("Jeu de caractères inconnu « %1 » : le texte a été lu en Latin-1.")
                .arg(QString::fromLatin1(name)));
        return QString::fromLatin1(bytes);
    }
    return decoder.decode(bytes);
}

QString MimeHeaderCodec::decodeHeader(const QByteArray& value, QStringList* warnings)
{
    // =?charset?encoding?text?= ; charset may carry an RFC 2231 language ("utf-8*fr").
    static const QRegularExpression word(uR"(=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=)"_s);
    const QString text = decode(value, {}, nullptr);
    QString out;
    qsizetype last = 0;
    bool previousWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString between = text.mid(last, m.capturedStart() - last);
        if (!(previousWasWord && between.trimmed().isEmpty()))
            out += between;
        QByteArray charset = m.captured(1).toLatin1();
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset.truncate(star);
        const QByteArray payload = m.captured(3).toLatin1();
        QByteArray bytes;
        if (m.captured(2).compare(u"B"_s, Qt::CaseInsensitive) == 0) {
            auto decoded = QByteArray::fromBase64Encoding(payload, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                warn(warnings, tr("Un en-tête encodé (base64) est illisible : il est gardé tel quel."));
                out += m.captured(0);
                last = m.capturedEnd();
                previousWasWord = false;
                continue;
            }
            bytes = *decoded;
        } else {
            bytes = decodeQ(payload);
        }
        out += decode(bytes, charset, warnings);
        last = m.capturedEnd();
        previousWasWord = true;
    }
    out += text.mid(last);
    return out.trimmed();
}

MimeHeaderCodec::Parameterized MimeHeaderCodec::parseParameterized(
    const QByteArray& value, QStringList* warnings)
{
    Parameterized result;
    const QList<QByteArray> pieces = splitOutsideQuotes(value, ';');
    result.value = QString::fromLatin1(pieces.value(0).trimmed()).toLower();
    // RFC 2231: name*N[*]=… sections joined in order; a trailing * means charset'lang'%XX.
    struct Section
    {
        QByteArray text;
        bool extended = false;
    };
    QHash<QString, QMap<int, Section>> sections;
    QHash<QString, QByteArray> charsets;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QByteArray piece = pieces.at(i).trimmed();
        const qsizetype eq = piece.indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray key = piece.left(eq).trimmed().toLower();
        QByteArray raw = piece.mid(eq + 1).trimmed();
        bool extended = false;
        if (key.endsWith('*')) {
            extended = true;
            key.chop(1);
        }
        int index = -1;
        if (const qsizetype star = key.indexOf('*'); star > 0) {
            bool ok = false;
            index = key.mid(star + 1).toInt(&ok);
            if (!ok)
                index = -1;
            key.truncate(star);
        }
        const QString name = QString::fromLatin1(key);
        QByteArray text = extended ? raw : unquote(raw);
        if (extended && (index <= 0)) {
            // charset'language'value on the first (or only) section.
            const qsizetype q1 = text.indexOf('\'');
            const qsizetype q2 = q1 >= 0 ? text.indexOf('\'', q1 + 1) : -1;
            if (q1 >= 0 && q2 > q1) {
                charsets.insert(name, text.left(q1));
                text = text.mid(q2 + 1);
            }
        }
        if (index < 0) {
            if (extended || !sections.contains(name))
                sections[name].insert(0, { text, extended });
        } else {
            sections[name].insert(index, { text, extended });
        }
    }
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        QByteArray bytes;
        bool anyExtended = false;
        for (const Section& s : it.value()) {
            bytes += s.extended ? percentDecode(s.text) : s.text;
            anyExtended = anyExtended || s.extended;
        }
        QString decoded;
        if (anyExtended)
            decoded = decode(bytes, charsets.value(it.key()), warnings);
        else
            decoded = decodeHeader(bytes, warnings); // RFC 2047 inside quotes (common in practice)
        result.params.insert(it.key(), decoded);
    }
    return result;
}

MimeHeaderCodec::Mailbox MimeHeaderCodec::parseMailbox(const QString& value)
{
    Mailbox box;
    const QList<QByteArray> list = splitOutsideQuotes(value.toUtf8(), ',');
    QString first;
    for (const QByteArray& item : list) {
        if (!item.trimmed().isEmpty()) {
            first = QString::fromUtf8(item).trimmed();
            break;
        }
    }
    if (first.isEmpty())
        return box;
    const qsizetype open = first.lastIndexOf(u'<');
    const qsizetype close = open >= 0 ? first.indexOf(u'>', open) : -1;
    if (open >= 0 && close > open) {
        box.address = first.mid(open + 1, close - open - 1).trimmed().toLower();
        box.name = QString::fromUtf8(unquote(first.left(open).toUtf8())).trimmed();
    } else {
        static const QRegularExpression comment(uR"(\(([^)]*)\))"_s);
        const QRegularExpressionMatch m = comment.match(first);
        if (m.hasMatch())
            box.name = m.captured(1).trimmed();
        QString rest = first;
        rest.remove(comment);
        box.address = rest.trimmed().toLower();
    }
    if (!box.address.contains(u'@') || box.address.contains(u' '))
        box.address.clear();
    return box;
}

QDateTime MimeHeaderCodec::parseDate(const QString& value)
{
    static const QRegularExpression comment(uR"(\([^)]*\))"_s);
    QString text = value;
    text.remove(comment);
    text = text.simplified();
    QDateTime dt = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!dt.isValid()) {
        // Obsolete zone names (RFC 5322 §4.3) and a missing weekday comma.
        static const QHash<QString, QString> zones = {
            { u"UT"_s, u"+0000"_s },
            { u"GMT"_s, u"+0000"_s },
            { u"Z"_s, u"+0000"_s },
            { u"EST"_s, u"-0500"_s },
            { u"EDT"_s, u"-0400"_s },
            { u"CST"_s, u"-0600"_s },
            { u"CDT"_s, u"-0500"_s },
            { u"MST"_s, u"-0700"_s },
            { u"MDT"_s, u"-0600"_s },
            { u"PST"_s, u"-0800"_s },
            { u"PDT"_s, u"-0700"_s },
        };
        QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
        if (!parts.isEmpty() && zones.contains(parts.constLast().toUpper()))
            parts.last() = zones.value(parts.constLast().toUpper());
        dt = QDateTime::fromString(parts.join(u' '), Qt::RFC2822Date);
    }
    return dt;
}

QString MimeHeaderCodec::parseMessageId(const QString& value)
{
    QString text = value.trimmed();
    const qsizetype open = text.indexOf(u'<');
    const qsizetype close = open >= 0 ? text.indexOf(u'>', open) : -1;
    if (open >= 0 && close > open)
        text = text.mid(open + 1, close - open - 1);
    text = text.trimmed();
    if (text.contains(u' '))
        text = text.section(u' ', 0, 0);
    return text;
}

} // namespace iris::accueil
