#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/post/PostLetter.h"
#include "modules/accueil/post/PostService.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <functional>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

struct PostSettings;

/// What the letter writer takes from the GUI side, so this library stays free of Qt Gui:
/// the city's letter head (ui::CityLetterHead) and the A4 PDF renderer
/// (ui::PdfRenderer::render). Filled by the plugin (PostFeature) and by the tests.
struct PostLetterPrinting
{
    QString commune; ///< "Issy-les-Moulineaux"
    QString townHall; ///< "Mairie d'Issy-les-Moulineaux"
    QString address; ///< town hall's street address
    QString postalAddress; ///< "62 rue du Général Leclerc, 92131 Issy-les-Moulineaux Cedex"
    QString phone; ///< switchboard
    std::function<Result<QByteArray>(const QString& html, const QString& title)> render;
};

/// The outgoing reply, as the agent wrote it.
struct PostReplyDraft
{
    QString objet;
    QString body; ///< plain text; blank lines separate paragraphs
    QString signature; ///< defaults to the agent's name and service
};

/// Fills the register's templates from the data (the letter, the service in charge from
/// the directory, the agent, the settings) and stores the generated PDFs with the letter.
///
/// The acknowledgement carries what CRPA R112-5 requires: the date of receipt, the
/// register number, the service in charge with its postal address, phone and e-mail,
/// the agent's name when the letter is assigned to one, and — for a request on which
/// silence is worth a decision — the date it becomes one (received + 2 months, L231-1)
/// with the appeal routes; an incomplete request lists the missing pieces and the
/// deadline to send them (L114-5, the two months then run from their receipt).
class PostLetterWriter final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostLetterWriter)
public:
    PostLetterWriter(CoreServices& services, PostLetterPrinting printing);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    Result<QString> acknowledgementHtml(const PostLetter& letter) const;
    Result<QString> replyHtml(const PostLetter& letter, const PostReplyDraft& draft) const;

    /// Renders and stores the acknowledgement (the letter is then acknowledged today).
    Result<PostDocument> generateAcknowledgement(qint64 letterId);
    /// Renders a reply letter without storing it: render first, then store it with the
    /// reply in one short transaction (the layout never holds the write lock).
    Result<PostAttachment> renderReply(qint64 letterId, const PostReplyDraft& draft);
    /// Renders and stores a reply letter (the reply itself is recorded by PostService).
    Result<PostDocument> generateReply(qint64 letterId, const PostReplyDraft& draft);

    /// "2026-000123-accuse.pdf".
    static QString fileName(const PostLetter& letter, PostDocumentKind kind);

private:
    Result<QHash<QString, QString>> commonValues(
        const PostLetter& letter, const PostSettings& settings) const;

    CoreServices& m_services;
    PostLetterPrinting m_printing;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
