#include "RelationFixture.h"

#include <QTest>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

class TestAppointments : public QObject
{
    Q_OBJECT

private:
    struct Setup
    {
        RelationFixture f;
        qint64 service = 0;
        qint64 agent = 0;
        qint64 other = 0;
        qint64 citizen = 0;
        Setup()
        {
            service = f.service(u"Service Logement"_s);
            agent = f.agent(u"logement1"_s, Role::AgentService, service);
            other = f.agent(u"logement2"_s, Role::AgentService, service);
            citizen = f.citizen(u"Lefèvre"_s, u"Anne"_s);
            f.appointments.setClock([] { return QDateTime(QDate(2026, 11, 20), QTime(9, 0)); });
        }
        Appointment at(const QDateTime& start, int minutes, qint64 agentId) const
        {
            Appointment a;
            a.citizenId = citizen;
            a.serviceId = service;
            a.agentId = agentId;
            a.startAt = start;
            a.durationMinutes = minutes;
            a.motive = u"Dépôt de demande de logement social"_s;
            return a;
        }
    };

private Q_SLOTS:
    void bookAndList()
    {
        Setup s;
        const QDateTime monday(QDate(2026, 11, 23), QTime(10, 0));
        auto booked = s.f.appointments.book(s.at(monday, 30, s.agent));
        QVERIFY2(booked, qPrintable(booked.error().toString()));
        QCOMPARE(booked->status, AppointmentStatus::Planned);
        QCOMPARE(booked->endAt(), monday.addSecs(1800));
        QVERIFY(s.f.appointments.book(s.at(monday.addSecs(3600), 30, s.agent)));
        QVERIFY(s.f.appointments.book(s.at(monday.addDays(1), 30, s.agent)));
        auto day = s.f.appointments.listByDay(QDate(2026, 11, 23));
        QCOMPARE(day->size(), 2);
        QCOMPARE(day->first().startAt, monday);
        QCOMPARE(s.f.appointments.listByDay(QDate(2026, 11, 23), 0, s.other)->size(), 0);
        QCOMPARE(s.f.appointments.listByCitizen(s.citizen)->size(), 3);
        QCOMPARE(s.f.appointments.listByService(s.service, monday, monday.addDays(7))->size(), 3);
        QCOMPARE(appointmentStatusLabel(AppointmentStatus::NoShow), u"Absent"_s);
    }

    void doubleBookingRefused()
    {
        Setup s;
        const QDateTime ten(QDate(2026, 11, 23), QTime(10, 0));
        QVERIFY(s.f.appointments.book(s.at(ten, 45, s.agent)));
        // Overlaps: starts inside, ends inside, covers.
        for (const auto& [start, minutes] : { std::pair { ten.addSecs(15 * 60), 30 },
                 std::pair { ten.addSecs(-15 * 60), 30 }, std::pair { ten.addSecs(-30 * 60), 120 } }) {
            auto refused = s.f.appointments.book(s.at(start, minutes, s.agent));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code(), ErrorCode::Conflict);
            QVERIFY2(refused.error().message().contains(u"10:00"_s), qPrintable(refused.error().message()));
        }
        // Back to back is fine, and another agent may take the same slot.
        QVERIFY(s.f.appointments.book(s.at(ten.addSecs(45 * 60), 15, s.agent)));
        QVERIFY(s.f.appointments.book(s.at(ten, 45, s.other)));
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM appointments"_s), 3);
    }

    void cancellationFreesTheSlot()
    {
        Setup s;
        const QDateTime slot(QDate(2026, 11, 24), QTime(14, 0));
        auto first = s.f.appointments.book(s.at(slot, 30, s.agent));
        QVERIFY(!s.f.appointments.book(s.at(slot, 30, s.agent)));
        auto cancelled = s.f.appointments.cancel(first->id, first->version, u"Empêchement de l'usager"_s);
        QVERIFY2(cancelled, qPrintable(cancelled.error().toString()));
        QCOMPARE(cancelled->status, AppointmentStatus::Cancelled);
        QCOMPARE(cancelled->cancelReason, u"Empêchement de l'usager"_s);
        QVERIFY(s.f.appointments.book(s.at(slot, 30, s.agent)));
        QCOMPARE(
            s.f.appointments.cancel(first->id, cancelled->version, {}).error().code(), ErrorCode::Validation);
        QCOMPARE(s.f.appointments.cancel(first->id, first->version, {}).error().code(), ErrorCode::Conflict);
        QCOMPARE(s.f.appointments.setStatus(first->id, cancelled->version, AppointmentStatus::Honoured)
                     .error()
                     .code(),
            ErrorCode::Validation);
    }

    void rescheduleChecksTheSlot()
    {
        Setup s;
        const QDateTime nine(QDate(2026, 11, 25), QTime(9, 0));
        auto a = s.f.appointments.book(s.at(nine, 30, s.agent));
        auto b = s.f.appointments.book(s.at(nine.addSecs(3600), 30, s.agent));
        QCOMPARE(s.f.appointments.reschedule(b->id, b->version, nine.addSecs(600), 30).error().code(),
            ErrorCode::Conflict);
        auto moved = s.f.appointments.reschedule(b->id, b->version, nine.addSecs(1800), 30);
        QVERIFY2(moved, qPrintable(moved.error().toString()));
        QCOMPARE(moved->startAt, nine.addSecs(1800));
        auto honoured = s.f.appointments.setStatus(a->id, a->version, AppointmentStatus::Honoured);
        QCOMPARE(honoured->status, AppointmentStatus::Honoured);
    }

    void slotRules()
    {
        Setup s;
        // Sunday, after closing time, across closing time, in the past, too long.
        const QList<std::pair<QDateTime, int>> refused = {
            { QDateTime(QDate(2026, 11, 29), QTime(10, 0)), 30 },
            { QDateTime(QDate(2026, 11, 23), QTime(18, 30)), 30 },
            { QDateTime(QDate(2026, 11, 23), QTime(17, 45)), 30 },
            { QDateTime(QDate(2026, 11, 19), QTime(10, 0)), 30 },
            { QDateTime(QDate(2026, 11, 23), QTime(9, 0)), 600 },
        };
        for (const auto& [start, minutes] : refused) {
            auto r = s.f.appointments.book(s.at(start, minutes, s.agent));
            QVERIFY2(!r, qPrintable(start.toString()));
            QCOMPARE(r.error().code(), ErrorCode::Validation);
        }
        Appointment noCitizen = s.at(QDateTime(QDate(2026, 11, 23), QTime(10, 0)), 30, 0);
        noCitizen.citizenId = 0;
        QVERIFY(!s.f.appointments.book(noCitizen).error().fieldMessage(u"citizenId"_s).isEmpty());
        // Thursday evening opening (until 19:00) is bookable.
        QVERIFY(s.f.appointments.book(s.at(QDateTime(QDate(2026, 11, 26), QTime(18, 30)), 30, 0)));
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM appointments"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestAppointments)
#include "TestAppointments.moc"
