#include "modules/accueil/shared/AccueilDemo.h"

#include "core/services/AgentService.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/storage/Database.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/phone/CallbackService.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

Result<QList<qint64>> AccueilDemo::pickCitizens(CoreServices& system, int count)
{
    QSqlQuery q(system.database()->connection());
    if (!q.exec(u"SELECT id FROM citizens WHERE phone IS NOT NULL AND phone <> '' ORDER BY id"_s))
        return Database::classify(q.lastError(), tr("choix des usagers de démonstration"));
    QList<qint64> all;
    while (q.next())
        all << q.value(0).toLongLong();
    QList<qint64> picked;
    if (all.isEmpty() || count <= 0)
        return picked;
    const qsizetype step = qMax<qsizetype>(1, all.size() / count);
    for (qsizetype i = step / 2; i < all.size() && picked.size() < count; i += step)
        picked << all.at(i);
    return picked;
}

Result<QString> AccueilDemo::seed(CoreServices& system, const QDateTime& now)
{
    if (const Result<bool> installed = CounterSetup(system).installDefaults(); !installed)
        return installed.error();
    {
        QSqlQuery q(system.database()->connection());
        q.prepare(u"SELECT COUNT(*) FROM accueil_tickets WHERE day = ?"_s);
        q.addBindValue(now.date());
        if (!q.exec() || !q.next())
            return Database::classify(q.lastError(), tr("file d'attente de démonstration"));
        if (q.value(0).toLongLong() > 0)
            return QString();
    }
    const Result<QList<qint64>> citizens = pickCitizens(system, 10);
    if (!citizens)
        return citizens.error();
    const Result<QList<TicketCategory>> categories = CounterSetup(system).categories();
    const Result<QList<Desk>> desks = CounterSetup(system).desks();
    if (!categories || !desks)
        return (categories ? desks.error() : categories.error());
    const auto categoryId = [&](const QString& prefix) -> qint64 {
        for (const TicketCategory& c : *categories) {
            if (c.prefix == prefix)
                return c.id;
        }
        return categories->isEmpty() ? 0 : categories->constFirst().id;
    };

    // Arrivals over the last 45 minutes; the citizen is known for some of them only.
    struct Arrival
    {
        int minutesAgo;
        const char* prefix;
        int priority;
        int citizen;  ///< index in `citizens`, -1 = not identified yet
    };
    const Arrival arrivals[] = {
        {44, "A", 0, 0}, {37, "B", 0, -1}, {31, "C", 0, 1}, {24, "E", 0, -1},
        {18, "A", 1, 2}, {12, "D", 0, -1}, {7, "B", 0, 3},  {3, "E", 0, -1},
    };
    QueueService queue(system);
    // Everything happens today: seeded just after midnight, the arrivals of the last 45
    // minutes start at midnight instead of falling on yesterday's queue.
    const QDateTime dayStart(now.date(), QTime(0, 0));
    const auto today = [&dayStart](const QDateTime& t) { return t < dayStart ? dayStart : t; };
    int issued = 0;
    qint64 first = 0;
    for (const Arrival& a : arrivals) {
        const QDateTime at = today(now.addSecs(-60 * a.minutesAgo));
        queue.setClock([at] { return at; });
        QueueService::IssueRequest request;
        request.categoryId = categoryId(QString::fromLatin1(a.prefix));
        request.priority = a.priority;
        request.citizenId = a.citizen >= 0 && a.citizen < citizens->size() ? citizens->at(a.citizen) : 0;
        const Result<Ticket> ticket = queue.issue(request);
        if (!ticket)
            return ticket.error();
        if (!first)
            first = ticket->id;
        ++issued;
    }
    // The first arrival is being served at desk 2 since two minutes ago.
    qint64 desk2 = 0;
    for (const Desk& d : *desks) {
        if (d.number == 2)
            desk2 = d.id;
    }
    if (desk2 && first) {
        const QDateTime calledAt = today(now.addSecs(-120));
        queue.setClock([calledAt] { return calledAt; });
        if (const Result<Ticket> called = queue.call(first, desk2); !called)
            return called.error();
    }

    // Callbacks promised on the phone: one already late.
    const auto agentId = [&system](const QString& login) -> qint64 {
        const Result<Agent> a = system.agents().findByLogin(login);
        return a ? a->id : 0;
    };
    const auto serviceId = [&system](const QString& code) -> qint64 {
        const Result<MunicipalService> s = system.directory().findByCode(code);
        return s ? s->id : 0;
    };
    const auto motiveId = [&system](const QString& code) -> qint64 {
        const Result<MotiveTheme> m = system.contacts().motiveThemeByCode(code);
        return m ? m->id : 0;
    };
    struct Promise
    {
        int hoursFromNow;
        const char* agent;
        const char* service;
        const char* motive;
        const char* subject;
        int citizen;
    };
    const Promise promises[] = {
        {-20, "teleconseil", nullptr, "logement.suivi", QT_TR_NOOP("Suivi de la demande de logement social"), 4},
        {2, "accueil", nullptr, "etat-civil.pacs", QT_TR_NOOP("Pièces à fournir pour un PACS"), 5},
        {26, nullptr, "logement", "logement.demande", QT_TR_NOOP("Rendez-vous pour déposer une demande"), 6},
    };
    CallbackService callbacks(system);
    callbacks.setClock([now] { return now; });
    int scheduled = 0;
    for (const Promise& p : promises) {
        const qint64 citizen = p.citizen < citizens->size() ? citizens->at(p.citizen) : 0;
        CallbackTask task;
        task.citizenId = citizen;
        if (citizen) {
            const Result<Citizen> c = system.citizens().get(citizen);
            if (c)
                task.phone = c->phone;
        }
        if (task.phone.isEmpty())
            task.phone = u"01 41 23 80 00"_s;
        task.motiveThemeId = motiveId(QString::fromLatin1(p.motive));
        task.subject = tr(p.subject);
        task.dueAt = now.addSecs(3600 * p.hoursFromNow);
        task.assignedAgentId = p.agent ? agentId(QString::fromLatin1(p.agent)) : 0;
        task.assignedServiceId = p.service ? serviceId(QString::fromLatin1(p.service)) : 0;
        if (!task.assignedAgentId && !task.assignedServiceId)
            continue;
        // The late one was promised yesterday: saved with yesterday's clock.
        if (p.hoursFromNow < 0) {
            const QDateTime promisedAt = now.addSecs(3600 * (p.hoursFromNow - 4));
            callbacks.setClock([promisedAt] { return promisedAt; });
        } else {
            callbacks.setClock([now] { return now; });
        }
        const Result<CallbackTask> saved = callbacks.schedule(task);
        if (!saved)
            return saved.error();
        ++scheduled;
    }
    return tr("Accueil : %1 tickets dans la file du jour, %2 rappels téléphoniques").arg(issued).arg(scheduled);
}

} // namespace iris::accueil
