#include "modules/accueil/shared/AssigneeScope.h"

#include "core/security/Session.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString assigneeScopeClause(OverdueQuery::Scope scope, const AgentIdentity& me, QVariantMap& binds,
                            const QString& alias)
{
    switch (scope) {
    case OverdueQuery::Scope::Mine:
        binds.insert(u":scope_me"_s, me.id);
        return u"%1assigned_agent_id = :scope_me"_s.arg(alias);
    case OverdueQuery::Scope::MyService:
        binds.insert(u":scope_me"_s, me.id);
        binds.insert(u":scope_service"_s, me.serviceId);
        binds.insert(u":scope_service2"_s, me.serviceId);
        return u"(%1assigned_agent_id = :scope_me OR %1assigned_service_id = :scope_service OR %1assigned_agent_id IN "
               u"(SELECT id FROM agents WHERE service_id = :scope_service2))"_s.arg(alias);
    case OverdueQuery::Scope::All:
        return u"1 = 1"_s;
    }
    return u"0 = 1"_s;
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
