#include "modules/accueil/post/PostLetter.h"

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

template<typename E, std::size_t N>
bool fromId(const QString& id, E* out, const E (&values)[N], QString (*idOf)(E))
{
    for (E v : values) {
        if (idOf(v) == id) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

constexpr PostStatus kStatuses[] = { PostStatus::ATraiter, PostStatus::Repondu, PostStatus::Classe };
constexpr SilenceRule kSilence[] = { SilenceRule::SansObjet, SilenceRule::Acceptation, SilenceRule::Rejet };
constexpr ReplyMode kModes[]
    = { ReplyMode::Courrier, ReplyMode::Courriel, ReplyMode::Telephone, ReplyMode::Visite };
constexpr PostDocumentKind kKinds[] = { PostDocumentKind::Scan, PostDocumentKind::Accuse,
    PostDocumentKind::Reponse, PostDocumentKind::ReponseJointe };

} // namespace

QString PostVocabulary::statusId(PostStatus s)
{
    switch (s) {
    case PostStatus::ATraiter:
        return u"a_traiter"_s;
    case PostStatus::Repondu:
        return u"repondu"_s;
    case PostStatus::Classe:
        return u"classe"_s;
    }
    return {};
}

QString PostVocabulary::statusLabel(PostStatus s)
{
    switch (s) {
    case PostStatus::ATraiter:
        return tr("À traiter");
    case PostStatus::Repondu:
        return tr("Répondu");
    case PostStatus::Classe:
        return tr("Classé");
    }
    return {};
}

QString PostVocabulary::progressLabel(const PostLetter& l, const QDate& today)
{
    const auto day = [](const QDate& d) { return d.toString(QStringLiteral("dd/MM/yyyy")); };
    switch (l.status) {
    case PostStatus::Repondu:
        return tr("Répondu le %1 (%2)").arg(day(l.repliedOn), replyModeLabel(l.replyMode).toLower());
    case PostStatus::Classe:
        return tr("Classé sans réponse");
    case PostStatus::ATraiter:
        break;
    }
    QString text = l.acknowledgedOn.isValid()
        ? tr("À traiter — accusé de réception envoyé le %1, réponse attendue avant le %2")
              .arg(day(l.acknowledgedOn), day(l.dueOn))
        : tr("À traiter — accusé de réception à envoyer avant le %1, réponse avant le %2")
              .arg(day(l.acknowledgementDueOn), day(l.dueOn));
    if (l.isOverdue(today))
        text += tr(" — EN RETARD");
    return text;
}

bool PostVocabulary::statusFromId(const QString& id, PostStatus* s)
{
    return fromId(id, s, kStatuses, &statusId);
}

QList<PostStatus> PostVocabulary::statuses()
{
    return { std::begin(kStatuses), std::end(kStatuses) };
}

QString PostVocabulary::silenceId(SilenceRule r)
{
    switch (r) {
    case SilenceRule::SansObjet:
        return u"sans_objet"_s;
    case SilenceRule::Acceptation:
        return u"acceptation"_s;
    case SilenceRule::Rejet:
        return u"rejet"_s;
    }
    return {};
}

QString PostVocabulary::silenceLabel(SilenceRule r)
{
    switch (r) {
    case SilenceRule::SansObjet:
        return tr("Sans objet (pas une demande)");
    case SilenceRule::Acceptation:
        return tr("Silence vaut acceptation");
    case SilenceRule::Rejet:
        return tr("Silence vaut rejet");
    }
    return {};
}

bool PostVocabulary::silenceFromId(const QString& id, SilenceRule* r)
{
    return fromId(id, r, kSilence, &silenceId);
}

QList<SilenceRule> PostVocabulary::silenceRules()
{
    return { std::begin(kSilence), std::end(kSilence) };
}

QString PostVocabulary::replyModeId(ReplyMode m)
{
    switch (m) {
    case ReplyMode::Courrier:
        return u"courrier"_s;
    case ReplyMode::Courriel:
        return u"courriel"_s;
    case ReplyMode::Telephone:
        return u"telephone"_s;
    case ReplyMode::Visite:
        return u"visite"_s;
    }
    return {};
}

QString PostVocabulary::replyModeLabel(ReplyMode m)
{
    switch (m) {
    case ReplyMode::Courrier:
        return tr("Courrier");
    case ReplyMode::Courriel:
        return tr("Courriel");
    case ReplyMode::Telephone:
        return tr("Téléphone");
    case ReplyMode::Visite:
        return tr("Visite");
    }
    return {};
}

bool PostVocabulary::replyModeFromId(const QString& id, ReplyMode* m)
{
    return fromId(id, m, kModes, &replyModeId);
}

QList<ReplyMode> PostVocabulary::replyModes()
{
    return { std::begin(kModes), std::end(kModes) };
}

QString PostVocabulary::documentKindId(PostDocumentKind k)
{
    switch (k) {
    case PostDocumentKind::Scan:
        return u"scan"_s;
    case PostDocumentKind::Accuse:
        return u"accuse"_s;
    case PostDocumentKind::Reponse:
        return u"reponse"_s;
    case PostDocumentKind::ReponseJointe:
        return u"reponse_jointe"_s;
    }
    return {};
}

QString PostVocabulary::documentKindLabel(PostDocumentKind k)
{
    switch (k) {
    case PostDocumentKind::Scan:
        return tr("Courrier numérisé");
    case PostDocumentKind::Accuse:
        return tr("Accusé de réception");
    case PostDocumentKind::Reponse:
        return tr("Réponse");
    case PostDocumentKind::ReponseJointe:
        return tr("Réponse (PDF joint)");
    }
    return {};
}

bool PostVocabulary::documentKindFromId(const QString& id, PostDocumentKind* k)
{
    return fromId(id, k, kKinds, &documentKindId);
}

} // namespace iris::accueil
