#include "RelationFixture.h"

#include <QRegularExpression>
#include <QTest>
#include <thread>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

namespace {

/// A small acte-request type: reçue → en recherche → prête → délivrée, or refusée.
DossierType acteType(const QString& id = u"test.acte"_s, const QString& prefix = u"EC"_s)
{
    DossierType t;
    t.id = id;
    t.label = u"Demande d'acte"_s;
    t.referencePrefix = prefix;
    t.workflow.state(u"recue"_s, u"Reçue"_s)
        .state(u"recherche"_s, u"En recherche"_s)
        .state(u"prete"_s, u"Prête"_s)
        .state(u"delivree"_s, u"Délivrée"_s, true)
        .state(u"refusee"_s, u"Refusée"_s, true)
        .initial(u"recue"_s)
        .transition(u"recue"_s, u"recherche"_s, u"Rechercher"_s)
        .transition(u"recue"_s, u"refusee"_s, u"Refuser"_s)
        .transition(u"recherche"_s, u"prete"_s, u"Préparer"_s)
        .transition(u"prete"_s, u"delivree"_s, u"Délivrer"_s);
    t.checklist = { { u"Pièce d'identité"_s, true }, { u"Livret de famille"_s, false } };
    t.deadline = DeadlineRule::workingDays(5);
    return t;
}

} // namespace

