#include "modules/accueil/mail/HtmlToText.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

const QHash<QString, QString>& namedEntities()
{
    static const QHash<QString, QString> entities = {
        { u"amp"_s, u"&"_s },
        { u"lt"_s, u"<"_s },
        { u"gt"_s, u">"_s },
        { u"quot"_s, u"\""_s },
        { u"apos"_s, u"'"_s },
        { u"nbsp"_s, u" "_s },
        { u"eacute"_s, u"é"_s },
        { u"egrave"_s, u"è"_s },
        { u"ecirc"_s, u"ê"_s },
        { u"euml"_s, u"ë"_s },
        { u"agrave"_s, u"à"_s },
        { u"acirc"_s, u"â"_s },
        { u"auml"_s, u"ä"_s },
        { u"ccedil"_s, u"ç"_s },
        { u"icirc"_s, u"î"_s },
        { u"iuml"_s, u"ï"_s },
        { u"ocirc"_s, u"ô"_s },
        { u"ouml"_s, u"ö"_s },
        { u"ugrave"_s, u"ù"_s },
        { u"ucirc"_s, u"û"_s },
        { u"uuml"_s, u"ü"_s },
        { u"Eacute"_s, u"É"_s },
        { u"Egrave"_s, u"È"_s },
        { u"Ecirc"_s, u"Ê"_s },
        { u"Agrave"_s, u"À"_s },
        { u"Acirc"_s, u"Â"_s },
        { u"Ccedil"_s, u"Ç"_s },
        { u"Ocirc"_s, u"Ô"_s },
        { u"Ugrave"_s, u"Ù"_s },
        { u"oelig"_s, u"œ"_s },
        { u"OElig"_s, u"Œ"_s },
        { u"laquo"_s, u"«"_s },
        { u"raquo"_s, u"»"_s },
        { u"euro"_s, u"€"_s },
        { u"hellip"_s, u"…"_s },
        { u"rsquo"_s, u"’"_s },
        { u"lsquo"_s, u"‘"_s },
        { u"ldquo"_s, u"“"_s },
        { u"rdquo"_s, u"”"_s },
        { u"ndash"_s, u"–"_s },
        { u"mdash"_s, u"—"_s },
        { u"deg"_s, u"°"_s },
        { u"copy"_s, u"©"_s },
        { u"middot"_s, u"·"_s },
    };
    return entities;
}

bool isBlockTag(const QString& name)
{
    static const QStringList blocks
        = { u"p"_s, u"div"_s, u"br"_s, u"li"_s, u"tr"_s, u"h1"_s, u"h2"_s, u"h3"_s, u"h4"_s, u"h5"_s, u"h6"_s,
              u"table"_s, u"ul"_s, u"ol"_s, u"blockquote"_s, u"hr"_s, u"pre"_s };
    return blocks.contains(name);
}

} // namespace

QString HtmlToText::decodeEntities(const QString& text)
{
    static const QRegularExpression entity(
        uR"(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)"_s);
    QString out;
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        QString replacement = m.captured(0);
        if (name.startsWith(u'#')) {
            bool ok = false;
            const uint code = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X'))
                ? name.mid(2).toUInt(&ok, 16)
                : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                const char32_t c = code;
                replacement = QString::fromUcs4(&c, 1);
            }
        } else if (const auto found = namedEntities().constFind(name); found != namedEntities().cend()) {
            replacement = found.value();
        }
        out += replacement;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString HtmlToText::convert(const QString& html)
{
    QString out;
    out.reserve(html.size());
    QString skipUntil; // closing tag of a skipped element (style, script, head)
    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const QChar c = html.at(i);
        if (c == u'<') {
            if (html.mid(i, 4) == u"<!--"_s) {
                const qsizetype end = html.indexOf(u"-->"_s, i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            const qsizetype end = html.indexOf(u'>', i + 1);
            if (end < 0) { // a lone '<': text
                if (skipUntil.isEmpty())
                    out += c;
                ++i;
                continue;
            }
            QString tag = html.mid(i + 1, end - i - 1).trimmed();
            const bool closing = tag.startsWith(u'/');
            if (closing)
                tag.remove(0, 1);
            static const QRegularExpression nameEnd(uR"([\s/])"_s);
            QString name = tag.section(nameEnd, 0, 0).toLower();
            i = end + 1;
            if (!skipUntil.isEmpty()) {
                if (closing && name == skipUntil)
                    skipUntil.clear();
                continue;
            }
            if (!closing
                && (name == u"style"_s || name == u"script"_s || name == u"head"_s || name == u"title"_s)) {
                if (!tag.endsWith(u'/'))
                    skipUntil = name;
                continue;
            }
            if (name == u"li"_s) {
                if (!closing)
                    out += u"\n- "_s;
            } else if (isBlockTag(name))
                out += u'\n';
            else if (name == u"td"_s || name == u"th"_s)
                out += u'\t';
            continue;
        }
        if (skipUntil.isEmpty())
            out += (c == u'\n' || c == u'\r' || c == u'\t') ? QChar(u' ') : c;
        ++i;
    }
    out = decodeEntities(out);
    // Source line breaks are blanks in HTML; the ones we added are real.
    QStringList lines;
    for (const QString& line : out.split(u'\n'))
        lines << line.simplified();
    QString text = lines.join(u'\n');
    static const QRegularExpression blankRuns(uR"(\n{3,})"_s);
    text.replace(blankRuns, u"\n\n"_s);
    return text.trimmed();
}

} // namespace iris::accueil
