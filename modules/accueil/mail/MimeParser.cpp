#include "modules/accueil/mail/MimeParser.h"

#include "modules/accueil/mail/HtmlToText.h"
#include "modules/accueil/mail/MimeHeaderCodec.h"

#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

constexpr int kMaxDepth = 24; // nested multiparts beyond this are kept as attachments

/// One entity (the message or a body part): unfolded headers and the body bytes.
struct Entity
{
    QList<QPair<QByteArray, QByteArray>> headers; ///< name lower-case, value unfolded
    QByteArray body;
    bool hasHeaders = false;

    QByteArray header(const char* name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return h.second;
        return {};
    }
    bool has(const char* name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return true;
        return false;
    }
};

struct Context
{
    QStringList* warnings;
    bool* malformed;
    QStringList plains;
    QStringList htmls;
    QList<MimeAttachment>* attachments;
};

void warn(Context& ctx, const QString& text, bool malformed = true)
{
    if (!ctx.warnings->contains(text))
        ctx.warnings->append(text);
    if (malformed)
        *ctx.malformed = true;
}

bool isFieldName(const QByteArray& name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name)
        if (uchar(c) < 33 || uchar(c) > 126 || c == ':')
            return false;
    return true;
}

/// Splits headers from body. A line that is neither a header nor a continuation ends the
/// header block (the blank line was missing); `badLine` then tells the caller.
Entity splitEntity(const QByteArray& data, bool* badLine)
{
    Entity e;
    *badLine = false;
    qsizetype pos = 0;
    if (data.startsWith("From ")) { // mbox separator line left by some delivery agents
        const qsizetype eol = data.indexOf('\n');
        pos = eol < 0 ? data.size() : eol + 1;
    }
    while (pos < data.size()) {
        qsizetype eol = data.indexOf('\n', pos);
        if (eol < 0)
            eol = data.size();
        const QByteArray line = data.mid(pos, eol - pos);
        if (line.isEmpty()) { // end of headers
            pos = eol + 1;
            break;
        }
        if ((line.at(0) == ' ' || line.at(0) == '\t') && !e.headers.isEmpty()) {
            e.headers.last().second += line; // unfold: the line break goes, the blank stays
            pos = eol + 1;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon).trimmed() : QByteArray();
        if (colon <= 0 || !isFieldName(name)) {
            *badLine = true;
            break;
        }
        e.headers.append({ name.toLower(), line.mid(colon + 1) });
        pos = eol + 1;
    }
    e.hasHeaders = !e.headers.isEmpty();
    e.body = pos < data.size() ? data.mid(pos) : QByteArray();
    for (auto& h : e.headers)
        h.second = h.second.trimmed();
    return e;
}

QByteArray decodeTransfer(const QByteArray& body, const QByteArray& encoding, Context& ctx)
{
    const QByteArray cte = encoding.trimmed().toLower();
    if (cte == "base64") {
        QByteArray compact;
        compact.reserve(body.size());
        for (const char c : body)
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
                compact.append(c);
        auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            return *decoded;
        warn(ctx,
            MimeParser::tr("Une partie encodée en base64 est abîmée : elle a été décodée au mieux, "
                           "le message d'origine est conservé."));
        return QByteArray::fromBase64(compact);
    }
    if (cte == "quoted-printable")
        return MimeParser::decodeQuotedPrintable(body);
    if (!cte.isEmpty() && cte != "7bit" && cte != "8bit" && cte != "binary")
        warn(ctx,
            MimeParser::tr("Encodage de transfert inconnu « %1 » : la partie est gardée telle quelle.")
                .arg(QString::fromLatin1(cte)),
            false);
    return body;
}

/// Body parts of a multipart entity; `closed` false when the final delimiter is missing,
/// `found` false when not even one delimiter appears.
QList<QByteArray> splitMultipart(
    const QByteArray& body, const QByteArray& boundary, bool* found, bool* closed)
{
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> parts;
    *found = false;
    *closed = false;
    qsizetype pos = 0;
    qsizetype partStart = -1;
    while (pos <= body.size()) {
        qsizetype eol = body.indexOf('\n', pos);
        if (eol < 0)
            eol = body.size();
        const QByteArray line = body.mid(pos, eol - pos);
        if (line.startsWith(delimiter)) {
            const QByteArray rest = line.mid(delimiter.size()).trimmed();
            const bool isClose = rest == "--";
            if (isClose || rest.isEmpty()) {
                if (partStart >= 0) // the line break before the delimiter belongs to it
                    parts.append(body.mid(partStart, qMax<qsizetype>(0, pos - 1 - partStart)));
                *found = true;
                if (isClose) {
                    *closed = true;
                    return parts;
                }
                partStart = eol + 1;
            }
        }
        if (eol >= body.size())
            break;
        pos = eol + 1;
    }
    if (partStart >= 0 && partStart <= body.size())
        parts.append(body.mid(partStart));
    return parts;
}

