#include "RelationFixture.h"

#include <QTest>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

class TestContacts : public QObject
{
    Q_OBJECT

private:
    static Contact contact(qint64 motive, const QDateTime& start, qint64 citizen = 0)
    {
        Contact c;
        c.channel = ContactChannel::Telephone;
        c.startedAt = start;
        c.endedAt = start.addSecs(240);
        c.motiveThemeId = motive;
        c.citizenId = citizen;
        c.summary = u"Demande d'acte de naissance"_s;
        return c;
    }

private Q_SLOTS:
    void logAndRead()
    {
        RelationFixture f;
        const qint64 iris = f.service(u"IRIS"_s);
        const qint64 ec = f.service(u"État civil"_s);
        const qint64 theme = f.motive(u"État civil"_s, 0, ec);
        const qint64 leaf = f.motive(u"Acte de naissance"_s, theme, ec);
        const qint64 agent = f.agent(u"tel1"_s, Role::Teleconseiller, iris);
        const qint64 citizen = f.citizen(u"Dupont"_s, u"Hélène"_s);

        Contact c = contact(leaf, QDateTime(QDate(2026, 3, 2), QTime(9, 15)), citizen);
        c.agentId = agent;
        c.serviceId = iris;
        c.outcome = ContactOutcome::Oriente;
        c.orientedServiceId = ec;
        auto logged = f.contacts.log(c);
        QVERIFY2(logged, qPrintable(logged.error().toString()));
        QVERIFY(logged->id > 0);
        auto back = f.contacts.get(logged->id);
        QVERIFY(back);
        QCOMPARE(back->channel, ContactChannel::Telephone);
        QCOMPARE(back->outcome, ContactOutcome::Oriente);
        QCOMPARE(back->orientedServiceId, ec);
        QCOMPARE(back->citizenId, citizen);
        QCOMPARE(back->startedAt, c.startedAt);
        QCOMPARE(back->durationSeconds(), 240);
        QCOMPARE(back->summary, c.summary);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE entity_kind = 'contact'"_s), 1);
        QCOMPARE(contactChannelLabel(ContactChannel::Telephone), u"Téléphone"_s);
        QCOMPARE(contactOutcomeLabel(ContactOutcome::Oriente), u"Orienté vers un service"_s);
    }

    void validationSavesNothing()
    {
        RelationFixture f;
        const qint64 theme = f.motive(u"Information"_s);
        Contact noMotive = contact(0, QDateTime::currentDateTime().addSecs(-60));
        auto r = f.contacts.log(noMotive);
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::Validation);
        QVERIFY(!r.error().fieldMessage(u"motiveThemeId"_s).isEmpty());

        Contact oriented = contact(theme, QDateTime::currentDateTime().addSecs(-60));
        oriented.outcome = ContactOutcome::Oriente;
        QVERIFY(!f.contacts.log(oriented).error().fieldMessage(u"orientedServiceId"_s).isEmpty());

        Contact callback = contact(theme, QDateTime::currentDateTime().addSecs(-60));
        callback.outcome = ContactOutcome::RappelPrevu;
        QVERIFY(!f.contacts.log(callback).error().fieldMessage(u"callbackDueAt"_s).isEmpty());
        callback.callbackDueAt = callback.startedAt.addDays(-1);
        QVERIFY(!f.contacts.log(callback).error().fieldMessage(u"callbackDueAt"_s).isEmpty());

        Contact future = contact(theme, QDateTime::currentDateTime().addDays(2));
        QVERIFY(!f.contacts.log(future).error().fieldMessage(u"startedAt"_s).isEmpty());

        Contact backwards = contact(theme, QDateTime::currentDateTime().addSecs(-600));
        backwards.endedAt = backwards.startedAt.addSecs(-5);
        QVERIFY(!f.contacts.log(backwards).error().fieldMessage(u"endedAt"_s).isEmpty());

