#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"
#include "core/domain/MunicipalService.h"
#include "modules/accueil/mail/Courriel.h"
#include "modules/accueil/mail/ReplyTemplate.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace iris {
class CoreServices;
class KnowledgeBaseAccess;
} // namespace iris

namespace iris::accueil {

/// What a reply is about: the courriel, the citizen when linked, the agent who answers,
/// the service the reply names (orientation or the one in charge), the site signature.
struct ReplyContext
{
    Courriel courriel;
    std::optional<Citizen> citizen;
    QString agentName;
    std::optional<MunicipalService> service;
    QString signature;
};

struct ComposedReply
{
    QString subject;
    QString body;
};

/// Fills reply templates. Placeholders: {civilite} ("Madame", "Monsieur", else "Madame,
/// Monsieur"), {prenom}, {nom}, {objet} (the courriel's subject without "Re:"),
/// {date_reception} ("10 mars 2025"), {agent}, {service}, {service_coordonnees} (address,
/// phone, e-mail and hours from the directory), {signature}. A known placeholder without
/// a value becomes empty; an unknown one ({numero_dossier}) is left as typed so the agent
/// sees it before sending.
class ReplyComposer final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::ReplyComposer)
public:
    static QStringList placeholders();
    static QString fill(const QString& text, const ReplyContext& context);
    static ComposedReply compose(const ReplyTemplate& model, const ReplyContext& context);
    /// Placeholders of `text` that fill() does not know (without braces), in order.
    static QStringList unknownPlaceholders(const QString& text);

    /// The service's contact details, one item per line.
    static QString serviceContact(const MunicipalService& service);
    /// The Message-ID a reply refers to (In-Reply-To, References): the one the citizen's
    /// mail carried; empty when it had none and the register made one up ("sha256-…"),
    /// without the "#sha256-…" suffix the register adds to a reused Message-ID.
    static QString threadMessageId(const QString& registeredMessageId);
    /// The courriel's subject without its "Re:"/"TR:"/"Fwd:" prefixes.
    static QString baseSubject(const QString& subject);
    /// The citizen's message as it is quoted below a reply: "Le mardi 2 décembre 2026 à
    /// 10:15, Marie Dupont <marie@example.org> a écrit :" then each line behind "> ".
    /// Empty when the courriel has no text.
    static QString quoted(const Courriel& courriel);
    /// `reply` with the quoted message below it (the usual order of an e-mail reply).
    static QString withQuote(const QString& reply, const Courriel& courriel);

    /// An article of the knowledge base as reply text: title, summary, body and the link
    /// to its source page. Empty when the article is unknown.
    static QString articleBlock(const KnowledgeBaseAccess& kb, const QString& articleId);
    /// Inserts `block` into `body` before the closing formula ("Nous vous prions…",
    /// "Cordialement", "Nous restons…"), or at the end when there is none.
    static QString insertArticle(const QString& body, const QString& block);

    /// Reads the citizen (when linked), the session's agent and the service
    /// (`serviceId`, else the courriel's assigned service) for a reply.
    static Result<ReplyContext> contextFor(
        CoreServices& services, const Courriel& courriel, qint64 serviceId, const QString& signature);
};

} // namespace iris::accueil