QString attachmentName(const QString& given, const QString& mimeType, int index)
{
    if (!given.trimmed().isEmpty()) {
        QString name = given.trimmed();
        name.replace(u'/', u'_').replace(u'\\', u'_'); // a name, never a path
        return name;
    }
    const QString suffix = QMimeDatabase().mimeTypeForName(mimeType).preferredSuffix();
    QString name = u"piece-jointe-"_s + QString::number(index);
    if (!suffix.isEmpty())
        name += u'.' + suffix;
    return name;
}

MimeHeaderCodec::Parameterized contentTypeOf(const Entity& e, const QByteArray& defaultType, Context& ctx)
{
    MimeHeaderCodec::Parameterized ct
        = MimeHeaderCodec::parseParameterized(e.header("content-type"), ctx.warnings);
    if (ct.value.isEmpty() || !ct.value.contains(u'/'))
        ct.value = QString::fromLatin1(defaultType);
    return ct;
}

bool containsPlainText(const Entity& e, int depth, Context& ctx);

QList<Entity> childrenOf(const Entity& e, const QByteArray& boundary)
{
    bool found = false;
    bool closed = false;
    QList<Entity> children;
    for (const QByteArray& part : splitMultipart(e.body, boundary, &found, &closed)) {
        bool bad = false;
        if (part.startsWith('\n')) { // no headers: text/plain (RFC 2046 §5.1.1)
            Entity child;
            child.body = part.mid(1);
            children.append(child);
            continue;
        }
        Entity child = splitEntity(part, &bad);
        if (bad && !child.hasHeaders)
            child.body = part;
        children.append(child);
    }
    return children;
}

bool containsPlainText(const Entity& e, int depth, Context& ctx)
{
    const MimeHeaderCodec::Parameterized ct = contentTypeOf(e, "text/plain", ctx);
    if (ct.value == u"text/plain"_s)
        return MimeHeaderCodec::parseParameterized(e.header("content-disposition"), nullptr).value
            != u"attachment"_s;
    if (!ct.value.startsWith(u"multipart/"_s) || depth >= kMaxDepth)
        return false;
    const QByteArray boundary = ct.params.value(u"boundary"_s).toUtf8();
    if (boundary.isEmpty())
        return false;
    for (const Entity& child : childrenOf(e, boundary))
        if (containsPlainText(child, depth + 1, ctx))
            return true;
    return false;
}

void addAttachment(Context& ctx, const QString& name, const QString& type, const QByteArray& data)
{
    MimeAttachment a;
    a.mimeType = type;
    a.fileName = attachmentName(name, type, int(ctx.attachments->size()) + 1);
    a.data = data;
    ctx.attachments->append(a);
}

void walk(const Entity& e, int depth, bool textWanted, const QByteArray& defaultType, Context& ctx)
{
    const MimeHeaderCodec::Parameterized ct = contentTypeOf(e, defaultType, ctx);
    const MimeHeaderCodec::Parameterized disposition
        = MimeHeaderCodec::parseParameterized(e.header("content-disposition"), ctx.warnings);
    const QByteArray cte = e.header("content-transfer-encoding");

    if (ct.value.startsWith(u"multipart/"_s) && depth < kMaxDepth) {
        const QByteArray boundary = ct.params.value(u"boundary"_s).toUtf8();
        bool found = false;
        bool closed = false;
        if (!boundary.isEmpty())
            splitMultipart(e.body, boundary, &found, &closed);
        if (boundary.isEmpty() || !found) {
            warn(ctx,
                MimeParser::tr("Message en plusieurs parties sans séparateur lisible : "
                               "le contenu est présenté tel quel."));
            if (textWanted)
                ctx.plains << MimeHeaderCodec::decode(e.body, {}, ctx.warnings);
            return;
        }
        if (!closed)
            warn(ctx,
                MimeParser::tr("La fin du message en plusieurs parties manque (message tronqué ?) : "
                               "la dernière partie est gardée jusqu'à la fin du fichier."));
        const QList<Entity> children = childrenOf(e, boundary);
        const QByteArray childDefault = ct.value == u"multipart/digest"_s ? "message/rfc822" : "text/plain";
        if (ct.value == u"multipart/alternative"_s) {
            // Prefer plain text; otherwise the last (richest) alternative (RFC 2046 §5.1.4).
            qsizetype chosen = children.size() - 1;
            for (qsizetype i = 0; i < children.size(); ++i) {
                if (containsPlainText(children.at(i), depth + 1, ctx)) {
                    chosen = i;
                    break;
                }
            }
            for (qsizetype i = 0; i < children.size(); ++i)
                walk(children.at(i), depth + 1, textWanted && i == chosen, childDefault, ctx);
        } else {
            for (const Entity& child : children)
                walk(child, depth + 1, textWanted, childDefault, ctx);
        }
        return;
    }

    const QByteArray data = decodeTransfer(e.body, cte, ctx);
    QString name = disposition.params.value(u"filename"_s);
    if (name.isEmpty())
        name = ct.params.value(u"name"_s);
    const bool isText = ct.value == u"text/plain"_s || ct.value == u"text/html"_s;
    const bool attachment = disposition.value == u"attachment"_s || !name.isEmpty() || !isText;
    if (attachment) {
        addAttachment(ctx, name, ct.value, data);
        return;
    }
    if (!textWanted)
        return; // the other rendering of an alternative: same content, raw message kept
    const QString text
        = MimeHeaderCodec::decode(data, ct.params.value(u"charset"_s).toLatin1(), ctx.warnings);
    if (ct.value == u"text/html"_s)
        ctx.htmls << text;
    else
        ctx.plains << text;
}

