#include "modules/accueil/shared/AssigneeScope.h"

#include "core/security/Session.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString assigneeScopeClause(OverdueQuery::Scope scope, const AgentIdentity& me, QVariantMap& binds,
                            const QString& alias)
{
    return FollowUpRegistry::scopeClause(scope, me, binds, alias + u"assigned_agent_id"_s,
                                         alias + u"assigned_service_id"_s);
}

bool isAssignedToMyService(QSqlDatabase& c, const AgentIdentity& me, qint64 agentId, qint64 serviceId)
{
    if (agentId > 0 && agentId == me.id)
        return true;
    if (me.serviceId <= 0)
        return false;
    if (serviceId > 0 && serviceId == me.serviceId)
        return true;
    if (agentId <= 0)
        return false;
    QSqlQuery q(c);
    q.prepare(u"SELECT 1 FROM agents WHERE id = :agent AND service_id = :service"_s);
    q.bindValue(u":agent"_s, agentId);
    q.bindValue(u":service"_s, me.serviceId);
    return q.exec() && q.next();
}

} // namespace iris::accueil
