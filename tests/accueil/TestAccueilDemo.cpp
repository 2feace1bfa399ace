// The counter's demo day (first start of the desk, `iris-cli demo seed`): today's queue
// with arrivals over the last 45 minutes, one priority, one visitor already at desk 2,
// and three callbacks, one of them late — once, however often the seeding runs.
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/AccueilDemo.h"
#include "tests/accueil/AccueilFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestAccueilDemo : public QObject
{
    Q_OBJECT

    test::AccueilFixture f;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
        for (int i = 0; i < 12; ++i)
            QVERIFY(f.addCitizen(u"Démo%1"_s.arg(QChar(u'A' + i)), u"Camille"_s,
                                 u"06 12 34 56 %1"_s.arg(10 + i)) > 0);
    }

    void seedsTodaysQueueAndCallbacksOnce()
    {
        const QDateTime now(QDate(2026, 3, 10), QTime(10, 30));
        const Result<QString> summary = AccueilDemo::seed(*f.system, now);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(*summary, u"Accueil : 8 tickets dans la file du jour, 3 rappels téléphoniques"_s);

        QueueService queue(*f.system);
        queue.setClock([now] { return now; });
        const Result<QList<Ticket>> waiting = queue.waiting(0);
        QVERIFY(waiting);
        QCOMPARE(waiting->size(), 7);
        QCOMPARE(waiting->first().label, u"A002"_s);  // the priority one is called first
        QVERIFY(waiting->first().priority > 0);
        for (const Ticket& t : *waiting)
            QVERIFY(t.issuedAt <= now && t.issuedAt >= now.addSecs(-45 * 60));
        const Result<QList<Ticket>> atDesk2 = queue.atDesk(f.deskId(2));
        QVERIFY(atDesk2);
        QCOMPARE(atDesk2->size(), 1);
        QCOMPARE(atDesk2->first().label, u"A001"_s);
        QVERIFY(atDesk2->first().citizenId > 0);

        CallbackService callbacks(*f.system);
        callbacks.setClock([now] { return now; });
        OverdueQuery all;
        all.scope = OverdueQuery::Scope::All;
        const Result<QList<CallbackTask>> open = callbacks.open(all);
        QVERIFY(open);
        QCOMPARE(open->size(), 3);
        QVERIFY(open->at(0).isOverdue(now));
        QVERIFY(!open->at(1).isOverdue(now) && !open->at(2).isOverdue(now));
        QVERIFY(open->at(2).assignedServiceId == f.serviceId(u"logement"_s));

        // A second run (the desk restarted on a demo base) adds nothing.
        const Result<QString> again = AccueilDemo::seed(*f.system, now);
        QVERIFY(again);
        QCOMPARE(*again, QString());
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_tickets"_s).toInt(), 8);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_callbacks"_s).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestAccueilDemo)
#include "TestAccueilDemo.moc"
