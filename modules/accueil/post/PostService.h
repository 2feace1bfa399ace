#pragma once

#include "core/base/Result.h"
#include "core/base/WorkingCalendar.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/post/PostLetter.h"
#include "modules/accueil/shared/OverdueItem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QVariantMap>
#include <optional>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

struct PostSettings;

/// A PDF file handed to the register (scan of the incoming letter, outgoing letter).
struct PostAttachment
{
    QString fileName;
    QByteArray content;
};

/// Which part of the register a list shows.
enum class PostView {
    Assigned, ///< handed to the agent, their service or everyone (PostFilter::scope)
    RegisteredByMe, ///< registered by the agent (accueil.post)
    RegisteredByMyService, ///< registered at the agent's counter, by any agent of their service (accueil.post)
    ReceivedToday, ///< received today and registered at the agent's counter (accueil.post)
    ToDispatch, ///< open, with the agent's service and no agent named: still to hand on (accueil.post)
};

/// Which register entries to list (the page, the overdue board).
struct PostFilter
{
    std::optional<PostStatus> status; ///< any when empty
    QString text; ///< number, sender or subject contains it
    PostView view = PostView::Assigned;
    OverdueQuery::Scope scope = OverdueQuery::Scope::MyService; ///< of the Assigned view
    QDate dueBefore; ///< open letters due on or before (any when invalid)
    int limit = 500;
};

/// The incoming post register ("registre du courrier").
///
/// Permissions: accueil.post keeps the register (registers, dispatches, lists what the
/// agent's counter registered); accueil.post.handle (or accueil.post) handles a letter —
/// reads it, acknowledges it, answers or files it, hands it on — only when it is assigned
/// to the agent, to their service or to an agent of their service, unless the session
/// holds accueil.supervise. What the counter registered and handed to a service stays in
/// its register lists (find()), not in its hands (get()). Every read of a letter sent by a
/// citizen is audited. Each incoming
/// letter with a motive is logged as an incoming contact (channel courrier) on its sender,
/// and its reply as an outgoing contact, so both appear on the citizen's 360° page.
class PostService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostService)
public:
    explicit PostService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }
    /// Working days of the site (French public holidays by default).
    void setCalendar(const WorkingCalendar& calendar) { m_calendar = calendar; }
    const WorkingCalendar& calendar() const { return m_calendar; }

    /// Registers a letter: validates it, allocates the yearly number in the same
    /// transaction, computes the deadlines (PostSettings), keeps the scan (a PDF, within
    /// the size limit) and logs the incoming contact. Nothing is saved when anything fails.
    /// The assignee defaults to the agent's service.
    Result<PostLetter> registerLetter(
        const PostLetter& letter, const std::optional<PostAttachment>& scan = {});
    /// One letter, opened by the agent (audited when its sender is a citizen).
    Result<PostLetter> get(qint64 id) const;
    /// What a list already shows (the page's detail line, the names of the documents),
    /// without the audit line: the letters the agent handles and, for the register's
    /// keepers, those their counter registered (checkMayRead). Reading a document is get().
    Result<PostLetter> find(qint64 id) const;
    /// Register entries, newest number first (the page) — not audited, nothing is opened.
    Result<QList<PostLetter>> list(const PostFilter& filter) const;
    /// The letters a citizen sent that the agent may see (they handle them, their counter
    /// registered them, or they supervise), newest first — the 360° page; not audited.
    Result<QList<PostLetter>> ofCitizen(qint64 citizenId, int limit = 50) const;
    /// Open letters by reply deadline (the overdue board).
    Result<QList<PostLetter>> open(const OverdueQuery& query) const;
    /// Open letters whose acknowledgement of receipt is still owed (none sent yet), due
    /// before query.dueBefore (all when invalid), by acknowledgement deadline; same scope
    /// and permissions as open().
    Result<QList<PostLetter>> unacknowledged(const OverdueQuery& query) const;

    /// Hands the letter to an agent and/or a service (at least one, both existing).
    Result<PostLetter> assign(qint64 id, int version, qint64 agentId, qint64 serviceId);

    struct Reply
    {
        QDate date; ///< defaults to today; not in the future
        ReplyMode mode = ReplyMode::Courrier;
        QString summary;
        std::optional<PostAttachment> letter; ///< outgoing letter made elsewhere (PDF)
    };
    /// Records the reply (status répondu) and logs it as an outgoing contact on the channel
    /// of its mode.
    Result<PostLetter> recordReply(qint64 id, int version, const Reply& reply);
    /// Files the letter without a reply (information, duplicate…): status classé.
    Result<PostLetter> file(qint64 id, int version, const QString& note);

    /// Refuses what is not a PDF ("%PDF-" magic) or exceeds the size limit (French message).
    static Result<void> checkPdf(const PostAttachment& file, qint64 maxBytes);
    /// PermissionDenied unless the session may handle this letter (see the class comment).
    Result<void> checkMayHandle(const PostLetter& letter) const;
    /// PermissionDenied unless the session may see this letter in its lists: it handles it,
    /// or keeps the register (accueil.post) and its counter registered it.
    Result<void> checkMayRead(const PostLetter& letter) const;
    /// checkMayHandle() as a yes/no, for the page's buttons.
    bool mayHandle(const PostLetter& letter) const { return checkMayHandle(letter).ok(); }
    /// Open letters still owing something (`condition`), due before query.dueBefore by
    /// `dueColumn` (a column name of this class, never user text), within the scope.
    Result<QList<PostLetter>> owed(const OverdueQuery& query, const QString& condition, const QString& dueColumn) const;
    /// The register's settings (defaults for missing keys).
    Result<PostSettings> settings() const;

private:
    Result<PostLetter> load(QSqlDatabase& c, qint64 id) const;
    Result<PostLetter> update(qint64 id, int version, const QString& assignments, const QVariantMap& binds,
        const QJsonObject& audit);

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
    WorkingCalendar m_calendar;
};

} // namespace iris::accueil
