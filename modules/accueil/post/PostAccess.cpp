#include "modules/accueil/post/PostAccess.h"

#include "core/security/Session.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AssigneeScope.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

Result<void> PostAccess::requireHandler(const Session& s)
{
    if (s.can(ids::PermPost) || s.can(ids::PermPostHandle))
        return {};
    return s.require(ids::PermPostHandle);
}

QString PostAccess::registeredAtCounterClause(const AgentIdentity& me, QVariantMap& binds)
{
    binds.insert(u":reg_me"_s, me.id);
    binds.insert(u":reg_service"_s, me.serviceId);
    return u"(registered_by = :reg_me OR registered_by IN "
           u"(SELECT id FROM agents WHERE service_id = :reg_service))"_s;
}

bool PostAccess::registeredAtCounter(QSqlDatabase& c, const AgentIdentity& me, qint64 registeredBy)
{
    if (registeredBy <= 0)
        return false;
    if (registeredBy == me.id)
        return true;
    if (me.serviceId <= 0)
        return false;
    QSqlQuery q(c);
    q.prepare(u"SELECT 1 FROM agents WHERE id = :agent AND service_id = :service"_s);
    q.bindValue(u":agent"_s, registeredBy);
    q.bindValue(u":service"_s, me.serviceId);
    return q.exec() && q.next();
}

Result<QString> PostAccess::viewClause(
    const Session& s, const PostFilter& filter, const QDate& today, const Dialect& d, QVariantMap& binds)
{
    if (filter.view == PostView::Assigned) {
        if (filter.scope == OverdueQuery::Scope::All) {
            if (auto r = s.require(ids::PermSupervise); !r)
                return r.error();
        }
        return assigneeScopeClause(filter.scope, s.agent(), binds);
    }
    // The counter's own views of the register: what it registered and still dispatches.
    if (auto r = s.require(ids::PermPost); !r)
        return r.error();
    switch (filter.view) {
    case PostView::RegisteredByMe:
        binds.insert(u":reg_me"_s, s.agent().id);
        return u"registered_by = :reg_me"_s;
    case PostView::RegisteredByMyService:
        return registeredAtCounterClause(s.agent(), binds);
    case PostView::ReceivedToday:
        binds.insert(u":today"_s, d.toDbDate(today));
        return QString(u"received_on = :today AND "_s + registeredAtCounterClause(s.agent(), binds));
    case PostView::ToDispatch:
        binds.insert(u":dispatch_service"_s, s.agent().serviceId);
        return u"status = 'a_traiter' AND assigned_agent_id IS NULL "
               u"AND assigned_service_id = :dispatch_service"_s;
    case PostView::Assigned:
        break;
    }
    return u"0 = 1"_s;
}

} // namespace iris::accueil
