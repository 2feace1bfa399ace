#pragma once

#include <QDateTime>
#include <QString>

namespace iris::accueil {

/// One item with a due time that someone at the counter owes a citizen: a callback
/// today; e-mails and letters to answer when those features are present.
struct OverdueItem
{
    QString kind;              ///< source kind: "rappel", "courriel", "courrier"…
    qint64 id = 0;             ///< id within its source
    QString kindLabel;         ///< French: "Rappel téléphonique"
    QString title;             ///< French: subject or motive
    QString detail;            ///< French: number to call, reference…
    QDateTime dueAt;
    qint64 citizenId = 0;      ///< 0 = none
    QString citizenName;
    qint64 assignedAgentId = 0;
    qint64 assignedServiceId = 0;
    QString assignee;          ///< French: agent or service name

    bool isOverdue(const QDateTime& now) const { return dueAt.isValid() && dueAt < now; }
};

/// Which items to list.
struct OverdueQuery
{
    enum class Scope {
        Mine,       ///< assigned to the session's agent
        MyService,  ///< assigned to the agent's service (or to one of its agents)
        All,        ///< everyone's (accueil.supervise)
    };
    Scope scope = Scope::Mine;
    /// Items due before this moment (inclusive upper bound); "now" lists the overdue ones,
    /// a later time also the ones coming due.
    QDateTime dueBefore;
    int limit = 500;
};

} // namespace iris::accueil
