#include "modules/accueil/counter/VisitService.h"

#include "core/domain/Appointment.h"
#include "core/domain/Citizen.h"
#include "core/services/AppointmentService.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/TicketStore.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/MotiveCatalog.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
Error wrongState(const Ticket& t, const QString& action)
{
    return Error(ErrorCode::Conflict, VisitService::tr("Le ticket %1 est « %2 » : impossible de %3.")
                                          .arg(t.label, ticketStatusLabel(t.status).toLower(), action));
}
} // namespace

VisitService::VisitService(CoreServices& services)
    : m_services(services)
{
}

Result<Ticket> VisitService::change(qint64 id, int version, const QString& event, const Change& apply, bool ownerOnly)
{
    const Session& session = m_services.session();
    if (auto r = session.require(ids::PermCounter); !r)
        return r.error();
    const TicketStore store(m_services.database()->dialect());
    Ticket t;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Ticket> loaded = store.load(c, id);
        if (!loaded)
            return loaded.error();
        t = *loaded;
        if (t.version != version)
            return sql::staleOrMissing(c, u"accueil_tickets"_s, id, tr("Le ticket %1").arg(t.label));
        if (ownerOnly && isAtDesk(t.status) && t.agentId > 0 && t.agentId != session.agent().id
            && !session.can(ids::PermSupervise))
            return Error(ErrorCode::PermissionDenied, tr("Le ticket %1 est pris en charge par un autre agent.").arg(t.label));
        QString detail;
        if (auto r = apply(c, t, &detail); !r)
            return r;
        if (auto r = store.update(c, t); !r)
            return r;
        return store.addEvent(c, t.id, m_now(), event, t.deskId, session.agent().id, detail);
    });
    if (!tx)
        return tx.error();
    return t;
}

Result<Ticket> VisitService::start(qint64 id, int version)
{
    return change(id, version, u"debut"_s, [this](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
        if (t.status != TicketStatus::Appele && t.status != TicketStatus::EnPause)
            return wrongState(t, tr("commencer l'accueil"));
        if (!t.serviceStartedAt.isValid())
            t.serviceStartedAt = m_now();
        t.status = TicketStatus::EnCours;
        return {};
    });
}

Result<Ticket> VisitService::hold(qint64 id, int version)
{
    return change(id, version, u"pause"_s, [](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
        if (t.status != TicketStatus::EnCours && t.status != TicketStatus::Appele)
            return wrongState(t, tr("mettre en pause"));
        t.status = TicketStatus::EnPause;
        return {};
    });
}

Result<Ticket> VisitService::transferToDesk(qint64 id, int version, qint64 deskId, const QString& note)
{
    return change(id, version, u"transfert"_s, [&](QSqlDatabase& c, Ticket& t, QString* detail) -> Result<void> {
        if (!isAtDesk(t.status))
            return wrongState(t, tr("transférer"));
        const Result<Desk> desk = CounterSetup(m_services).desk(deskId);
        if (!desk || !desk->active)
            return Error(ErrorCode::Validation, tr("Choisissez un guichet ouvert."));
        if (desk->id == t.deskId)
            return Error(ErrorCode::Validation, tr("Le ticket est déjà à ce guichet."));
        Q_UNUSED(c);
        t.status = TicketStatus::Transfere;
        t.targetDeskId = desk->id;
        if (!note.trimmed().isEmpty())
            t.notes = QStringList{t.notes, note.trimmed()}.join(u'\n').trimmed();
        *detail = desk->displayName();
        return {};
    });
}

Result<Ticket> VisitService::transferToService(qint64 id, int version, qint64 serviceId, const QString& note)
{
    return change(id, version, u"transfert"_s, [&](QSqlDatabase& c, Ticket& t, QString* detail) -> Result<void> {
        if (!isAtDesk(t.status))
            return wrongState(t, tr("transférer"));
        if (serviceId <= 0 || !sql::rowExists(c, u"services"_s, serviceId))
            return Error(ErrorCode::Validation, tr("Choisissez le service vers lequel transférer."));
        t.status = TicketStatus::Transfere;
        t.serviceId = serviceId;
        t.targetDeskId = 0;
        if (!note.trimmed().isEmpty())
            t.notes = QStringList{t.notes, note.trimmed()}.join(u'\n').trimmed();
        const Result<MunicipalService> service = m_services.directory().get(serviceId);
        *detail = service ? service->name : QString();
        return {};
    });
}

Result<Ticket> VisitService::markAbsent(qint64 id, int version)
{
    return change(id, version, u"absent"_s, [this](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
        if (t.status != TicketStatus::Appele)
            return wrongState(t, tr("le marquer absent"));
        t.status = TicketStatus::Absent;
        t.endedAt = m_now();
        return {};
    });
}

Result<Ticket> VisitService::markLeft(qint64 id, int version)
{
    return change(id, version, u"parti"_s, [this](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
        if (!isCallable(t.status) && t.status != TicketStatus::Appele && t.status != TicketStatus::EnPause)
            return wrongState(t, tr("le marquer parti"));
        t.status = TicketStatus::Parti;
        t.endedAt = m_now();
        return {};
    });
}

