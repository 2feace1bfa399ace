#include "modules/accueil/mail/ReplyComposer.h"

#include "core/base/PhoneNumber.h"
#include "core/modules/KnowledgeBaseAccess.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

const QRegularExpression& placeholderRe()
{
    static const QRegularExpression re(u"\\{([a-z_]+)\\}"_s);
    return re;
}

QHash<QString, QString> values(const ReplyContext& c)
{
    QHash<QString, QString> v;
    for (const QString& p : ReplyComposer::placeholders())
        v.insert(p.mid(1, p.size() - 2), QString());
    QString civilite = ReplyComposer::tr("Madame, Monsieur");
    if (c.citizen) {
        const QString civ = c.citizen->civilite.trimmed().toLower();
        if (civ == u"mme"_s || civ == u"madame"_s)
            civilite = ReplyComposer::tr("Madame");
        else if (civ == u"m."_s || civ == u"m"_s || civ == u"monsieur"_s)
            civilite = ReplyComposer::tr("Monsieur");
        v[u"prenom"_s] = c.citizen->prenoms.section(u' ', 0, 0, QString::SectionSkipEmpty);
        v[u"nom"_s] = c.citizen->nomUsage.isEmpty() ? c.citizen->nomNaissance : c.citizen->nomUsage;
    } else {
        v[u"nom"_s] = c.courriel.fromName;
    }
    v[u"civilite"_s] = civilite;
    v[u"objet"_s] = ReplyComposer::baseSubject(c.courriel.subject);
    if (c.courriel.receivedAt.isValid())
        v[u"date_reception"_s] = QLocale(QLocale::French, QLocale::France)
                                     .toString(c.courriel.receivedAt.date(), u"d MMMM yyyy"_s);
    v[u"agent"_s] = c.agentName;
    if (c.service) {
        v[u"service"_s] = c.service->name;
        v[u"service_coordonnees"_s] = ReplyComposer::serviceContact(*c.service);
    }
    v[u"signature"_s] = c.signature;
    return v;
}

} // namespace

QStringList ReplyComposer::placeholders()
{
    return { u"{civilite}"_s, u"{prenom}"_s, u"{nom}"_s, u"{objet}"_s, u"{date_reception}"_s, u"{agent}"_s,
        u"{service}"_s, u"{service_coordonnees}"_s, u"{signature}"_s };
}

QString ReplyComposer::fill(const QString& text, const ReplyContext& context)
{
    const QHash<QString, QString> v = values(context);
    // One pass: a value that itself contains braces is never expanded again.
    QString out;
    out.reserve(text.size() + 256);
    qsizetype last = 0;
    auto it = placeholderRe().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const auto known = v.constFind(m.captured(1));
        out += known != v.constEnd() ? *known : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QStringList ReplyComposer::unknownPlaceholders(const QString& text)
{
    QStringList known;
    for (const QString& p : placeholders())
        known << p.mid(1, p.size() - 2);
    QStringList unknown;
    auto it = placeholderRe().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!known.contains(name) && !unknown.contains(name))
            unknown << name;
    }
    return unknown;
}

ComposedReply ReplyComposer::compose(const ReplyTemplate& model, const ReplyContext& context)
{
    ComposedReply r;
    r.subject = fill(model.subject, context).simplified();
    r.body = fill(model.body, context);
    // Empty values leave runs of blank lines; keep at most one.
    static const QRegularExpression blankRuns(u"\\n{3,}"_s);
    if (!model.body.contains(u"\n\n\n"_s))
        r.body.replace(blankRuns, u"\n\n"_s);
    return r;
}

QString ReplyComposer::serviceContact(const MunicipalService& s)
{
    QStringList lines;
    if (!s.address.line1.isEmpty())
        lines << s.address.line1;
    if (!s.address.line2.isEmpty())
        lines << s.address.line2;
    const QString city = QString(s.address.postcode + u' ' + s.address.city).trimmed();
    if (!city.isEmpty())
        lines << city;
    if (!s.phone.isEmpty())
        lines << tr("Téléphone : %1").arg(PhoneNumber::format(s.phone));
    if (!s.email.isEmpty())
        lines << tr("Courriel : %1").arg(s.email);
    if (!s.hours.isEmpty())
        lines << tr("Horaires : %1").arg(s.hours.toDisplayText());
    return lines.join(u'\n');
}