class TestDossiers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryValidatesTypes()
    {
        DossierTypeRegistry registry;
        QVERIFY(registry.registerType(acteType()));
        QCOMPARE(registry.registerType(acteType()).error().code(), ErrorCode::Duplicate);
        QCOMPARE(registry.registerType(acteType(u"other"_s, u"EC"_s)).error().code(), ErrorCode::Duplicate);
        DossierType badPrefix = acteType(u"x"_s, u"e1"_s);
        QVERIFY(!registry.registerType(badPrefix).error().fieldMessage(u"referencePrefix"_s).isEmpty());
        DossierType noFinal = acteType(u"y"_s, u"YY"_s);
        noFinal.workflow = Workflow()
                               .state(u"a"_s, u"A"_s)
                               .state(u"b"_s, u"B"_s)
                               .initial(u"a"_s)
                               .transition(u"a"_s, u"b"_s);
        QVERIFY(!registry.registerType(noFinal).error().fieldMessage(u"workflow"_s).isEmpty());
        DossierType unknownState = acteType(u"z"_s, u"ZZ"_s);
        unknownState.workflow.transition(u"recue"_s, u"perdue"_s);
        QVERIFY(!registry.registerType(unknownState));
        DossierType fromFinal = acteType(u"w"_s, u"WW"_s);
        fromFinal.workflow.transition(u"delivree"_s, u"recue"_s);
        QVERIFY(!registry.registerType(fromFinal));
        QCOMPARE(registry.typeIds(), QStringList { u"test.acte"_s });
        QCOMPARE(registry.typeByPrefix(u"EC"_s)->id, u"test.acte"_s);
    }

    void referencesPerTypeAndYear()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        QVERIFY(f.types.registerType(acteType(u"test.pacs"_s, u"PACS"_s)));
        QDateTime now(QDate(2026, 12, 31), QTime(16, 0));
        f.dossiers.setClock([&now] { return now; });
        static const QRegularExpression format(u"^EC-2026-\\d{6}$"_s);
        QStringList refs;
        for (int i = 0; i < 3; ++i) {
            Dossier d;
            d.typeId = u"test.acte"_s;
            auto created = f.dossiers.create(d);
            QVERIFY2(created, qPrintable(created.error().toString()));
            QVERIFY2(format.match(created->reference).hasMatch(), qPrintable(created->reference));
            refs << created->reference;
        }
        QCOMPARE(refs, (QStringList { u"EC-2026-000001"_s, u"EC-2026-000002"_s, u"EC-2026-000003"_s }));
        Dossier pacs;
        pacs.typeId = u"test.pacs"_s;
        QCOMPARE(f.dossiers.create(pacs)->reference, u"PACS-2026-000001"_s); // own counter

        // New year: the counter starts again, last year's references stay.
        now = QDateTime(QDate(2027, 1, 1), QTime(0, 5));
        Dossier d;
        d.typeId = u"test.acte"_s;
        auto first2027 = f.dossiers.create(d);
        QCOMPARE(first2027->reference, u"EC-2027-000001"_s);
        QCOMPARE(first2027->year, 2027);
        QCOMPARE(f.dossiers.create(d)->reference, u"EC-2027-000002"_s);
        QCOMPARE(f.dossiers.findByReference(u"ec-2026-000002"_s)->sequence, 2);
        QCOMPARE(f.scalar(u"SELECT COUNT(DISTINCT reference) FROM dossiers"_s), 6);

        Dossier unknown;
        unknown.typeId = u"absent.type"_s;
        QCOMPARE(f.dossiers.create(unknown).error().code(), ErrorCode::NotFound);
    }

    void concurrentCreationsNeverCollide()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        // Two threads, each with its own connection (Database hands one per thread).
        constexpr int perThread = 15;
        QStringList errors[2];
        const auto worker = [&](int index) {
            Session session = Session::system(f.permissions);
            AuditLog audit(f.db, session);
            DossierService service(f.db, session, audit, &f.types);
            for (int i = 0; i < perThread; ++i) {
                Dossier d;
                d.typeId = u"test.acte"_s;
                auto r = service.create(d);
                if (!r)
                    errors[index] << r.error().toString();
            }
        };
        std::thread a(worker, 0), b(worker, 1);
        a.join();
        b.join();
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable((errors[0] + errors[1]).join(u'\n')));
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM dossiers"_s), 2 * perThread);
        QCOMPARE(f.scalar(u"SELECT COUNT(DISTINCT reference) FROM dossiers"_s), 2 * perThread);
        QCOMPARE(f.scalar(u"SELECT MAX(sequence) FROM dossiers"_s), 2 * perThread);
    }

    void workflowTransitions()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        Dossier d;
        d.typeId = u"test.acte"_s;
        d.citizenId = f.citizen(u"Durand"_s, u"Paul"_s);
        auto x = f.dossiers.create(d);
        QVERIFY(x);
        QCOMPARE(x->status, u"recue"_s);
        QVERIFY(!x->isClosed());

        auto illegal = f.dossiers.transition(x->id, x->version, u"delivree"_s);
        QVERIFY(!illegal);
        QCOMPARE(illegal.error().code(), ErrorCode::Validation);
        QVERIFY2(
            illegal.error().message().contains(u"« En recherche »"_s), qPrintable(illegal.error().message()));
        QCOMPARE(f.dossiers.get(x->id)->status, u"recue"_s);

        auto step = f.dossiers.transition(x->id, x->version, u"recherche"_s, u"Acte demandé au registre."_s);
        QVERIFY2(step, qPrintable(step.error().toString()));
        QCOMPARE(step->status, u"recherche"_s);
        QCOMPARE(step->version, x->version + 1);
        // Optimistic locking: a second agent still holding version 1.
        auto stale = f.dossiers.transition(x->id, x->version, u"refusee"_s);
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        step = f.dossiers.transition(step->id, step->version, u"prete"_s);
        step = f.dossiers.transition(step->id, step->version, u"delivree"_s);
        QVERIFY(step);
        QVERIFY(step->isClosed());
        auto after = f.dossiers.transition(step->id, step->version, u"recue"_s);
        QVERIFY(!after);
        QVERIFY(after.error().message().contains(u"ne peut plus changer"_s));

        // The timeline tells the story in order.
        auto events = f.dossiers.timeline(x->id);
        QStringList kinds;
        for (const DossierEvent& e : *events)
            kinds << e.kind;
        QCOMPARE(kinds, (QStringList { u"created"_s, u"status"_s, u"status"_s, u"status"_s }));
        QVERIFY(events->at(1).text.contains(u"Acte demandé au registre."_s));
        QVERIFY(events->at(3).text.contains(u"« Délivrée »"_s));
        QVERIFY(f.dossiers.addEvent(x->id, u"note"_s, u"Usager prévenu par téléphone."_s));
        QCOMPARE(f.dossiers.timeline(x->id)->size(), 5);
        QCOMPARE(f.dossiers.listByCitizen(d.citizenId)->size(), 1);
    }

    void checklist()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        const qint64 agent = f.agent(u"ec1"_s, Role::AgentService);
        Session session(
            AgentIdentity { agent, u"ec1"_s, u"Agent EC"_s, Role::AgentService, 0 }, f.permissions);
        AuditLog audit(f.db, session);
        DossierService dossiers(f.db, session, audit, &f.types);
        Dossier d;
        d.typeId = u"test.acte"_s;
        auto x = dossiers.create(d);
        auto docs = dossiers.documents(x->id);
        QCOMPARE(docs->size(), 2);
        QCOMPARE(docs->at(0).label, u"Pièce d'identité"_s);
        QCOMPARE(docs->at(0).state, DocumentState::Expected);
        QVERIFY(!docs->at(1).required);
        QCOMPARE(*dossiers.checklistComplete(x->id), false);

        auto received
            = dossiers.setDocumentState(docs->at(0).id, docs->at(0).version, DocumentState::Received);
        QVERIFY2(received, qPrintable(received.error().toString()));
        QVERIFY(received->receivedAt.isValid());
        QCOMPARE(received->receivedBy, agent);
        QVERIFY(!received->verifiedAt.isValid());
        auto stale = dossiers.setDocumentState(docs->at(0).id, docs->at(0).version, DocumentState::Verified);
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        auto verified = dossiers.setDocumentState(
            received->id, received->version, DocumentState::Verified, u"Original vu"_s);
        QVERIFY(verified);
        QCOMPARE(verified->verifiedBy, agent);
        QCOMPARE(verified->receivedAt, received->receivedAt);
        QCOMPARE(*dossiers.checklistComplete(x->id), true); // the optional one does not count
        auto extra = dossiers.addDocument(x->id, u"Justificatif de domicile"_s);
        QVERIFY(extra);
        QCOMPARE(extra->position, 2);
        QCOMPARE(*dossiers.checklistComplete(x->id), false);
        QVERIFY(!dossiers.addDocument(x->id, u"   "_s));
        // Every step is on the timeline, with the agent's name.
        auto events = dossiers.timeline(x->id);
        QCOMPARE(events->size(), 4);
        QCOMPARE(events->last().agentName, u"ec1"_s);
    }

    void dueDatesSkipHolidays()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        // Thursday 7 May 2026: Friday 8 May and Thursday 14 May (Ascension) are holidays, so
        // five working days later is Monday 18 May.
        f.dossiers.setClock([] { return QDateTime(QDate(2026, 5, 7), QTime(10, 0)); });
        Dossier d;
        d.typeId = u"test.acte"_s;
        auto x = f.dossiers.create(d);
        QCOMPARE(x->openedOn, QDate(2026, 5, 7));
        QCOMPARE(x->dueDate, QDate(2026, 5, 18));
        // Custom rule: birth declaration, 5 days after the event, extended past closed days.
        DossierType naissance = acteType(u"test.naissance"_s, u"NA"_s);
        naissance.deadline = DeadlineRule::custom([](const QDate& opened, const WorkingCalendar& calendar) {
            return calendar.legalDeadline(opened, 5);
        });
        QVERIFY(f.types.registerType(naissance));
        f.dossiers.setClock([] { return QDateTime(QDate(2024, 4, 30), QTime(10, 0)); });
        d.typeId = u"test.naissance"_s;
        QCOMPARE(f.dossiers.create(d)->dueDate, QDate(2024, 5, 6));
        // An explicit due date wins, and can be changed later with a reason.
        d.dueDate = QDate(2024, 6, 1);
        auto manual = f.dossiers.create(d);
        QCOMPARE(manual->dueDate, QDate(2024, 6, 1));
        auto moved = f.dossiers.setDueDate(
            manual->id, manual->version, QDate(2024, 6, 15), u"Pièce attendue du consulat."_s);
        QCOMPARE(moved->dueDate, QDate(2024, 6, 15));
        QVERIFY(!f.dossiers.setDueDate(moved->id, moved->version, QDate(2024, 1, 1), {}));
    }

    void overdueList()
    {
        RelationFixture f;
        QVERIFY(f.types.registerType(acteType()));
        const qint64 ec = f.service(u"État civil"_s);
        QDateTime now(QDate(2026, 3, 2), QTime(9, 0));
        f.dossiers.setClock([&now] { return now; });
        Dossier d;
        d.typeId = u"test.acte"_s;
        auto late = f.dossiers.create(d); // due 2026-03-09
        now = QDateTime(QDate(2026, 3, 4), QTime(9, 0));
        auto later = f.dossiers.create(d); // due 2026-03-11
        auto closed = f.dossiers.create(d);
        QVERIFY(f.dossiers.transition(closed->id, closed->version, u"refusee"_s));
        now = QDateTime(QDate(2026, 3, 20), QTime(9, 0));
        auto fresh = f.dossiers.create(d); // not due yet
        QVERIFY(f.dossiers.assign(later->id, later->version, ec, 0));

        auto overdue = f.dossiers.overdue(QDate(2026, 3, 20));
        QVERIFY(overdue);
        QList<qint64> ids;
        for (const Dossier& x : *overdue)
            ids << x.id;
        QCOMPARE(ids, (QList<qint64> { late->id, later->id })); // oldest due first; closed and fresh left out
        QCOMPARE(f.dossiers.overdue(QDate(2026, 3, 20), ec)->size(), 1);
        QCOMPARE(f.dossiers.overdue(QDate(2026, 3, 10))->size(), 1);
        QVERIFY(fresh->isOverdue(QDate(2026, 12, 1)));

        // The overdue list uses its partial index.
        const QString details = explainPlan(*f.db, u"SELECT id FROM dossiers d WHERE d.closed_at IS NULL "
                                                   u"AND d.due_date IS NOT NULL AND d.due_date < '2026-03-20' "
                                                   u"ORDER BY d.due_date"_s);
        QVERIFY2(details.contains(u"dossiers_open_due"_s), qPrintable(details));
    }

    void transitionGuardCanRefuse()
    {
        RelationFixture f;
        DossierType guarded = acteType();
        // A module rule: no delivery without a note on the timeline.
        guarded.transitionGuard = [](QSqlDatabase& c, const Dossier& d, const QString& to) -> Result<void> {
            if (to != u"delivree"_s)
                return {};
            QSqlQuery q(c);
            q.prepare(u"SELECT COUNT(*) FROM dossier_events WHERE dossier_id = :d AND kind = 'note'"_s);
            q.bindValue(u":d"_s, d.id);
            if (q.exec() && q.next() && q.value(0).toInt() > 0)
                return {};
            return Error(ErrorCode::Validation, u"Une note est requise avant la délivrance."_s);
        };
        QVERIFY(f.types.registerType(guarded));
        Dossier d;
        d.typeId = u"test.acte"_s;
        auto x = f.dossiers.create(d);
        x = f.dossiers.transition(x->id, x->version, u"recherche"_s);
        x = f.dossiers.transition(x->id, x->version, u"prete"_s);
        auto refused = f.dossiers.transition(x->id, x->version, u"delivree"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message(), u"Une note est requise avant la délivrance."_s);
        QCOMPARE(f.dossiers.get(x->id)->status, u"prete"_s);
        QVERIFY(f.dossiers.addEvent(x->id, u"note"_s, u"Acte contrôlé."_s));
        QVERIFY(f.dossiers.transition(x->id, x->version, u"delivree"_s));
    }

    void permissionsFollowTheType()
    {
        RelationFixture f;
        f.permissions->declare(
            u"test.social.write"_s, u"traiter un dossier social"_s, { Role::TravailleurSocial });
        DossierType social = acteType(u"test.social"_s, u"SOC"_s);
        social.writePermission = u"test.social.write"_s;
        social.readPermission = u"test.social.write"_s;
        QVERIFY(f.types.registerType(social));
        Dossier d;
        d.typeId = u"test.social"_s;
        auto x = f.dossiers.create(d);
        QVERIFY(x);
        Session counter(AgentIdentity { 0, u"acc"_s, u"Accueil"_s, Role::AgentAccueil, 0 }, f.permissions);
        AuditLog audit(f.db, counter);
        DossierService asCounter(f.db, counter, audit, &f.types);
        QCOMPARE(asCounter.create(d).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(asCounter.get(x->id).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(asCounter.overdue(QDate(2100, 1, 1))->size(), 0); // filtered out of lists
        Session social2(AgentIdentity { 0, u"ts"_s, u"TS"_s, Role::TravailleurSocial, 0 }, f.permissions);
        AuditLog audit2(f.db, social2);
        DossierService asSocial(f.db, social2, audit2, &f.types);
        QVERIFY(asSocial.transition(x->id, x->version, u"recherche"_s));
    }
};

QTEST_GUILESS_MAIN(TestDossiers)
#include "TestDossiers.moc"