/// Control characters other than tab and line feed are replaced, so binary garbage never
/// reaches a text widget or an SQL text column as NULs.
QString cleanText(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    for (QChar& c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7F)
            c = QChar(0xFFFD);
    }
    return text;
}

} // namespace

QByteArray MimeParser::decodeQuotedPrintable(const QByteArray& data)
{
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    QByteArray out;
    out.reserve(data.size());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data.at(i);
        if (c != '=') {
            out.append(c);
            continue;
        }
        // Soft line break: '=' then optional blanks then end of line.
        qsizetype j = i + 1;
        while (j < n && (data.at(j) == ' ' || data.at(j) == '\t'))
            ++j;
        if (j < n && data.at(j) == '\r' && j + 1 < n && data.at(j + 1) == '\n') {
            i = j + 1;
            continue;
        }
        if (j < n && data.at(j) == '\n') {
            i = j;
            continue;
        }
        if (j >= n) {
            i = j;
            continue;
        }
        if (i + 2 < n && hex(data.at(i + 1)) >= 0 && hex(data.at(i + 2)) >= 0) {
            out.append(char(hex(data.at(i + 1)) * 16 + hex(data.at(i + 2))));
            i += 2;
            continue;
        }
        out.append(c); // stray '=': kept as written (RFC 2045 §6.7 note 1)
    }
    return out;
}

MimeMessage MimeParser::parse(const QByteArray& raw)
{
    MimeMessage m;
    m.raw = raw;
    QByteArray data = raw;
    data.replace("\r\n", "\n");

    QList<MimeAttachment> attachments;
    Context ctx { &m.warnings, &m.malformed, {}, {}, &attachments };

    if (raw.trimmed().isEmpty()) {
        warn(ctx, tr("Le message est vide."));
        return m;
    }
    bool badLine = false;
    Entity top = splitEntity(data, &badLine);
    if (!top.hasHeaders) {
        warn(ctx,
            tr("Le message n'a pas d'en-têtes lisibles : il est enregistré tel quel, "
               "sans expéditeur ni objet."));
        m.bodyText = cleanText(MimeHeaderCodec::decode(data, {}, nullptr));
        if (raw.contains('\0'))
            warn(ctx, tr("Le fichier contient des données binaires : le texte affiché est incomplet."));
        return m;
    }
    if (badLine) {
        warn(ctx, tr("Une ligne d'en-tête est illisible : la suite est lue comme le corps du message."));
    }

    const auto headerText
        = [&](const char* name) { return MimeHeaderCodec::decodeHeader(top.header(name), &m.warnings); };
    m.subject = cleanText(headerText("subject")).simplified();
    m.messageId = MimeHeaderCodec::parseMessageId(QString::fromLatin1(top.header("message-id")));
    if (top.has("date")) {
        m.date = MimeHeaderCodec::parseDate(QString::fromLatin1(top.header("date")));
        if (!m.date.isValid())
            warn(ctx, tr("La date du message est illisible : la date de réception du fichier est retenue."),
                false);
    }
    // Mailboxes are split before encoded-words are decoded (a decoded name may hold commas).
    const auto mailbox = [&](const char* name) {
        MimeHeaderCodec::Mailbox box
            = MimeHeaderCodec::parseMailbox(MimeHeaderCodec::decode(top.header(name), {}, nullptr));
        box.name = MimeHeaderCodec::decodeHeader(box.name.toUtf8(), &m.warnings).simplified();
        return box;
    };
    const MimeHeaderCodec::Mailbox from = mailbox(top.has("from") ? "from" : "sender");
    m.fromAddress = from.address;
    m.fromName = from.name;
    m.toAddress = mailbox("to").address;
    if (m.fromAddress.isEmpty())
        warn(ctx, tr("L'adresse de l'expéditeur est absente ou illisible."));

    walk(top, 0, true, "text/plain", ctx);

    if (!ctx.plains.isEmpty()) {
        m.bodyText = ctx.plains.join(u"\n\n"_s);
    } else if (!ctx.htmls.isEmpty()) {
        QStringList texts;
        for (const QString& html : std::as_const(ctx.htmls))
            texts << HtmlToText::convert(html);
        m.bodyText = texts.join(u"\n\n"_s);
        m.bodyFromHtml = true;
    }
    m.bodyText = cleanText(m.bodyText);
    m.attachments = attachments;
    return m;
}

} // namespace iris::accueil