QString ReplyComposer::threadMessageId(const QString& registeredMessageId)
{
    const QString id = registeredMessageId.section(u"#sha256-"_s, 0, 0).trimmed();
    return id.contains(u'@') ? id : QString();
}

QString ReplyComposer::quoted(const Courriel& courriel)
{
    QString text = courriel.bodyText;
    text.replace(u"\r\n"_s, u"\n"_s);
    while (text.endsWith(u'\n'))
        text.chop(1);
    if (text.trimmed().isEmpty())
        return {};
    const QString who = courriel.fromName.isEmpty() ? courriel.fromAddress
                                                    : tr("%1 <%2>").arg(courriel.fromName, courriel.fromAddress);
    QString quote = courriel.receivedAt.isValid()
        ? tr("Le %1, %2 a écrit :")
              .arg(QLocale(QLocale::French, QLocale::France)
                       .toString(courriel.receivedAt.toLocalTime(), u"dddd d MMMM yyyy 'à' HH:mm"_s),
                  who)
        : tr("%1 a écrit :").arg(who);
    for (const QString& line : text.split(u'\n'))
        quote += line.isEmpty() ? u"\n>"_s : u"\n> "_s + line;
    return quote;
}

QString ReplyComposer::withQuote(const QString& reply, const Courriel& courriel)
{
    const QString quote = quoted(courriel);
    if (quote.isEmpty())
        return reply;
    QString body = reply;
    while (body.endsWith(u'\n'))
        body.chop(1);
    return body + u"\n\n"_s + quote + u'\n';
}

QString ReplyComposer::baseSubject(const QString& subject)
{
    static const QRegularExpression prefix(
        u"^\\s*((re|tr|fwd?|réf)\\s*(\\[\\d+\\])?\\s*:\\s*)+"_s, QRegularExpression::CaseInsensitiveOption);
    QString s = subject;
    s.remove(prefix);
    return s.trimmed();
}

QString ReplyComposer::articleBlock(const KnowledgeBaseAccess& kb, const QString& articleId)
{
    QString text = kb.articleText(articleId).trimmed();
    if (text.isEmpty())
        return {};
    const QString link = kb.articleLink(articleId);
    if (!link.isEmpty() && !text.contains(link))
        text += u"\n\n"_s + tr("Pour en savoir plus : %1").arg(link);
    return text;
}

QString ReplyComposer::insertArticle(const QString& body, const QString& block)
{
    if (block.isEmpty())
        return body;
    static const QRegularExpression closing(
        u"^(Nous vous prions|Veuillez agréer|Cordialement|Bien cordialement|Nous restons)"_s,
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = closing.match(body);
    if (!m.hasMatch()) {
        QString out = body;
        while (out.endsWith(u'\n'))
            out.chop(1);
        return out + u"\n\n"_s + block + u'\n';
    }
    const qsizetype at = m.capturedStart();
    return body.left(at) + block + u"\n\n"_s + body.mid(at);
}

Result<ReplyContext> ReplyComposer::contextFor(
    CoreServices& services, const Courriel& courriel, qint64 serviceId, const QString& signature)
{
    ReplyContext c;
    c.courriel = courriel;
    c.signature = signature;
    c.agentName = services.session().agent().displayName;
    if (courriel.citizenId > 0) {
        const Result<Citizen> citizen = services.citizens().get(courriel.citizenId);
        if (!citizen)
            return citizen.error();
        c.citizen = *citizen;
    }
    const qint64 sid = serviceId > 0 ? serviceId : courriel.assignedServiceId;
    if (sid > 0) {
        const Result<MunicipalService> service = services.directory().get(sid);
        if (!service)
            return service.error();
        c.service = *service;
    }
    return c;
}

} // namespace iris::accueil
