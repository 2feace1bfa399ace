// Queue rules of the counter: numbering per day and category, call order (priority,
// appointments, arrival), one ticket per desk, hold, transfer to a desk or a service,
// absent / left, closing with an outcome (the visit's contact), version conflicts and
// who may handle a ticket. Each test runs on a day of its own (queues are per day).
#include "core/domain/Appointment.h"
#include "core/domain/Contact.h"
#include "core/services/AppointmentService.h"
#include "core/services/ContactService.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/phone/CallbackService.h"
#include "tests/accueil/AccueilFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestQueueRules : public QObject
{
    Q_OBJECT

    test::AccueilFixture f;
    std::unique_ptr<CoreServices> accueil;     // agent d'accueil "accueil"
    std::unique_ptr<CoreServices> colleague;   // agent d'accueil "k.benali"
    std::unique_ptr<CoreServices> supervisor;
    int dayOffset = 0;

    /// A fresh working day for each test (queues and numbering are per day).
    void newDay(QTime at = QTime(9, 0))
    {
        f.now = QDateTime(QDate(2025, 3, 10).addDays(7 * dayOffset++), at);  // Mondays
    }
    void later(int seconds) { f.now = f.now.addSecs(seconds); }

    Ticket issue(CoreServices& s, const QString& prefix, int priority = 0, qint64 appointment = 0)
    {
        QueueService q(s);
        q.setClock(f.clock());
        const Result<Ticket> t = q.issue({f.categoryId(prefix), priority, appointment, 0});
        if (!t)
            qWarning("issue: %s", qPrintable(t.error().toString()));
        return t ? *t : Ticket{};
    }
    QString callNext(CoreServices& s, int desk)
    {
        QueueService q(s);
        q.setClock(f.clock());
        const Result<std::optional<Ticket>> t = q.callNext(f.deskId(desk));
        if (!t)
            return u"erreur: "_s + t.error().message();
        return *t ? (*t)->label : u"vide"_s;
    }
    QueueService queue(CoreServices& s)
    {
        QueueService q(s);
        q.setClock(f.clock());
        return q;
    }
    VisitService visits(CoreServices& s)
    {
        VisitService v(s);
        v.setClock(f.clock());
        return v;
    }
    Ticket reload(const Ticket& t) { return *queue(*accueil).get(t.id); }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
        accueil = f.as(u"accueil"_s);
        colleague = f.as(u"k.benali"_s);
        supervisor = f.as(u"superviseur"_s);
        QVERIFY(f.deskId(1) > 0 && f.deskId(5) > 0);
        QVERIFY(f.categoryId(u"A"_s) > 0);
    }

    void numberingPerDayAndCategory()
    {
        newDay();
        QCOMPARE(issue(*accueil, u"A"_s).label, u"A001"_s);
        QCOMPARE(issue(*accueil, u"A"_s).label, u"A002"_s);
        QCOMPARE(issue(*accueil, u"B"_s).label, u"B001"_s);
        QCOMPARE(issue(*colleague, u"A"_s).label, u"A003"_s);
        const Ticket waiting = issue(*accueil, u"E"_s);
        QCOMPARE(waiting.label, u"E001"_s);
        QCOMPARE(waiting.day, f.now.date());

        // Next day: numbering restarts, yesterday's waiting tickets are not called any more.
        f.now = f.now.addDays(1);
        QCOMPARE(issue(*accueil, u"A"_s).label, u"A001"_s);
        QCOMPARE(issue(*accueil, u"E"_s).label, u"E001"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        const Result<QList<Ticket>> left = queue(*supervisor).waiting(0);
        QVERIFY(left.ok());
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->at(0).label, u"E001"_s);
        QCOMPARE(left->at(0).day, f.now.date());
        // Issued after midnight: a new day for the numbering even without a restart.
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_tickets WHERE label = 'A001'"_s).toInt(), 2);
    }

    void callOrderPriorityAppointmentsArrival()
    {
        newDay(QTime(9, 0));
        const qint64 citizen = f.addCitizen(u"Martin"_s, u"Claire"_s, u"06 11 22 33 44"_s);
        Appointment soon;
        soon.citizenId = citizen;
        soon.serviceId = f.serviceId(u"formalites"_s);
        soon.startAt = QDateTime(f.now.date(), QTime(9, 20));
        soon.durationMinutes = 20;
        Appointment lateAppointment = soon;
        lateAppointment.startAt = QDateTime(f.now.date(), QTime(11, 0));
        const Result<Appointment> a1 = accueil->appointments().book(soon);
        QVERIFY2(a1.ok(), qPrintable(a1.error().toString()));
        const Result<Appointment> a2 = accueil->appointments().book(lateAppointment);
        QVERIFY2(a2.ok(), qPrintable(a2.error().toString()));

        issue(*accueil, u"A"_s);                 // A001 9:00
        later(60);
        issue(*accueil, u"A"_s);                 // A002 9:01
        later(60);
        const Ticket early = issue(*accueil, u"R"_s, 0, a2->id);  // R001, appointment at 11:00
        later(60);
        const Ticket rdv = issue(*accueil, u"R"_s, 0, a1->id);    // R002, appointment at 9:20
        QCOMPARE(rdv.citizenId, citizen);
        QCOMPARE(early.label, u"R001"_s);
        later(60);
        issue(*accueil, u"B"_s, 1);              // B001 prioritaire, 9:04

        // The same appointment cannot be checked in twice.
        const Result<Ticket> again = queue(*accueil).issue({f.categoryId(u"R"_s), 0, a1->id, 0});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), ErrorCode::Duplicate);

        // 9:05 — the 9:20 appointment is within the 15-minute lead: after the priority only.
        later(60);
        const Result<QList<Ticket>> order = queue(*accueil).waiting(f.deskId(1));
        QVERIFY(order.ok());
        QStringList labels;
        for (const Ticket& t : *order)
            labels << t.label;
        QCOMPARE(labels, (QStringList{u"B001"_s, u"R002"_s, u"A001"_s, u"A002"_s, u"R001"_s}));
        // The reason the desk gives for each place follows the same order.
        using Rank = accueil::QueueService::CallRank;
        QList<Rank> ranks;
        for (const Ticket& t : *order)
            ranks << accueil::QueueService::rankOf(t, f.now);
        QCOMPARE(ranks, (QList<Rank>{Rank::Priority, Rank::Appointment, Rank::Arrival, Rank::Arrival, Rank::Arrival}));

        QCOMPARE(callNext(*accueil, 1), u"B001"_s);
        QCOMPARE(callNext(*colleague, 2), u"R002"_s);
        QCOMPARE(callNext(*supervisor, 3), u"A001"_s);
        // 10:50: the 11:00 appointment now passes the remaining walk-in.
        f.now = QDateTime(f.now.date(), QTime(10, 50));
        QCOMPARE(callNext(*f.system, 4), u"R001"_s);
    }

    void oneTicketAtATimePerDesk()
    {
        newDay();
        issue(*accueil, u"A"_s);
        issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        QVERIFY(callNext(*accueil, 1).startsWith(u"erreur: Le Guichet 1 a déjà le ticket A001"_s));
        QCOMPARE(callNext(*accueil, 2), u"A002"_s);
        QCOMPARE(callNext(*accueil, 3), u"vide"_s);
    }

    void holdAndResume()
    {
        newDay();
        const Ticket first = issue(*accueil, u"A"_s);
        issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        Ticket t = reload(first);
        later(30);
        Result<Ticket> started = visits(*accueil).start(t.id, t.version);
        QVERIFY(started.ok());
        QCOMPARE(started->status, TicketStatus::EnCours);
        QCOMPARE(started->serviceStartedAt, f.now);
        later(120);
        Result<Ticket> held = visits(*accueil).hold(started->id, started->version);
        QVERIFY(held.ok());
        QCOMPARE(held->status, TicketStatus::EnPause);
        // The desk may serve someone else meanwhile; nobody else calls the held ticket.
        QCOMPARE(callNext(*accueil, 1), u"A002"_s);
        QCOMPARE(callNext(*colleague, 2), u"vide"_s);
        const Result<QList<Ticket>> atDesk = queue(*accueil).atDesk(f.deskId(1));
        QVERIFY(atDesk.ok());
        QCOMPARE(atDesk->size(), 2);
        // Resumed: the service start is kept (service time counts from the first start).
        later(60);
        const Result<Ticket> resumed = visits(*accueil).start(held->id, held->version);
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->status, TicketStatus::EnCours);
        QCOMPARE(resumed->serviceStartedAt, started->serviceStartedAt);
        // A held ticket cannot be marked absent (the person was there).
        const Ticket current = reload(first);
        QVERIFY(!visits(*accueil).hold(current.id, current.version - 1).ok());
    }

    void transferToDeskKeepsArrivalOrder()
    {
        newDay();
        const Ticket a1 = issue(*accueil, u"A"_s);
        later(60);
        issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        Ticket t = reload(a1);
        const Result<Ticket> moved = visits(*accueil).transferToDesk(t.id, t.version, f.deskId(3), u"Légalisation"_s);
        QVERIFY2(moved.ok(), qPrintable(moved.error().toString()));
        QCOMPARE(moved->status, TicketStatus::Transfere);
        QCOMPARE(moved->targetDeskId, f.deskId(3));
        // Desk 2 does not see it; desk 3 calls it before A002 (it arrived first).
        QCOMPARE(callNext(*colleague, 2), u"A002"_s);
        later(60);
        QCOMPARE(callNext(*supervisor, 3), u"A001"_s);
        const Ticket after = reload(a1);
        QCOMPARE(after.deskId, f.deskId(3));
        QCOMPARE(after.targetDeskId, 0);
        QCOMPARE(after.callCount, 2);
        QVERIFY(after.firstCalledAt < after.calledAt);
        QCOMPARE(after.notes, u"Légalisation"_s);
    }

    void transferToServiceFollowsItsDesks()
    {
        newDay();
        const Ticket t0 = issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        Ticket t = reload(t0);
        // CCAS has its own desk (5): polyvalent desks no longer call the ticket.
        const Result<Ticket> toCcas = visits(*accueil).transferToService(t.id, t.version, f.serviceId(u"ccas"_s));
        QVERIFY(toCcas.ok());
        QCOMPARE(callNext(*colleague, 2), u"vide"_s);
        QCOMPARE(callNext(*supervisor, 5), u"A001"_s);
        // Logement has no desk: any polyvalent desk takes it, not the CCAS desk.
        t = reload(t0);
        const Result<Ticket> toLogement
            = visits(*supervisor).transferToService(t.id, t.version, f.serviceId(u"logement"_s));
        QVERIFY(toLogement.ok());
        QCOMPARE(callNext(*supervisor, 5), u"vide"_s);
        QCOMPARE(callNext(*colleague, 2), u"A001"_s);
        // C tickets (action sociale) go straight to the CCAS desk.
        issue(*accueil, u"C"_s);
        QCOMPARE(callNext(*f.system, 4), u"vide"_s);
        QCOMPARE(callNext(*supervisor, 5), u"C001"_s);
        QCOMPARE(callNext(*supervisor, 5), u"erreur: Le Guichet CCAS a déjà le ticket C001 en cours : clôturez-le, "
                                               u"mettez-le en pause ou marquez-le absent avant d'appeler le suivant."_s);
    }

    void absentAndLeft()
    {
        newDay();
        const Ticket a1 = issue(*accueil, u"A"_s);
        const Ticket a2 = issue(*accueil, u"A"_s);
        const Ticket a3 = issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        later(120);
        Ticket t = reload(a1);
        const Result<Ticket> absent = visits(*accueil).markAbsent(t.id, t.version);
        QVERIFY(absent.ok());
        QCOMPARE(absent->status, TicketStatus::Absent);
        // Left before being called: out of the queue.
        t = reload(a2);
        QVERIFY(visits(*accueil).markLeft(t.id, t.version).ok());
        QCOMPARE(callNext(*accueil, 1), u"A003"_s);
        t = reload(a3);
        QVERIFY(visits(*accueil).markAbsent(t.id, t.version).ok());
        QCOMPARE(callNext(*accueil, 1), u"vide"_s);
        // The absent citizen turns up: the desk calls that ticket again.
        const Result<Ticket> recalled = queue(*accueil).call(a1.id, f.deskId(1));
        QVERIFY2(recalled.ok(), qPrintable(recalled.error().toString()));
        QCOMPARE(recalled->status, TicketStatus::Appele);
        QCOMPARE(recalled->callCount, 2);
        // A ticket whose holder left cannot be called.
        const Result<Ticket> gone = queue(*colleague).call(a2.id, f.deskId(2));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), ErrorCode::Conflict);
        // Waiting time is measured to the first call; the absent ticket ended at its mark.
        QCOMPARE(reload(a2).status, TicketStatus::Parti);
        QCOMPARE(reload(a1).waitingSeconds(f.now), 0);
    }

    void closeLogsTheVisitContact()
    {
        newDay(QTime(10, 0));
        const qint64 citizen = f.addCitizen(u"Durand"_s, u"Hélène"_s);
        const Ticket t0 = issue(*accueil, u"A"_s);
        later(300);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        later(20);
        Ticket t = reload(t0);
        Result<Ticket> r = visits(*accueil).setCitizen(t.id, t.version, citizen);
        QVERIFY(r.ok());
        QCOMPARE(r->status, TicketStatus::EnCours);  // identifying the person starts the service
        const QDateTime serviceStart = f.now;
        const qint64 pacs = f.motiveId(u"etat-civil.pacs"_s);
        const qint64 naissance = f.motiveId(u"etat-civil.acte-naissance"_s);
        r = visits(*accueil).setMotives(r->id, r->version, {pacs, naissance, pacs});
        QVERIFY(r.ok());
        QCOMPARE(r->motiveIds, (QList<qint64>{pacs, naissance}));

        // Invalid closing: nothing saved.
        later(240);
        VisitService::Closing bad;
        bad.outcome = ContactOutcome::Oriente;
        const Result<Ticket> refused = visits(*accueil).close(r->id, r->version, bad);
        QVERIFY(!refused.ok());
        QCOMPARE(reload(t0).status, TicketStatus::EnCours);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM contacts WHERE citizen_id = %1"_s.arg(citizen)).toInt(), 0);

        VisitService::Closing closing;
        closing.outcome = ContactOutcome::Oriente;
        closing.orientedServiceId = f.serviceId(u"etat-civil"_s);
        closing.summary = u"Dossier PACS remis"_s;
        const Result<Ticket> closed = visits(*accueil).close(r->id, r->version, closing);
        QVERIFY2(closed.ok(), qPrintable(closed.error().toString()));
        QCOMPARE(closed->status, TicketStatus::Clos);
        QCOMPARE(closed->outcome, u"oriente"_s);
        QVERIFY(closed->contactId > 0);
        QCOMPARE(closed->waitingSeconds(f.now), 300);
        QCOMPARE(closed->serviceSeconds(f.now), 240);

        const Result<Contact> contact = accueil->contacts().get(closed->contactId);
        QVERIFY(contact.ok());
        QCOMPARE(contact->channel, ContactChannel::Visite);
        QCOMPARE(contact->citizenId, citizen);
        QCOMPARE(contact->motiveThemeId, pacs);
        QCOMPARE(contact->outcome, ContactOutcome::Oriente);
        QCOMPARE(contact->orientedServiceId, f.serviceId(u"etat-civil"_s));
        QCOMPARE(contact->startedAt, serviceStart);
        QCOMPARE(contact->endedAt, f.now);
        QCOMPARE(contact->agentId, f.identity(u"accueil"_s).id);
        QVERIFY(contact->summary.contains(u"Dossier PACS remis"_s));
        QVERIFY(contact->summary.contains(u"Copie ou extrait d'acte de naissance"_s));
        QVERIFY(contact->summary.contains(u"A001"_s));
        // The contact is what the 360° page and the indicators count.
        ContactFilter filter;
        filter.citizenId = citizen;
        filter.channel = ContactChannel::Visite;
        QCOMPARE(*accueil->contacts().count(filter), 1);
        // A closed ticket is closed.
        QVERIFY(!visits(*accueil).close(closed->id, closed->version, closing).ok());
    }

    void closeWithAppointmentAndCallback()
    {
        newDay(QTime(14, 0));
        const qint64 citizen = f.addCitizen(u"Petit"_s, u"Louis"_s, u"01 41 23 80 00"_s);
        Appointment a;
        a.citizenId = citizen;
        a.serviceId = f.serviceId(u"formalites"_s);
        a.startAt = QDateTime(f.now.date(), QTime(14, 10));
        a.motiveThemeId = f.motiveId(u"formalites.legalisation"_s);
        const Result<Appointment> booked = accueil->appointments().book(a);
        QVERIFY2(booked.ok(), qPrintable(booked.error().toString()));
        const Ticket t0 = issue(*accueil, u"R"_s, 0, booked->id);
        QCOMPARE(t0.motiveIds, QList<qint64>{a.motiveThemeId});
        QCOMPARE(t0.serviceId, a.serviceId);
        QCOMPARE(callNext(*accueil, 2), u"R001"_s);
        Ticket t = reload(t0);
        later(600);
        VisitService::Closing closing;
        closing.outcome = ContactOutcome::RappelPrevu;
        closing.callbackDueAt = f.now.addSecs(3600);
        closing.summary = u"Rappeler pour la date de retrait"_s;
        const Result<Ticket> closed = visits(*accueil).close(t.id, t.version, closing);
        QVERIFY2(closed.ok(), qPrintable(closed.error().toString()));
        QCOMPARE(accueil->appointments().get(booked->id)->status, AppointmentStatus::Honoured);
        CallbackService callbacks(*accueil);
        callbacks.setClock(f.clock());
        const Result<QList<CallbackTask>> tasks = callbacks.ofCitizen(citizen);
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->size(), 1);
        QCOMPARE(tasks->at(0).phone, u"+33141238000"_s);
        QCOMPARE(tasks->at(0).originContactId, closed->contactId);
        QCOMPARE(tasks->at(0).assignedAgentId, f.identity(u"accueil"_s).id);
    }

    void staleVersionAndOwnership()
    {
        newDay();
        const Ticket t0 = issue(*accueil, u"A"_s);
        QCOMPARE(callNext(*accueil, 1), u"A001"_s);
        const Ticket t = reload(t0);
        QVERIFY(visits(*accueil).start(t.id, t.version).ok());
        const Result<Ticket> stale = visits(*accueil).hold(t.id, t.version);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        // Another agent d'accueil cannot act on it; the supervisor can.
        const Ticket now = reload(t0);
        const Result<Ticket> other = visits(*colleague).hold(now.id, now.version);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(visits(*supervisor).hold(now.id, now.version).ok());
        // History: issue, call, start, hold.
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_ticket_events WHERE ticket_id = %1"_s.arg(t0.id)).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestQueueRules)
#include "TestQueueRules.moc"
