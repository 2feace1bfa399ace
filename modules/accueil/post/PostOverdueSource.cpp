#include "modules/accueil/post/PostOverdueSource.h"

#include "core/domain/Agent.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostService.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString PostOverdueSource::kind() const
{
    return ids::PostKind;
}

QString PostOverdueSource::label() const
{
    return tr("Courriers");
}

Result<QList<OverdueItem>> PostOverdueSource::items(CoreServices& services, const OverdueQuery& query) const
{
    // The overdue page is for every follow-up role; only post handlers owe letters (the
    // counter and the services the letters are handed to).
    if (!services.session().can(ids::PermPost) && !services.session().can(ids::PermPostHandle))
        return QList<OverdueItem> {};
    const PostService post(services);
    const Result<QList<PostLetter>> letters = post.open(query);
    if (!letters)
        return letters.error();
    // Services Publics+: letters are acknowledged within two weeks, before the answer.
    const Result<QList<PostLetter>> unacknowledged = post.unacknowledged(query);
    if (!unacknowledged)
        return unacknowledged.error();
    QHash<qint64, QString> agents;
    QHash<qint64, QString> serviceNames;
    QList<OverdueItem> items;
    items.reserve(letters->size() + unacknowledged->size());
    const auto add = [&](const PostLetter& l, const QString& kindLabel, const QDate& dueOn) {
        OverdueItem item;
        item.kind = ids::PostKind;
        item.id = l.id;
        item.kindLabel = kindLabel;
        item.title = l.subject;
        item.detail = tr("%1 — reçu le %2").arg(l.reference, l.receivedOn.toString(u"dd/MM/yyyy"_s));
        // Due by the end of the deadline day.
        item.dueAt = QDateTime(dueOn.addDays(1), QTime(0, 0));
        item.citizenId = l.citizenId;
        item.citizenName = l.senderName;
        item.assignedAgentId = l.assignedAgentId;
        item.assignedServiceId = l.assignedServiceId;
        QStringList who;
        if (l.assignedAgentId > 0) {
            if (!agents.contains(l.assignedAgentId)) {
                const Result<Agent> a = services.agents().get(l.assignedAgentId);
                agents.insert(l.assignedAgentId, a ? a->displayName : QString());
            }
            who << agents.value(l.assignedAgentId);
        }
        if (l.assignedServiceId > 0) {
            if (!serviceNames.contains(l.assignedServiceId)) {
                const Result<MunicipalService> s = services.directory().get(l.assignedServiceId);
                serviceNames.insert(l.assignedServiceId, s ? s->name : QString());
            }
            who << serviceNames.value(l.assignedServiceId);
        }
        who.removeAll(QString());
        item.assignee = who.join(u", "_s);
        items << item;
    };
    for (const PostLetter& l : *unacknowledged)
        add(l, tr("Accusé de réception à envoyer"), l.acknowledgementDueOn);
    for (const PostLetter& l : *letters)
        add(l, tr("Courrier"), l.dueOn);
    return items;
}

} // namespace iris::accueil
