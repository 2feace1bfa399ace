#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace iris::accueil {

/// Where a registered letter stands.
enum class PostStatus {
    ATraiter, ///< à traiter
    Repondu, ///< répondu
    Classe, ///< classé sans suite (information, doublon…)
};

/// What the administration's silence on the request is worth (CRPA L231-1 and its
/// exceptions): acceptance after two months, rejection (a decree lists the cases), or no
/// decision at all (a letter that is not a request: information, complaint…).
enum class SilenceRule { SansObjet, Acceptation, Rejet };

/// How the reply went out.
enum class ReplyMode { Courrier, Courriel, Telephone, Visite };

/// A document kept with a register entry.
enum class PostDocumentKind {
    Scan, ///< the scanned incoming letter
    Accuse, ///< generated acknowledgement of receipt
    Reponse, ///< generated reply letter
    ReponseJointe, ///< outgoing letter attached as a PDF made elsewhere
};

/// One incoming letter of the post register ("registre du courrier").
struct PostLetter
{
    qint64 id = 0;
    int version = 0;
    int year = 0;
    int sequence = 0;
    QString reference; ///< "2026-000123": yearly register number
    QDate receivedOn; ///< date on the stamp or envelope
    QDateTime registeredAt;
    qint64 registeredBy = 0;
    qint64 citizenId = 0; ///< sender: a citizen…
    qint64 organisationId = 0; ///< …or an organisation…
    QString senderName; ///< …or a free-text sender (kept as written for all three)
    QString senderAddress; ///< multi-line postal address of the sender
    QString subject;
    qint64 motiveThemeId = 0; ///< optional; needed to log the contact
    SilenceRule silence = SilenceRule::SansObjet;
    QStringList missingPieces; ///< request incomplete: what the citizen must still send
    QDate piecesDueOn; ///< deadline to send them (when missingPieces is not empty)
    qint64 assignedAgentId = 0;
    qint64 assignedServiceId = 0;
    QDate dueOn; ///< reply deadline: received + N working days
    QDate acknowledgementDueOn; ///< acknowledgement deadline (Services Publics+)
    PostStatus status = PostStatus::ATraiter;
    qint64 incomingContactId = 0;
    QDate acknowledgedOn;
    QDate repliedOn;
    ReplyMode replyMode = ReplyMode::Courrier;
    QString replySummary;
    qint64 replyContactId = 0;
    QString notes;

    bool isOpen() const { return status == PostStatus::ATraiter; }
    bool isOverdue(const QDate& today) const { return isOpen() && dueOn.isValid() && dueOn < today; }
    /// The day the administration's silence becomes a decision (received + 2 months,
    /// CRPA L231-1); invalid when the rule is "sans objet".
    QDate silenceDecisionOn() const
    {
        return silence == SilenceRule::SansObjet ? QDate() : receivedOn.addMonths(2);
    }
};

/// A document's description (its bytes are read on demand).
struct PostDocument
{
    qint64 id = 0;
    qint64 letterId = 0;
    PostDocumentKind kind = PostDocumentKind::Scan;
    QString fileName;
    qint64 size = 0;
    QString sha256; ///< hex
    QDateTime createdAt;
    qint64 createdBy = 0;
};

/// Stored ids and French labels.
struct PostVocabulary
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostVocabulary)
public:
    static QString statusId(PostStatus status);
    static QString statusLabel(PostStatus status);
    /// Where the letter stands, for the citizen's 360° page: "À traiter — accusé de
    /// réception à envoyer avant le 17/04/2026", "À traiter — accusé de réception envoyé le…,
    /// réponse attendue avant le…", "Répondu le… (courrier)", "Classé"; "EN RETARD" when
    /// the reply is late on `today`.
    static QString progressLabel(const PostLetter& letter, const QDate& today);
    static bool statusFromId(const QString& id, PostStatus* status);
    static QList<PostStatus> statuses();

    static QString silenceId(SilenceRule rule);
    static QString silenceLabel(SilenceRule rule);
    static bool silenceFromId(const QString& id, SilenceRule* rule);
    static QList<SilenceRule> silenceRules();

    static QString replyModeId(ReplyMode mode);
    static QString replyModeLabel(ReplyMode mode);
    static bool replyModeFromId(const QString& id, ReplyMode* mode);
    static QList<ReplyMode> replyModes();

    static QString documentKindId(PostDocumentKind kind);
    static QString documentKindLabel(PostDocumentKind kind);
    static bool documentKindFromId(const QString& id, PostDocumentKind* kind);
};

} // namespace iris::accueil
