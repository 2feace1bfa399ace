#pragma once

#include "core/base/Result.h"
#include "core/modules/Registries.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace iris {

class CoreServices;
struct AgentIdentity;

/// One item with a due time that an agent or a service owes a citizen, listed on the
/// "À traiter" page: a callback, an e-mail or a letter to answer, a late acte request…
struct FollowUpItem
{
    QString kind;              ///< source kind: "rappel", "courriel", "courrier", "etatcivil.acte"…
    qint64 id = 0;             ///< id within its source (what its opener opens)
    QString kindLabel;         ///< French: "Rappel téléphonique"
    QString title;             ///< French: subject or motive
    QString detail;            ///< French: number to call, reference…
    QDateTime dueAt;
    qint64 citizenId = 0;      ///< 0 = none
    QString citizenName;
    qint64 assignedAgentId = 0;
    qint64 assignedServiceId = 0;
    QString assignee;          ///< French: agent or service name
    /// Needed to open the item (empty = whoever sees it may open it): an item can be
    /// listed for follow-up to an agent who does not handle it on its own page.
    QString openPermission;

    bool isOverdue(const QDateTime& now) const { return dueAt.isValid() && dueAt < now; }
};

/// Which items to list.
struct FollowUpQuery
{
    enum class Scope {
        Mine,       ///< assigned to the session's agent
        MyService,  ///< assigned to the agent, to the agent's service or to one of its agents
        All,        ///< everyone's (each source checks its own supervision permission)
    };
    Scope scope = Scope::Mine;
    /// Items due before this moment (inclusive upper bound); "now" lists the overdue ones,
    /// a later time also the ones coming due; invalid = every open item.
    QDateTime dueBefore;
    int limit = 500;
};

/// A kind of item with a due time, contributed by a module. items() runs with the
/// session's services and checks the permissions itself (an agent without the source's
/// permission gets an empty list, scope All needs the source's supervision permission);
/// it may be called from a worker thread and must then use the thread's own connection
/// (Database::connection() does).
class FollowUpSource
{
public:
    virtual ~FollowUpSource() = default;
    virtual QString kind() const = 0;       ///< FollowUpItem::kind of its items
    virtual QString label() const = 0;      ///< French, plural: "Rappels téléphoniques"
    virtual Result<QList<FollowUpItem>> items(CoreServices& services, const FollowUpQuery& query) const = 0;
};

/// Opens an item of a source in the shell (its page, its record…); GUI thread.
using FollowUpOpener = std::function<void(const FollowUpItem& item)>;

/// A source as registered in the ModuleContext; `id` is the source's kind.
struct FollowUpSourceSpec
{
    QString id;
    std::shared_ptr<FollowUpSource> source;
    FollowUpOpener open;   ///< may be empty: the page that lists the item opens nothing
};

/// The "À traiter" sources of every module (ModuleContext::followUpSources). The page
/// that shows them merges them here and knows no module by name.
class FollowUpRegistry : public Registry<FollowUpSourceSpec>
{
    Q_DECLARE_TR_FUNCTIONS(iris::FollowUpRegistry)
public:
    struct Listing
    {
        QList<FollowUpItem> items;  ///< by due date, then kind and id
        QStringList warnings;       ///< French: a source that failed (the others still listed)
    };

    /// Adds a source under its kind (a second one of the same kind replaces the first).
    void addSource(std::shared_ptr<FollowUpSource> source, FollowUpOpener open = {});
    QList<std::shared_ptr<FollowUpSource>> sources() const;
    /// Every source's items merged by due date, cut at query.limit. Checks no permission
    /// of its own: each source does.
    Listing list(CoreServices& services, const FollowUpQuery& query) const;
    /// Opens the item with its source's opener; false when it has none.
    bool open(const FollowUpItem& item) const;

    /// The SQL condition selecting the rows a scope covers (`agentColumn` and
    /// `serviceColumn`: the assignee columns with their table alias, e.g. "d.agent_id").
    /// Mine: assigned to the agent; MyService: to the agent, to the agent's service or to
    /// one of its agents; All: every row — the caller checks its supervision permission
    /// first. Binds are added to `binds`.
    static QString scopeClause(FollowUpQuery::Scope scope, const AgentIdentity& me, QVariantMap& binds,
                               const QString& agentColumn, const QString& serviceColumn);
};

} // namespace iris
