#include "modules/accueil/post/PostLetterWriter.h"

#include "core/base/PhoneNumber.h"
#include "core/base/ValidationErrors.h"
#include "core/domain/Agent.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/PostSettings.h"
#include "modules/accueil/post/PostTemplates.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

QString fr(const QDate& d)
{
    return d.toString(u"dd/MM/yyyy"_s);
}

QString paragraph(const QString& text)
{
    return QString(u"<p>"_s + text.toHtmlEscaped() + u"</p>"_s);
}

QString joinAddress(const PostalAddress& a)
{
    QStringList parts { a.line1, a.line2, QString(a.postcode + u' ' + a.city).trimmed() };
    parts.removeAll(QString());
    return parts.join(u", "_s);
}

} // namespace

PostLetterWriter::PostLetterWriter(CoreServices& services, PostLetterPrinting printing)
    : m_services(services)
    , m_printing(std::move(printing))
{
}

QString PostLetterWriter::fileName(const PostLetter& letter, PostDocumentKind kind)
{
    return QString(letter.reference + u'-' + PostVocabulary::documentKindId(kind) + u".pdf"_s);
}

Result<QHash<QString, QString>> PostLetterWriter::commonValues(const PostLetter& l, const PostSettings&) const
{
    QHash<QString, QString> v;
    QString agentName;
    qint64 serviceId = l.assignedServiceId;
    if (l.assignedAgentId > 0) {
        const Result<Agent> agent = m_services.agents().get(l.assignedAgentId);
        if (!agent)
            return agent.error();
        agentName = agent->displayName;
        if (serviceId <= 0)
            serviceId = agent->serviceId;
    }
    if (serviceId <= 0)
        return Error(ErrorCode::Validation,
            tr("Le courrier %1 n'est confié à aucun service : attribuez-le avant "
               "d'écrire.")
                .arg(l.reference));
    const Result<MunicipalService> service = m_services.directory().get(serviceId);
    if (!service)
        return service.error();
    const QString serviceAddress
        = service->address.line1.isEmpty() ? m_printing.address : joinAddress(service->address);
    v.insert(u"city"_s, m_printing.commune);
    v.insert(u"town_hall"_s, m_printing.townHall);
    v.insert(u"town_hall_lower"_s,
        m_printing.townHall.isEmpty()
            ? QString()
            : QString(m_printing.townHall.front().toLower() + m_printing.townHall.mid(1)));
    v.insert(u"city_address"_s, m_printing.address);
    v.insert(u"city_postal_address"_s, m_printing.postalAddress);
    v.insert(u"city_phone"_s, m_printing.phone);
    v.insert(u"service_name"_s, service->name);
    v.insert(u"service_address"_s, serviceAddress);
    v.insert(u"service_phone"_s,
        service->phone.isEmpty() ? m_printing.phone : PhoneNumber::format(service->phone));
    v.insert(u"service_email"_s, service->email.isEmpty() ? tr("non communiqué") : service->email);
    v.insert(u"sender_name"_s, l.senderName);
    QStringList addressLines;
    for (const QString& line : l.senderAddress.split(u'\n', Qt::SkipEmptyParts))
        addressLines << line.trimmed().toHtmlEscaped();
    v.insert(u"sender_address_html"_s, addressLines.join(u"<br/>"_s));
    v.insert(u"reference"_s, l.reference);
    v.insert(u"received_date"_s, fr(l.receivedOn));
    v.insert(u"subject"_s, l.subject);
    v.insert(u"due_date"_s, fr(l.dueOn));
    v.insert(u"today"_s, fr(m_now().date()));
    v.insert(u"agent_html"_s,
        agentName.isEmpty() ? QString()
                            : paragraph(tr("Agent chargé de votre courrier : %1.").arg(agentName)));
    const AgentIdentity& me = m_services.session().agent();
    v.insert(u"signature"_s,
        me.displayName.isEmpty() ? service->name : QString(me.displayName + u" — "_s + service->name));
    return v;
}

