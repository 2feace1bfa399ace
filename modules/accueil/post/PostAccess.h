#pragma once

#include "core/base/Result.h"
#include "modules/accueil/post/PostService.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

namespace iris {
class Dialect;
class Session;
struct AgentIdentity;
}

namespace iris::accueil {

/// Who may see which part of the post register (PostService's rules, see its class
/// comment): the register's keepers (accueil.post) see what their counter registered; the
/// handlers (accueil.post.handle, or accueil.post) what is assigned to them or their
/// service; a supervisor everything.
class PostAccess final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostAccess)
public:
    PostAccess() = delete;

    /// Keeping the register or handling assigned letters: either opens the register.
    static Result<void> requireHandler(const Session& session);
    /// SQL condition: registered by the agent or by an agent of their service (the
    /// agent's counter). Binds are added to `binds`.
    static QString registeredAtCounterClause(const AgentIdentity& me, QVariantMap& binds);
    /// The row-level twin of registeredAtCounterClause().
    static bool registeredAtCounter(QSqlDatabase& c, const AgentIdentity& me, qint64 registeredBy);
    /// The SQL condition of the filter's view and scope, after checking the session may
    /// use it (the counter's views need accueil.post, scope All accueil.supervise).
    static Result<QString> viewClause(const Session& session, const PostFilter& filter, const QDate& today,
        const Dialect& dialect, QVariantMap& binds);
};

} // namespace iris::accueil
