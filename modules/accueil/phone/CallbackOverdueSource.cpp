#include "modules/accueil/phone/CallbackOverdueSource.h"

#include "core/base/PhoneNumber.h"
#include "core/domain/Agent.h"
#include "core/domain/Citizen.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/storage/Database.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString CallbackOverdueSource::kind() const
{
    return ids::CallbackKind;
}

QString CallbackOverdueSource::label() const
{
    return tr("Rappels téléphoniques");
}

Result<QList<OverdueItem>> CallbackOverdueSource::items(CoreServices& services, const OverdueQuery& query) const
{
    const Result<QList<CallbackTask>> tasks = CallbackService(services).open(query);
    if (!tasks)
        return tasks.error();
    // Names for the list, read without opening the records (a list is not a consultation).
    QHash<qint64, QString> citizens;
    QSqlQuery q(services.database()->connection());
    q.prepare(u"SELECT nom_usage, nom_naissance, prenoms, phone FROM citizens WHERE id = :id"_s);
    QHash<qint64, QString> agents;
    QHash<qint64, QString> serviceNames;
    QList<OverdueItem> items;
    items.reserve(tasks->size());
    for (const CallbackTask& t : *tasks) {
        OverdueItem item;
        item.kind = ids::CallbackKind;
        item.id = t.id;
        item.kindLabel = tr("Rappel téléphonique");
        item.title = t.subject.isEmpty() ? tr("Rappeler l'usager") : t.subject;
        item.detail = PhoneNumber::format(t.phone);
        item.dueAt = t.dueAt;
        item.citizenId = t.citizenId;
        item.assignedAgentId = t.assignedAgentId;
        item.assignedServiceId = t.assignedServiceId;
        if (t.citizenId > 0) {
            if (!citizens.contains(t.citizenId)) {
                q.bindValue(u":id"_s, t.citizenId);
                QString name;
                if (q.exec() && q.next()) {
                    Citizen c;
                    c.nomUsage = q.value(0).toString();
                    c.nomNaissance = q.value(1).toString();
                    c.prenoms = q.value(2).toString();
                    c.phone = q.value(3).toString();
                    name = c.displayName();
                }
                citizens.insert(t.citizenId, name);
            }
            item.citizenName = citizens.value(t.citizenId);
        }
        QStringList who;
        if (t.assignedAgentId > 0) {
            if (!agents.contains(t.assignedAgentId)) {
                const Result<Agent> a = services.agents().get(t.assignedAgentId);
                agents.insert(t.assignedAgentId, a ? a->displayName : QString());
            }
            who << agents.value(t.assignedAgentId);
        }
        if (t.assignedServiceId > 0) {
            if (!serviceNames.contains(t.assignedServiceId)) {
                const Result<MunicipalService> s = services.directory().get(t.assignedServiceId);
                serviceNames.insert(t.assignedServiceId, s ? s->name : QString());
            }
            who << serviceNames.value(t.assignedServiceId);
        }
        who.removeAll(QString());
        item.assignee = who.join(u", "_s);
        items << item;
    }
    return items;
}

} // namespace iris::accueil