Result<QString> PostLetterWriter::acknowledgementHtml(const PostLetter& l) const
{
    const Result<PostSettings> settings = PostSettingsStore(m_services).load();
    if (!settings)
        return settings.error();
    Result<QHash<QString, QString>> values = commonValues(l, *settings);
    if (!values)
        return values.error();
    const bool incomplete = !l.missingPieces.isEmpty();
    if (incomplete) {
        QString html
            = paragraph(tr("Votre demande est incomplète. Pour qu'elle puisse être instruite, merci de nous "
                           "adresser avant le %1 les pièces suivantes :")
                            .arg(fr(l.piecesDueOn)))
            + u"<ul>"_s;
        for (const QString& piece : l.missingPieces)
            html += u"<li>"_s + piece.toHtmlEscaped() + u"</li>"_s;
        html += u"</ul>"_s;
        html += paragraph(tr("À défaut de réception de ces pièces dans ce délai, votre demande pourra être "
                             "classée sans suite (code des relations entre le public et l'administration, "
                             "art. L114-5)."));
        values->insert(u"missing_html"_s, html);
    }
    if (l.silence != SilenceRule::SansObjet) {
        const bool accept = l.silence == SilenceRule::Acceptation;
        QString html = u"<h2>"_s + tr("Décision implicite").toHtmlEscaped() + u"</h2>"_s;
        const QString outcome = accept ? tr("acceptée") : tr("rejetée");
        const QString article = accept ? u"L231-1"_s : u"L231-4"_s;
        if (incomplete)
            html += paragraph(
                tr("En l'absence de réponse de l'administration dans un délai de deux mois à compter de "
                   "la réception des pièces manquantes, votre demande sera réputée %1 (code des relations "
                   "entre le public et l'administration, art. %2 et L114-5).")
                    .arg(outcome, article));
        else
            html += paragraph(
                tr("En l'absence de réponse de l'administration dans un délai de deux mois à compter de "
                   "la réception de votre demande, celle-ci sera réputée %1 le %2 (code des relations "
                   "entre le public et l'administration, art. %3).")
                    .arg(outcome, fr(l.silenceDecisionOn()), article));
        html += paragraph(accept
                ? tr("Vous pourrez alors obtenir sur simple demande une attestation de cette décision "
                     "implicite d'acceptation (art. L232-3).")
                : tr("Vous pourrez demander la communication des motifs de cette décision implicite de "
                     "rejet dans le délai du recours contentieux (art. L232-4)."));
        html += u"<h2>"_s + tr("Voies et délais de recours").toHtmlEscaped() + u"</h2>"_s;
        html += paragraph(
            tr("La décision, expresse ou implicite, peut faire l'objet d'un recours gracieux auprès du "
               "maire dans un délai de deux mois à compter de la date à laquelle elle est intervenue, "
               "et d'un recours contentieux devant le %1 dans un délai de deux mois à compter de cette "
               "même date ou de la réponse au recours gracieux (code de justice administrative, "
               "art. R421-1 et R421-2). Le tribunal peut être saisi par l'application Télérecours "
               "citoyens sur le site www.telerecours.fr.")
                .arg(settings->administrativeCourt));
        values->insert(u"silence_html"_s, html);
    }
    const QString templ = settings->acknowledgementTemplate.trimmed().isEmpty()
        ? PostTemplates::defaultAcknowledgement()
        : settings->acknowledgementTemplate;
    return PostTemplates::fill(templ, *values);
}

Result<QString> PostLetterWriter::replyHtml(const PostLetter& l, const PostReplyDraft& draft) const
{
    if (draft.objet.trimmed().isEmpty() || draft.body.trimmed().isEmpty()) {
        ValidationErrors errors;
        if (draft.objet.trimmed().isEmpty())
            errors.add(u"objet"_s, tr("Indiquez l'objet de la réponse."));
        if (draft.body.trimmed().isEmpty())
            errors.add(u"body"_s, tr("Écrivez le texte de la réponse."));
        return errors.toError();
    }
    const Result<PostSettings> settings = PostSettingsStore(m_services).load();
    if (!settings)
        return settings.error();
    Result<QHash<QString, QString>> values = commonValues(l, *settings);
    if (!values)
        return values.error();
    values->insert(u"objet"_s, draft.objet.trimmed());
    QString body;
    for (const QString& block :
        draft.body.trimmed().split(QRegularExpression(u"\\n\\s*\\n"_s), Qt::SkipEmptyParts)) {
        QStringList lines;
        for (const QString& line : block.split(u'\n'))
            lines << line.trimmed().toHtmlEscaped();
        body += u"<p>"_s + lines.join(u"<br/>"_s) + u"</p>"_s;
    }
    values->insert(u"body_html"_s, body);
    if (!draft.signature.trimmed().isEmpty())
        values->insert(u"signature"_s, draft.signature.trimmed());
    const QString templ = settings->replyTemplate.trimmed().isEmpty() ? PostTemplates::defaultReply()
                                                                      : settings->replyTemplate;
    return PostTemplates::fill(templ, *values);
}

Result<PostDocument> PostLetterWriter::generateAcknowledgement(qint64 letterId)
{
    const Result<PostLetter> letter = PostService(m_services).get(letterId);
    if (!letter)
        return letter.error();
    const Result<QString> html = acknowledgementHtml(*letter);
    if (!html)
        return html.error();
    if (!m_printing.render)
        return Error(ErrorCode::Unsupported, tr("Aucun moteur d'impression PDF n'est disponible."));
    const Result<QByteArray> pdf
        = m_printing.render(*html, tr("Accusé de réception %1").arg(letter->reference));
    if (!pdf)
        return pdf.error();
    PostDocumentStore store(m_services);
    store.setClock(m_now);
    return store.storeGenerated(
        letterId, PostDocumentKind::Accuse, { fileName(*letter, PostDocumentKind::Accuse), *pdf });
}

Result<PostAttachment> PostLetterWriter::renderReply(qint64 letterId, const PostReplyDraft& draft)
{
    const Result<PostLetter> letter = PostService(m_services).get(letterId);
    if (!letter)
        return letter.error();
    const Result<QString> html = replyHtml(*letter, draft);
    if (!html)
        return html.error();
    if (!m_printing.render)
        return Error(ErrorCode::Unsupported, tr("Aucun moteur d'impression PDF n'est disponible."));
    const Result<QByteArray> pdf
        = m_printing.render(*html, tr("Réponse au courrier %1").arg(letter->reference));
    if (!pdf)
        return pdf.error();
    return PostAttachment { fileName(*letter, PostDocumentKind::Reponse), *pdf };
}

Result<PostDocument> PostLetterWriter::generateReply(qint64 letterId, const PostReplyDraft& draft)
{
    const Result<PostAttachment> rendered = renderReply(letterId, draft);
    if (!rendered)
        return rendered.error();
    PostDocumentStore store(m_services);
    store.setClock(m_now);
    return store.storeGenerated(letterId, PostDocumentKind::Reponse, *rendered);
}

} // namespace iris::accueil
