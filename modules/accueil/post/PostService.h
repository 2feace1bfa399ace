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

/// Which register entries to list (the page, the overdue board).
struct PostFilter
{
    std::optional<PostStatus> status; ///< any when empty
    QString text; ///< number, sender or subject contains it
    OverdueQuery::Scope scope = OverdueQuery::Scope::MyService;
    QDate dueBefore; ///< open letters due on or before (any when invalid)
    int limit = 500;
};

/// The incoming post register ("registre du courrier").
///
/// Permissions: accueil.post for everything; an agent handles only the letters assigned to
/// them or to their service (or to an agent of their service) unless the session holds
/// accueil.supervise. Every read of a letter sent by a citizen is audited. Each incoming
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
    /// Same checks as get() without the audit line: for what a list already shows (the
    /// page's detail line, the names of the documents). Reading a document is get().
    Result<PostLetter> find(qint64 id) const;
    /// Register entries, newest number first (the page) — not audited, nothing is opened.
    Result<QList<PostLetter>> list(const PostFilter& filter) const;
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
