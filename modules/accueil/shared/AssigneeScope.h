#pragma once

#include "modules/accueil/shared/OverdueItem.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantMap>

namespace iris {
struct AgentIdentity;
}

namespace iris::accueil {

/// The SQL condition selecting the items a scope covers, on the assigned_agent_id and
/// assigned_service_id columns that callbacks, courriels and letters share (`alias`: the
/// table's alias with its dot, e.g. "c.", or empty). Mine: assigned to the agent;
/// MyService: to the agent, to the agent's service or to one of its agents; All: every
/// item — the caller checks accueil.supervise first. Binds are added to `binds`.
QString assigneeScopeClause(OverdueQuery::Scope scope, const AgentIdentity& me, QVariantMap& binds,
                            const QString& alias = {});

/// True when an item assigned to (agentId, serviceId) is the agent's: assigned to them,
/// to their service, or to one of their service's agents — the row-level twin of
/// assigneeScopeClause(MyService). Reads the agent's service on `c` when needed.
bool isAssignedToMyService(QSqlDatabase& c, const AgentIdentity& me, qint64 agentId, qint64 serviceId);

} // namespace iris::accueil