Result<Ticket> VisitService::setCitizen(qint64 id, int version, qint64 citizenId)
{
    return change(id, version, u"usager"_s, [&](QSqlDatabase& c, Ticket& t, QString*) -> Result<void> {
        if (isFinished(t.status))
            return wrongState(t, tr("changer l'usager"));
        if (citizenId > 0 && !sql::rowExists(c, u"citizens"_s, citizenId))
            return Error(ErrorCode::NotFound, tr("Cet usager n'existe pas."));
        t.citizenId = citizenId;
        // Identifying the person at the desk starts the service.
        if (t.status == TicketStatus::Appele) {
            t.status = TicketStatus::EnCours;
            t.serviceStartedAt = m_now();
        }
        return {};
    });
}

Result<Ticket> VisitService::setMotives(qint64 id, int version, const QList<qint64>& motiveIds)
{
    return change(id, version, u"motifs"_s, [&](QSqlDatabase& c, Ticket& t, QString*) -> Result<void> {
        if (isFinished(t.status))
            return wrongState(t, tr("changer les motifs"));
        QList<qint64> unique;
        for (qint64 m : motiveIds) {
            if (m <= 0 || unique.contains(m))
                continue;
            if (!sql::rowExists(c, u"motive_themes"_s, m))
                return Error(ErrorCode::NotFound, tr("Un des motifs indiqués n'existe pas."));
            unique << m;
        }
        t.motiveIds = unique;
        return TicketStore(m_services.database()->dialect()).replaceMotives(c, t.id, unique);
    });
}

Result<Ticket> VisitService::setPriority(qint64 id, int version, int priority)
{
    return change(
        id, version, u"priorite"_s,
        [&](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
            if (!isCallable(t.status))
                return wrongState(t, tr("changer sa priorité"));
            t.priority = qBound(0, priority, 9);
            return {};
        },
        false);
}

Result<Ticket> VisitService::close(qint64 id, int version, const Closing& closing)
{
    return change(id, version, u"cloture"_s, [&](QSqlDatabase&, Ticket& t, QString*) -> Result<void> {
        if (!isAtDesk(t.status))
            return wrongState(t, tr("clore la visite"));
        if (t.motiveIds.isEmpty())
            return Error::validation({{u"motiveThemeId"_s, tr("Indiquez au moins un motif de visite.")}});
        const QDateTime now = m_now();
        if (!t.serviceStartedAt.isValid())
            t.serviceStartedAt = t.calledAt.isValid() ? t.calledAt : now;

        QStringList summary{closing.summary.trimmed()};
        if (t.motiveIds.size() > 1) {
            const Result<MotiveCatalog> catalog = MotiveCatalog::load(m_services);
            QStringList others;
            for (qsizetype i = 1; i < t.motiveIds.size(); ++i)
                others << (catalog ? catalog->path(t.motiveIds.at(i)) : QString::number(t.motiveIds.at(i)));
            summary << tr("Autres motifs : %1").arg(others.join(u", "_s));
        }
        summary << tr("Ticket %1").arg(t.label);
        summary.removeAll(QString());

        Contact contact;
        contact.channel = ContactChannel::Visite;
        contact.direction = ContactDirection::Entrant;
        contact.startedAt = t.serviceStartedAt;
        contact.endedAt = now;
        contact.motiveThemeId = t.motiveIds.constFirst();
        contact.summary = summary.join(u" — "_s);
        contact.outcome = closing.outcome;
        contact.orientedServiceId = closing.orientedServiceId;
        contact.dossierId = closing.dossierId;
        contact.callbackDueAt = closing.callbackDueAt;
        contact.citizenId = t.citizenId;
        const Result<Contact> logged = m_services.contacts().log(contact);
        if (!logged)
            return logged.error();

        if (closing.outcome == ContactOutcome::RappelPrevu) {
            CallbackTask task;
            task.citizenId = t.citizenId;
            task.phone = closing.callbackPhone;
            if (task.phone.isEmpty() && t.citizenId > 0) {
                const Result<Citizen> citizen = m_services.citizens().get(t.citizenId);
                if (citizen)
                    task.phone = citizen->phone.isEmpty() ? citizen->phone2 : citizen->phone;
            }
            task.motiveThemeId = contact.motiveThemeId;
            task.subject = closing.summary.trimmed();
            task.dueAt = closing.callbackDueAt;
            task.assignedAgentId = m_services.session().agent().id;
            task.assignedServiceId = closing.orientedServiceId > 0 ? closing.orientedServiceId : 0;
            if (task.assignedAgentId <= 0 && task.assignedServiceId <= 0)
                task.assignedServiceId = m_services.session().agent().serviceId;
            task.originContactId = logged->id;
            CallbackService callbacks(m_services);
            callbacks.setClock(m_now);
            const Result<CallbackTask> scheduled = callbacks.schedule(task);
            if (!scheduled)
                return scheduled.error();
        }
        if (t.appointmentId > 0) {
            const Result<Appointment> a = m_services.appointments().get(t.appointmentId);
            if (a && a->status == AppointmentStatus::Planned) {
                const Result<Appointment> honoured
                    = m_services.appointments().setStatus(a->id, a->version, AppointmentStatus::Honoured);
                if (!honoured)
                    return honoured.error();
            }
        }
        t.status = TicketStatus::Clos;
        t.endedAt = now;
        t.outcome = contactOutcomeId(closing.outcome);
        t.contactId = logged->id;
        return {};
    });
}

} // namespace iris::accueil
