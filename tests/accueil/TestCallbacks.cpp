// Phone callbacks: when a promised callback falls due, counted in the counter's opening
// time (public holidays, weekends, the summer Saturdays closed, Thursday late opening),
// and the open callbacks listed by due date for the agent, for the service (its own and
// its agents'), and for a supervisor — on a real SQLite file through the real services.
#include "modules/accueil/phone/CallbackOverdueSource.h"
#include "modules/accueil/phone/CallbackSchedule.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/OverdueBoard.h"
#include "tests/accueil/AccueilFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

using Preset = CallbackSchedule::Preset;

class TestCallbacks : public QObject
{
    Q_OBJECT

    static QDateTime at(int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min)); }

    test::AccueilFixture f;

    qint64 schedule(CoreServices& s, const QDateTime& due, qint64 agent, qint64 service, const QString& subject)
    {
        CallbackService callbacks(s);
        callbacks.setClock(f.clock());
        CallbackTask t;
        t.phone = u"06 12 34 56 78"_s;
        t.motiveThemeId = f.motiveId(u"logement.demande"_s);
        t.subject = subject;
        t.dueAt = due;
        t.assignedAgentId = agent;
        t.assignedServiceId = service;
        const Result<CallbackTask> saved = callbacks.schedule(t);
        if (!saved)
            qWarning("schedule: %s", qPrintable(saved.error().toString()));
        return saved ? saved->id : 0;
    }
    static QStringList subjects(const Result<OverdueBoard::Listing>& listing)
    {
        QStringList out;
        if (!listing)
            return {u"erreur: "_s + listing.error().message()};
        for (const OverdueItem& item : listing->items)
            out << item.title;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
    }

    void openingTimeSkipsHolidaysAndWeekends_data()
    {
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<int>("preset");
        QTest::addColumn<QDateTime>("expected");
        // Wednesday 7 May 2025, eve of the 8 May holiday: 30 min today, 90 min on Friday.
        QTest::newRow("2h on the eve of 8 May") << at(2025, 5, 7, 17, 30) << int(Preset::InTwoHours)
                                                << at(2025, 5, 9, 10, 0);
        QTest::newRow("1h within the day") << at(2025, 5, 7, 10, 15) << int(Preset::InOneHour) << at(2025, 5, 7, 11, 15);
        QTest::newRow("1h ending at closing") << at(2025, 5, 9, 17, 0) << int(Preset::InOneHour) << at(2025, 5, 9, 18, 0);
        // Friday evening → Saturday morning (open until noon outside July–August).
        QTest::newRow("1h over to Saturday") << at(2025, 5, 9, 17, 30) << int(Preset::InOneHour) << at(2025, 5, 10, 9, 0);
        // Saturday 11:30 → Sunday closed → Monday.
        QTest::newRow("2h over the weekend") << at(2025, 5, 10, 11, 30) << int(Preset::InTwoHours)
                                             << at(2025, 5, 12, 10, 0);
        // July: Saturday closed, Monday 14 July holiday → Tuesday.
        QTest::newRow("1h over 14 July") << at(2025, 7, 11, 17, 30) << int(Preset::InOneHour) << at(2025, 7, 15, 9, 0);
        // Thursday late opening until 19:00.
        QTest::newRow("1h on a Thursday evening") << at(2025, 5, 15, 18, 30) << int(Preset::InOneHour)
                                                  << at(2025, 5, 16, 9, 0);
        // From a closed moment the count starts at the next opening.
        QTest::newRow("1h from a Sunday") << at(2025, 5, 11, 10, 0) << int(Preset::InOneHour) << at(2025, 5, 12, 9, 30);
        QTest::newRow("1h from before opening") << at(2025, 5, 12, 7, 0) << int(Preset::InOneHour)
                                                << at(2025, 5, 12, 9, 30);
        // Next morning: the day after is 8 May (holiday) → Friday's opening.
        QTest::newRow("next morning over 8 May") << at(2025, 5, 7, 15, 0) << int(Preset::NextMorning)
                                                 << at(2025, 5, 9, 8, 30);
        QTest::newRow("next morning on Friday") << at(2025, 5, 16, 15, 0) << int(Preset::NextMorning)
                                                << at(2025, 5, 17, 8, 30);
        // Two working days skip the holiday and the weekend, same time.
        QTest::newRow("2 working days over 8 May") << at(2025, 5, 7, 14, 0) << int(Preset::TwoWorkingDays)
                                                   << at(2025, 5, 12, 14, 0);
        // Easter Monday 21 April 2025: Thursday → Friday (1), Tuesday (2).
        QTest::newRow("2 working days over Easter") << at(2025, 4, 17, 10, 0) << int(Preset::TwoWorkingDays)
                                                    << at(2025, 4, 22, 10, 0);
        // Thursday 18:30 → Tuesday 15 July 18:30 is after closing → Wednesday's opening.
        QTest::newRow("2 working days, after closing") << at(2025, 7, 10, 18, 30) << int(Preset::TwoWorkingDays)
                                                       << at(2025, 7, 16, 8, 30);
    }
    void openingTimeSkipsHolidaysAndWeekends()
    {
        QFETCH(QDateTime, from);
        QFETCH(int, preset);
        QFETCH(QDateTime, expected);
        QCOMPARE(CallbackSchedule().due(Preset(preset), from), expected);
    }

    void rawOpenMinutes()
    {
        const CallbackSchedule schedule;
        // A whole Thursday of opening (8:30–19:00 = 630 min) from Wednesday's closing.
        QCOMPARE(schedule.addOpenMinutes(at(2025, 5, 14, 18, 0), 630), at(2025, 5, 15, 19, 0));
        QCOMPARE(schedule.addOpenMinutes(at(2025, 5, 14, 18, 0), 631), at(2025, 5, 16, 8, 31));
        // Christmas Thursday 2025 is closed.
        QCOMPARE(schedule.addOpenMinutes(at(2025, 12, 24, 17, 59), 2), at(2025, 12, 26, 8, 31));
        // Nothing open at all: no due time rather than a wrong one.
        OpeningHours closed;
        QVERIFY(!CallbackSchedule(closed).addOpenMinutes(at(2025, 5, 12, 9, 0), 60).isValid());
    }

    void overdueListedForAgentServiceAndSupervisor()
    {
        f.now = at(2025, 3, 10, 9, 0);  // Monday
        auto tele = f.as(u"teleconseil"_s);  // service IRIS
        auto diallo = f.as(u"m.diallo"_s);   // another téléconseiller of IRIS
        auto roux = f.as(u"i.roux"_s);       // agent of the Logement service
        auto supervisor = f.as(u"superviseur"_s);
        const qint64 teleId = f.identity(u"teleconseil"_s).id;
        const qint64 dialloId = f.identity(u"m.diallo"_s).id;
        const qint64 iris = f.serviceId(u"iris"_s);
        const qint64 logement = f.serviceId(u"logement"_s);
        QVERIFY(teleId > 0 && dialloId > 0 && iris > 0 && logement > 0);

        // Scheduled at 9:00 by the téléconseiller, for various people.
        const qint64 mine10 = schedule(*tele, at(2025, 3, 10, 10, 0), teleId, 0, u"T-mine-10h"_s);
        QVERIFY(mine10 > 0);
        QVERIFY(schedule(*tele, at(2025, 3, 10, 9, 30), dialloId, 0, u"D-colleague-9h30"_s) > 0);
        QVERIFY(schedule(*tele, at(2025, 3, 10, 11, 0), 0, logement, u"L-logement-11h"_s) > 0);
        const qint64 irisNoon = schedule(*tele, at(2025, 3, 10, 12, 0), 0, iris, u"S-iris-12h"_s);
        QVERIFY(irisNoon > 0);
        QVERIFY(schedule(*tele, at(2025, 3, 10, 16, 0), teleId, 0, u"T-mine-16h"_s) > 0);
        // A due time already past, or nobody to call back, is refused.
        QCOMPARE(schedule(*tele, at(2025, 3, 10, 8, 0), teleId, 0, u"past"_s), 0);
        QCOMPARE(schedule(*tele, at(2025, 3, 10, 15, 0), 0, 0, u"nobody"_s), 0);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_callbacks"_s).toInt(), 5);

        OverdueBoard board;
        board.add(std::make_shared<CallbackOverdueSource>());
        f.now = at(2025, 3, 10, 13, 0);
        OverdueQuery overdue;
        overdue.dueBefore = f.now;

        // The agent: only their own overdue ones; coming due ones with a later bound.
        overdue.scope = OverdueQuery::Scope::Mine;
        QCOMPARE(subjects(board.list(*tele, overdue)), QStringList({u"T-mine-10h"_s}));
        OverdueQuery today = overdue;
        today.dueBefore = at(2025, 3, 10, 23, 59);
        QCOMPARE(subjects(board.list(*tele, today)), QStringList({u"T-mine-10h"_s, u"T-mine-16h"_s}));
        QCOMPARE(subjects(board.list(*diallo, overdue)), QStringList({u"D-colleague-9h30"_s}));

        // The service: its own and its agents', by due date; not another service's.
        overdue.scope = OverdueQuery::Scope::MyService;
        const QStringList irisOverdue{u"D-colleague-9h30"_s, u"T-mine-10h"_s, u"S-iris-12h"_s};
        QCOMPARE(subjects(board.list(*tele, overdue)), irisOverdue);
        QCOMPARE(subjects(board.list(*diallo, overdue)), irisOverdue);
        QCOMPARE(subjects(board.list(*roux, overdue)), QStringList({u"L-logement-11h"_s}));
        const Result<OverdueBoard::Listing> listing = board.list(*tele, overdue);
        QVERIFY(listing && listing->warnings.isEmpty());
        for (const OverdueItem& item : listing->items) {
            QCOMPARE(item.kind, ids::CallbackKind);
            QVERIFY(item.isOverdue(f.now));
            QVERIFY2(QString(item.detail).remove(u' ').contains(u"612345678"_s), qPrintable(item.detail));
            QVERIFY2(!item.assignee.isEmpty(), qPrintable(item.title));
        }

        // Everyone's: the supervisor only.
        overdue.scope = OverdueQuery::Scope::All;
        QCOMPARE(subjects(board.list(*supervisor, overdue)),
                 QStringList({u"D-colleague-9h30"_s, u"T-mine-10h"_s, u"L-logement-11h"_s, u"S-iris-12h"_s}));
        const Result<OverdueBoard::Listing> denied = board.list(*tele, overdue);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);

        // Done: off the lists; its outgoing call is a contact.
        CallbackService callbacks(*tele);
        callbacks.setClock(f.clock());
        const Result<CallbackTask> task = callbacks.get(mine10);
        QVERIFY(task);
        CallbackService::Completion done;
        done.summary = u"Rappelé, dossier complet"_s;
        const Result<CallbackTask> completed = callbacks.complete(mine10, task->version, done);
        QVERIFY2(completed, completed ? "" : qPrintable(completed.error().toString()));
        QVERIFY(completed->isDone());
        overdue.scope = OverdueQuery::Scope::Mine;
        QCOMPARE(subjects(board.list(*tele, overdue)), QStringList());
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM contacts WHERE channel = 'telephone' AND direction = 'sortant' "
                          u"AND id = %1"_s.arg(completed->doneContactId))
                     .toInt(),
                 1);
        // Another service's agent may not close a callback that is not theirs.
        const Result<CallbackTask> other = CallbackService(*roux).complete(irisNoon, 1, done);
        QVERIFY(!other);
        QCOMPARE(other.error().code(), ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestCallbacks)
#include "TestCallbacks.moc"
