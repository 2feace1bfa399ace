#include "modules/accueil/phone/PhoneIntakeService.h"

#include "core/base/PhoneNumber.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilIds.h"

using namespace Qt::StringLiterals;

namespace iris::accueil {

PhoneIntakeService::PhoneIntakeService(CoreServices& services)
    : m_services(services)
{
}

Result<QList<CitizenSummary>> PhoneIntakeService::findCallers(const QString& number, int limit) const
{
    if (auto r = m_services.session().require(ids::PermPhone); !r)
        return r.error();
    // Only phone queries: a name typed here would list namesakes, not the caller.
    if (PhoneNumber::query(number, 4).kind == PhoneNumber::Query::Kind::None)
        return QList<CitizenSummary>{};
    return m_services.citizens().search(number, limit);
}

Result<Citizen> PhoneIntakeService::createCaller(const QString& number, const QString& nom, const QString& prenoms)
{
    if (auto r = m_services.session().require(ids::PermPhone); !r)
        return r.error();
    Citizen c;
    c.phone = number;
    c.nomUsage = nom;
    c.prenoms = prenoms;
    c.preferredChannel = u"telephone"_s;
    return m_services.citizens().create(c);
}

Result<PhoneIntakeService::Saved> PhoneIntakeService::save(const PhoneCall& call)
{
    if (auto r = m_services.session().require(ids::PermPhone); !r)
        return r.error();
    Saved saved;
    const QDateTime now = m_now();
    // The agent often types only the last digits ("3362") to find the caller: the number
    // to call back is then the identified citizen's own.
    QString callbackNumber = call.callerNumber;
    if (call.outcome == ContactOutcome::RappelPrevu && call.citizenId > 0
        && !PhoneNumber::normalize(callbackNumber)) {
        const Result<Citizen> caller = m_services.citizens().get(call.citizenId);
        if (!caller)
            return caller.error();
        if (!caller->phone.isEmpty())
            callbackNumber = caller->phone;
    }
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase&) -> Result<void> {
        Contact contact;
        contact.channel = ContactChannel::Telephone;
        contact.direction = ContactDirection::Entrant;
        contact.startedAt = call.startedAt.isValid() ? call.startedAt : now;
        contact.endedAt = call.endedAt.isValid() ? call.endedAt : now;
        contact.motiveThemeId = call.motiveThemeId;
        contact.summary = call.notes;
        contact.outcome = call.outcome;
        contact.orientedServiceId = call.orientedServiceId;
        contact.dossierId = call.dossierId;
        contact.callbackDueAt = call.callbackDueAt;
        contact.citizenId = call.citizenId;
        const Result<Contact> logged = m_services.contacts().log(contact);
        if (!logged)
            return logged.error();
        saved.contact = *logged;
        if (call.outcome != ContactOutcome::RappelPrevu)
            return {};
        CallbackTask task;
        task.citizenId = call.citizenId;
        task.phone = callbackNumber;
        task.motiveThemeId = call.motiveThemeId;
        task.subject = call.notes.section(u'\n', 0, 0).left(200);
        task.dueAt = call.callbackDueAt;
        task.assignedAgentId = call.callbackAgentId;
        task.assignedServiceId = call.callbackServiceId;
        task.originContactId = logged->id;
        CallbackService callbacks(m_services);
        callbacks.setClock(m_now);
        const Result<CallbackTask> scheduled = callbacks.schedule(task);
        if (!scheduled)
            return scheduled.error();
        saved.callback = *scheduled;
        return {};
    });
    if (!tx)
        return tx.error();
    return saved;
}

} // namespace iris::accueil