        Contact ghost = contact(theme, QDateTime::currentDateTime().addSecs(-60), 424242);
        QVERIFY(!f.contacts.log(ghost).error().fieldMessage(u"citizenId"_s).isEmpty());

        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM contacts"_s), 0);
    }

    void defaultsFromTheSession()
    {
        RelationFixture admin;
        const qint64 iris = admin.service(u"IRIS"_s);
        const qint64 agentId = admin.agent(u"guichet"_s, Role::AgentAccueil, iris);
        const qint64 theme = admin.motive(u"Information"_s);
        // A session of that agent on the same file.
        Session counter(AgentIdentity { agentId, u"guichet"_s, u"Guichet"_s, Role::AgentAccueil, iris },
            admin.permissions);
        AuditLog audit(admin.db, counter);
        ContactService contacts(admin.db, counter, audit);
        Contact quick = contact(theme, QDateTime::currentDateTime().addSecs(-30));
        quick.channel = ContactChannel::Visite;
        auto logged = contacts.log(quick);
        QVERIFY2(logged, qPrintable(logged.error().toString()));
        QCOMPARE(logged->agentId, agentId);
        QCOMPARE(logged->serviceId, iris);
        QCOMPARE(logged->citizenId, 0); // anonymous quick answer
    }

    void listsByCitizenServiceAgentAndDates()
    {
        RelationFixture f;
        const qint64 a = f.service(u"IRIS"_s);
        const qint64 b = f.service(u"CCAS"_s);
        const qint64 agentA = f.agent(u"a1"_s, Role::AgentAccueil, a);
        const qint64 agentB = f.agent(u"b1"_s, Role::TravailleurSocial, b);
        const qint64 theme = f.motive(u"Social"_s);
        const qint64 alice = f.citizen(u"Martin"_s, u"Alice"_s);
        const qint64 bob = f.citizen(u"Bernard"_s, u"Bob"_s);
        const QDateTime t0(QDate(2025, 6, 2), QTime(9, 0));
        for (int i = 0; i < 10; ++i) {
            Contact c = contact(theme, t0.addDays(i), i % 2 ? bob : alice);
            c.agentId = i < 6 ? agentA : agentB;
            c.serviceId = i < 6 ? a : b;
            c.channel = i % 3 == 0 ? ContactChannel::Visite : ContactChannel::Courriel;
            QVERIFY(f.contacts.log(c));
        }
        auto alices = f.contacts.listByCitizen(alice);
        QCOMPARE(alices->size(), 5);
        QCOMPARE(alices->first().startedAt, t0.addDays(8)); // newest first
        QCOMPARE(alices->last().startedAt, t0);
        ContactFilter byService;
        byService.serviceId = b;
        QCOMPARE(f.contacts.list(byService)->size(), 4);
        ContactFilter byAgent;
        byAgent.agentId = agentA;
        QCOMPARE(*f.contacts.count(byAgent), 6);
        ContactFilter range;
        range.from = t0.addDays(2);
        range.to = t0.addDays(5); // exclusive
        QCOMPARE(*f.contacts.count(range), 3);
        range.citizenId = bob;
        QCOMPARE(*f.contacts.count(range), 1);
        ContactFilter visits;
        visits.channel = ContactChannel::Visite;
        QCOMPARE(*f.contacts.count(visits), 4);
        ContactFilter page;
        page.limit = 3;
        page.offset = 3;
        auto second = f.contacts.list(page);
        QCOMPARE(second->size(), 3);
        QCOMPARE(second->first().startedAt, t0.addDays(6));

        // The per-citizen list is answered from the index, not by scanning contacts.
        const QString details
            = explainPlan(*f.db, u"SELECT id FROM contacts WHERE citizen_id = 1 ORDER BY started_at DESC"_s);
        QVERIFY2(details.contains(u"contacts_citizen"_s), qPrintable(details));
    }

    void readNeedsPermissionAndUpdateDetectsConflicts()
    {
        RelationFixture f;
        const qint64 theme = f.motive(u"Information"_s);
        auto logged = f.contacts.log(contact(theme, QDateTime::currentDateTime().addSecs(-120)));
        QVERIFY(logged);
        Contact first = *logged;
        first.summary = u"Corrigé"_s;
        QVERIFY(f.contacts.update(first));
        Contact stale = *logged;
        stale.summary = u"Écrasement"_s;
        QCOMPARE(f.contacts.update(stale).error().code(), ErrorCode::Conflict);
        QCOMPARE(f.contacts.get(logged->id)->summary, u"Corrigé"_s);
    }

    void motiveTree()
    {
        RelationFixture f;
        const qint64 ec = f.service(u"État civil"_s);
        MotiveTheme root;
        root.label = u"État civil"_s;
        root.code = u"etat-civil"_s;
        root.defaultServiceId = ec;
        root.sortOrder = 2;
        auto r1 = f.contacts.createMotiveTheme(root);
        QVERIFY(r1);
        const qint64 info = f.motive(u"Information"_s); // sort 0: first
        MotiveTheme child;
        child.label = u"PACS"_s;
        child.parentId = r1->id;
        auto pacs = f.contacts.createMotiveTheme(child);
        QVERIFY(pacs);
        child.label = u"Acte de naissance"_s;
        auto acte = f.contacts.createMotiveTheme(child);
        QVERIFY(acte);

        QStringList order;
        const auto tree = f.contacts.motiveThemes();
        for (const MotiveTheme& t : *tree)
            order << t.label;
        QCOMPARE(
            order, (QStringList { u"Information"_s, u"État civil"_s, u"Acte de naissance"_s, u"PACS"_s }));
        QCOMPARE(f.contacts.motiveThemeByCode(u"etat-civil"_s)->id, r1->id);

        // No cycles: the root cannot move under its own child.
        MotiveTheme loop = *r1;
        loop.parentId = pacs->id;
        auto refused = f.contacts.updateMotiveTheme(loop);
        QVERIFY(!refused);
        QVERIFY(!refused.error().fieldMessage(u"parentId"_s).isEmpty());
        // Duplicate code refused.
        MotiveTheme dup;
        dup.label = u"Autre"_s;
        dup.code = u"etat-civil"_s;
        QVERIFY(!f.contacts.createMotiveTheme(dup).error().fieldMessage(u"code"_s).isEmpty());

        // Used or parent: cannot be removed; deactivated instead and hidden from the tree.
        QVERIFY(f.contacts.log(contact(acte->id, QDateTime::currentDateTime().addSecs(-60))));
        QCOMPARE(f.contacts.removeMotiveTheme(r1->id, 1).error().code(), ErrorCode::Conflict);
        QCOMPARE(f.contacts.removeMotiveTheme(acte->id, 1).error().code(), ErrorCode::Conflict);
        MotiveTheme off = *acte;
        off.active = false;
        QVERIFY(f.contacts.updateMotiveTheme(off));
        QCOMPARE(f.contacts.motiveThemes()->size(), 3);
        QCOMPARE(f.contacts.motiveThemes(true)->size(), 4);
        QVERIFY(f.contacts.removeMotiveTheme(info, 1));

        RelationFixture counter(Role::AgentAccueil);
        MotiveTheme t;
        t.label = u"Nouveau"_s;
        QCOMPARE(counter.contacts.createMotiveTheme(t).error().code(), ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestContacts)
#include "TestContacts.moc"
