#include "modules/accueil/mail/CourrielOverdueSource.h"

#include "core/security/Session.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/CourrielStore.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AssigneeScope.h"

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString CourrielOverdueSource::kind() const
{
    return ids::CourrielKind;
}

QString CourrielOverdueSource::label() const
{
    return tr("Courriels");
}

Result<QList<OverdueItem>> CourrielOverdueSource::items(
    CoreServices& services, const OverdueQuery& query) const
{
    const Session& session = services.session();
    Result<QList<Courriel>> open = QList<Courriel>();
    if (session.can(ids::PermMail)) {
        open = CourrielService(services).open(query);
    } else {
        // An agent of a service (état civil…) does not keep the inbox but follows what the
        // counter handed to them or their service: listed, opened by the inbox's handlers.
        if (!session.can(ids::PermFollowUp) || query.scope == OverdueQuery::Scope::All)
            return QList<OverdueItem>();
        const Dialect& d = services.database()->dialect();
        QVariantMap binds;
        QString where = u"c.status = 'a_traiter' AND "_s
            + assigneeScopeClause(query.scope, session.agent(), binds, u"c."_s);
        if (query.dueBefore.isValid()) {
            where += u" AND c.due_at <= :before"_s;
            binds.insert(u":before"_s, d.toDbDateTime(query.dueBefore));
        }
        QSqlDatabase c = services.database()->connection();
        open = CourrielStore(d).select(c, where, binds, u"c.due_at, c.id"_s, query.limit, 0, false);
    }
    if (!open)
        return open.error();
    const QString openPermission = session.can(ids::PermMail) ? QString() : ids::PermMail;
    QList<OverdueItem> items;
    items.reserve(open->size());
    for (const Courriel& c : *open) {
        OverdueItem item;
        item.kind = ids::CourrielKind;
        item.id = c.id;
        item.kindLabel = tr("Courriel");
        item.title = c.subject.isEmpty() ? tr("(sans objet)") : c.subject;
        item.detail
            = c.fromName.isEmpty() ? c.fromAddress : QString(c.fromName + u" <"_s + c.fromAddress + u'>');
        item.dueAt = c.dueAt;
        item.citizenId = c.citizenId;
        item.citizenName = c.citizenName;
        item.assignedAgentId = c.assignedAgentId;
        item.assignedServiceId = c.assignedServiceId;
        item.assignee = c.assignee;
        item.openPermission = openPermission;
        items << item;
    }
    return items;
}

} // namespace iris::accueil
