#include "modules/accueil/mail/CourrielOverdueSource.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailIds.h"

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
    if (!services.session().can(ids::PermMail))
        return QList<OverdueItem>();
    const Result<QList<Courriel>> open = CourrielService(services).open(query);
    if (!open)
        return open.error();
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
        items << item;
    }
    return items;
}

} // namespace iris::accueil
