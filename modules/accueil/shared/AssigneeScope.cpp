#include "modules/accueil/shared/AssigneeScope.h"

#include "core/security/Session.h"

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

} // namespace iris::accueil
