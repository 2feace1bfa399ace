// The Accueil demo (first start of the desk, `iris-cli demo seed`): today's queue with
// arrivals over the last 45 minutes, one priority, one visitor already at desk 2, three
// callbacks (one late), an inbox of courriels matched to citizens by address, and the
// post register with real PDF scans — each once, however often the seeding runs.
#include "core/services/CitizenService.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/mail/CourrielSchema.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailPermissions.h"
#include "modules/accueil/mail/MailDemo.h"
#include "modules/accueil/post/PostDemo.h"
#include "modules/accueil/post/PostPermissions.h"
#include "modules/accueil/post/PostSchema.h"
#include "modules/accueil/post/PostService.h"
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
        // The e-mail and post features' own schemas and permissions, as the module adds them.
        declareMailPermissions(*f.permissions);
        declarePostPermissions(*f.permissions);
        MigrationRunner features;
        registerCourrielSchema(features);
        features.add(PostSchemaOwner, postMigrations());
        const Result<void> migrated = features.run(*f.db);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));
        for (int i = 0; i < 12; ++i) {
            Citizen c;
            c.nomUsage = u"Démo%1"_s.arg(QChar(u'A' + i));
            c.prenoms = u"Camille"_s;
            c.phone = u"06 12 34 56 %1"_s.arg(10 + i);
            c.email = u"camille.demo%1@courriel.example"_s.arg(i);
            c.address = {u"%1 rue du Général Leclerc"_s.arg(i + 1), QString(), u"92130"_s, u"Issy-les-Moulineaux"_s};
            const Result<Citizen> created = f.system->citizens().create(c);
            QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        }
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
        // Twelve counter desks, as at IRIS.
        const Result<QList<Desk>> desks = CounterSetup(*f.system).desks(true);
        QVERIFY(desks);
        QCOMPARE(desks->size(), 12);
        QCOMPARE(desks->last().number, 12);
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

    void seededJustAfterMidnightStaysOnThatDay()
    {
        // Ten minutes past midnight: the 45 minutes of arrivals must not fall on the day
        // before (the desk-2 call was refused as "not a ticket of today").
        const QDateTime now(QDate(2026, 3, 11), QTime(0, 10));
        const Result<QString> summary = AccueilDemo::seed(*f.system, now);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(*summary, u"Accueil : 8 tickets dans la file du jour, 3 rappels téléphoniques"_s);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_tickets WHERE day = '2026-03-11'"_s).toInt(), 8);
    }

    void seedsTheInboxOnce()
    {
        const QDateTime now(QDate(2026, 3, 10), QTime(10, 30));
        const Result<QString> summary = MailDemo::seed(*f.system, now);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        QCOMPARE(*summary, u"Courriels : 6 messages reçus à traiter"_s);

        CourrielService courriels(*f.system);
        courriels.setClock([now] { return now; });
        const Result<QList<Courriel>> all = courriels.list({});
        QVERIFY(all);
        QCOMPARE(all->size(), 6);
        int matched = 0;
        int overdue = 0;
        int withAttachment = 0;
        for (const Courriel& c : *all) {
            QVERIFY2(!c.malformed, qPrintable(c.subject));
            matched += c.citizenId > 0 ? 1 : 0;
            overdue += c.isOverdue(now) ? 1 : 0;
            const Result<Courriel> full = courriels.get(c.id);
            QVERIFY(full);
            withAttachment += full->attachments.isEmpty() ? 0 : 1;
            QVERIFY2(!full->bodyText.isEmpty(), qPrintable(c.subject));
        }
        QCOMPARE(matched, 5);  // every message but the unknown sender's
        QCOMPARE(overdue, 1);  // received 8 days ago, 5 working days to answer
        QCOMPARE(withAttachment, 1);
        // The Latin-1 message reads as the citizen wrote it.
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_courriels WHERE subject = 'Problème de stationnement résidentiel'"_s)
                     .toInt(),
                 1);

        const Result<QString> again = MailDemo::seed(*f.system, now);
        QVERIFY(again);
        QCOMPARE(*again, QString());
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_courriels"_s).toInt(), 6);
    }

    void seedsThePostRegisterOnce()
    {
        const QDateTime now(QDate(2026, 3, 10), QTime(10, 30));
        const Result<QString> summary = PostDemo::seed(*f.system, now);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
        // No organisation in this database: the association's letter is left out.
        QCOMPARE(*summary, u"Courrier : 4 lettres au registre"_s);

        PostService post(*f.system);
        post.setClock([now] { return now; });
        PostFilter everything;
        everything.scope = OverdueQuery::Scope::All;
        const Result<QList<PostLetter>> letters = post.list(everything);
        QVERIFY(letters);
        QCOMPARE(letters->size(), 4);
        int overdue = 0;
        for (const PostLetter& l : *letters) {
            QVERIFY(l.reference.startsWith(u"2026-"_s));
            QVERIFY(l.assignedServiceId > 0);
            overdue += l.isOverdue(now.date()) ? 1 : 0;
        }
        QCOMPARE(overdue, 1);  // received 27 days ago, 15 working days to answer
        // Each scan is a PDF poppler can read.
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_post_documents"_s).toInt(), 4);
        QVERIFY(PostService::checkPdf({u"scan.pdf"_s, PostDemo::onePagePdf("Essai")}, 1 << 20));

        const Result<QString> again = PostDemo::seed(*f.system, now);
        QVERIFY(again);
        QCOMPARE(*again, QString());
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM accueil_post_letters"_s).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestAccueilDemo)
#include "TestAccueilDemo.moc"
