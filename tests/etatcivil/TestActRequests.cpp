// Acte requests on a real SQLite site: registration with the verdict, the normal path to
// delivery, the refusal path (a request not allowed can only be refused, even through the
// core's generic transition), the orientation path, dated parameters, overdue list, roles,
// and the late requests on the service's "À traiter" (the core's follow-up registry).
#include "core/base/WorkingCalendar.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "core/modules/FollowUpSources.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/data/EtatCivilFollowUpSource.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "tests/etatcivil/support/EtatCivilSite.h"

#include <QTest>

using namespace iris;
using namespace iris::etatcivil;
using namespace iris::test;

namespace {

ActRequest birthCopy(RequesterLink link)
{
    ActRequest r;
    r.actType = ActType::Naissance;
    r.document = ActDocument::CopieIntegrale;
    r.personNom = QStringLiteral("Marchand");
    r.personPrenoms = QStringLiteral("Élodie Anne");
    r.eventDate = QDate(1990, 6, 14);
    r.eventCommune = QStringLiteral("Issy-les-Moulineaux");
    r.parent1 = QStringLiteral("MARCHAND Paul");
    r.parent2 = QStringLiteral("LEROY Sophie");
    r.requesterLink = link;
    if (link != RequesterLink::PersonneMajeure) {
        r.requesterNom = QStringLiteral("Dubois");
        r.requesterPrenoms = QStringLiteral("Karim");
    }
    return r;
}

} // namespace

class TestActRequests : public QObject
{
    Q_OBJECT

    EtatCivilSite* site = nullptr;
    std::unique_ptr<ActRequestService> service;

    QString current;

    void loginAs(const QString& who, const QString& password = {})
    {
        if (current == who)
            return;
        current = who;
        QString why;
        QVERIFY2(site->login(who, password.isEmpty() ? who : password, &why), qPrintable(why));
        service = std::make_unique<ActRequestService>(*site->services(), site->parameters());
    }
    qint64 dossiers() const { return site->scalar(QStringLiteral("SELECT COUNT(*) FROM dossiers")); }

private Q_SLOTS:
    void initTestCase()
    {
        site = new EtatCivilSite;
        QString why;
        QVERIFY2(site->start(EtatCivilSite::Mode::Library, &why), qPrintable(why));
    }
    void init() { loginAs(QStringLiteral("accueil")); }
    void cleanupTestCase()
    {
        service.reset();
        delete site;
    }

    void allowedRequestGoesToDelivery()
    {
        auto r = service->registerRequest(birthCopy(RequesterLink::PersonneMajeure));
        QVERIFY2(r, qPrintable(r.error().toString()));
        QVERIFY(r->dossier.reference.startsWith(QStringLiteral("EC-%1-").arg(QDate::currentDate().year())));
        QCOMPARE(r->dossier.status, ids::Recue);
        QVERIFY(r->entitlement.allowed());
        QVERIFY(r->location.held());
        QCOMPARE(r->requesterNom, QStringLiteral("Marchand")); // the person asks for their own act
        QCOMPARE(r->personBirthPlace, QStringLiteral("Issy-les-Moulineaux"));
        QCOMPARE(r->dossier.dueDate, WorkingCalendar().addWorkingDays(QDate::currentDate(), 5));

        auto searching = service->startSearch(r->dossier.id, r->dossier.version);
        QVERIFY2(searching, qPrintable(searching.error().toString()));
        QCOMPARE(searching->dossier.status, ids::EnRecherche);
        // The register reference is required, and cannot predate the event.
        auto noRef = service->markReady(r->dossier.id, searching->dossier.version, 1990, QString());
        QVERIFY(!noRef);
        QVERIFY(!noRef.error().fieldMessage(QStringLiteral("registerNumber")).isEmpty());
        auto tooEarly = service->markReady(r->dossier.id, searching->dossier.version, 1989, QStringLiteral("12"));
        QVERIFY(!tooEarly);
        auto ready = service->markReady(r->dossier.id, searching->dossier.version, 1990, QStringLiteral("412"));
        QVERIFY2(ready, qPrintable(ready.error().toString()));
        QCOMPARE(ready->dossier.status, ids::Prete);
        QCOMPARE(ready->registerYear, 1990);
        QCOMPARE(ready->registerNumber, QStringLiteral("412"));

        // A stale version is a conflict, never a silent overwrite.
        auto stale = service->deliver(r->dossier.id, searching->dossier.version);
        QVERIFY(!stale);
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);

        auto delivered = service->deliver(r->dossier.id, ready->dossier.version);
        QVERIFY2(delivered, qPrintable(delivered.error().toString()));
        QCOMPARE(delivered->dossier.status, ids::Delivree);
        QVERIFY(delivered->dossier.isClosed());
        QVERIFY(delivered->deliveredAt.isValid());
        auto timeline = site->services()->dossiers().timeline(r->dossier.id);
        QVERIFY(timeline);
        bool sawVerdict = false;
        for (const DossierEvent& e : *timeline)
            sawVerdict |= e.kind == QStringLiteral("entitlement") && e.text.contains(QStringLiteral("autorisé"));
        QVERIFY(sawVerdict);
    }

    void missingFiliationDetailsSaveNothing()
    {
        const qint64 before = dossiers();
        ActRequest r = birthCopy(RequesterLink::Ascendant);
        r.document = ActDocument::ExtraitAvecFiliation;
        r.parent1.clear();
        r.parent2.clear();
        auto saved = service->registerRequest(r);
        QVERIFY(!saved);
        QCOMPARE(saved.error().code(), ErrorCode::Validation);
        QVERIFY(!saved.error().fieldMessage(QStringLiteral("parent1")).isEmpty());
        QVERIFY(!saved.error().fieldMessage(QStringLiteral("parent2")).isEmpty());
        QCOMPARE(dossiers(), before);
        // One parent only, said so: accepted. Death acts need no filiation at all.
        r.parent1 = QStringLiteral("MARCHAND Paul");
        r.singleParent = true;
        QVERIFY(service->registerRequest(r));
        ActRequest death = birthCopy(RequesterLink::Tiers);
        death.actType = ActType::Deces;
        death.parent1.clear();
        death.parent2.clear();
        QVERIFY(service->registerRequest(death));
    }

    void documentThatDoesNotExistIsRefusedAtRegistration()
    {
        ActRequest r = birthCopy(RequesterLink::PersonneMajeure);
        r.actType = ActType::Reconnaissance;
        r.document = ActDocument::ExtraitPlurilingue;
        auto saved = service->registerRequest(r);
        QVERIFY(!saved);
        QVERIFY(saved.error().fieldMessage(QStringLiteral("document")).contains(QStringLiteral("CIEC")));
    }

    void refusalPath()
    {
        auto r = service->registerRequest(birthCopy(RequesterLink::Tiers));
        QVERIFY2(r, qPrintable(r.error().toString()));
        QVERIFY(r->entitlement.refused());
        // Not allowed: it can only be refused — through this service…
        auto search = service->startSearch(r->dossier.id, r->dossier.version);
        QVERIFY(!search);
        QVERIFY2(search.error().message().contains(QStringLiteral("ne peut être que refusée")),
                 qPrintable(search.error().message()));
        // …and through the core's generic transition too (the dossier type's guard).
        auto generic = site->services()->dossiers().transition(r->dossier.id, r->dossier.version, ids::EnRecherche);
        QVERIFY(!generic);
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM dossiers WHERE id = %1 AND status = 'recue'")
                                  .arg(r->dossier.id)),
                 1);
        // …and a refusal without a stated reason is refused too.
        auto bare = site->services()->dossiers().transition(r->dossier.id, r->dossier.version, ids::Refusee);
        QVERIFY(!bare);

        auto refused = service->refuse(r->dossier.id, r->dossier.version);
        QVERIFY2(refused, qPrintable(refused.error().toString()));
        QCOMPARE(refused->dossier.status, ids::Refusee);
        QVERIFY(refused->refusalReason.contains(QStringLiteral("extrait sans filiation peut en revanche")));
        QVERIFY(refused->dossier.isClosed());
    }

    void allowedRequestRefusedOnlyWithAReason()
    {
        auto r = service->registerRequest(birthCopy(RequesterLink::Conjoint));
        QVERIFY(r);
        auto s = service->startSearch(r->dossier.id, r->dossier.version);
        QVERIFY(s);
        auto noReason = service->refuse(r->dossier.id, s->dossier.version, QStringLiteral("   "));
        QVERIFY(!noReason);
        QVERIFY(!noReason.error().fieldMessage(QStringLiteral("reason")).isEmpty());
        auto refused = service->refuse(r->dossier.id, s->dossier.version,
                                       QStringLiteral("Aucun acte correspondant dans les registres de 1990."));
        QVERIFY(refused);
        QCOMPARE(refused->refusalReason, QStringLiteral("Aucun acte correspondant dans les registres de 1990."));
    }

    void orientationPath()
    {
        ActRequest lyon = birthCopy(RequesterLink::PersonneMajeure);
        lyon.eventCommune = QStringLiteral("Lyon");
        auto r = service->registerRequest(lyon);
        QVERIFY2(r, qPrintable(r.error().toString()));
        QVERIFY(!r->location.held());
        QCOMPARE(r->location.destination, QStringLiteral("Mairie de Lyon"));
        auto search = service->startSearch(r->dossier.id, r->dossier.version);
        QVERIFY(!search);
        QVERIFY(search.error().message().contains(QStringLiteral("doit être orientée")));
        auto oriented = service->orient(r->dossier.id, r->dossier.version);
        QVERIFY2(oriented, qPrintable(oriented.error().toString()));
        QCOMPARE(oriented->dossier.status, ids::Orientee);
        QCOMPARE(oriented->location.destination, QStringLiteral("Mairie de Lyon"));

        ActRequest abroad = birthCopy(RequesterLink::PersonneMajeure);
        abroad.eventCommune = QStringLiteral("Dakar");
        abroad.eventCountry = QStringLiteral("Sénégal");
        auto a = service->registerRequest(abroad);
        QVERIFY(a);
        QVERIFY(a->location.destination.contains(QStringLiteral("Nantes")));

        // An act we hold is oriented only with the agent's stated destination.
        auto ours = service->registerRequest(birthCopy(RequesterLink::PersonneMajeure));
        QVERIFY(ours);
        QVERIFY(!service->orient(ours->dossier.id, ours->dossier.version));
        auto manual = service->orient(ours->dossier.id, ours->dossier.version, QStringLiteral("Mairie de Vanves"));
        QVERIFY(manual);
        QCOMPARE(manual->location.destination, QStringLiteral("Mairie de Vanves"));
    }

    void channelsAndDelivery()
    {
        ActRequest r = birthCopy(RequesterLink::Ascendant);
        r.channel = RequestChannel::Comedec;
        r.deliveryMode = DeliveryMode::Comedec;
        auto comedec = service->registerRequest(r);
        QVERIFY(!comedec);
        QVERIFY(!comedec.error().fieldMessage(QStringLiteral("channel")).isEmpty());
        r = birthCopy(RequesterLink::Ascendant);
        r.channel = RequestChannel::Courrier;
        r.deliveryMode = DeliveryMode::Courrier;
        auto noAddress = service->registerRequest(r);
        QVERIFY(!noAddress);
        QVERIFY(!noAddress.error().fieldMessage(QStringLiteral("requesterAddress")).isEmpty());
        r.requesterAddress = QStringLiteral("3 rue de la Paix\n75002 Paris");
        QVERIFY(service->registerRequest(r));
    }

    void overdueList()
    {
        auto r = service->registerRequest(birthCopy(RequesterLink::Descendant));
        QVERIFY(r);
        // A request received three weeks ago, still open.
        const QDate opened = QDate::currentDate().addDays(-21);
        QCOMPARE(site->scalar(QStringLiteral("UPDATE dossiers SET opened_on = '%1', due_date = '%2' WHERE id = %3 RETURNING 1")
                                  .arg(opened.toString(Qt::ISODate), opened.addDays(7).toString(Qt::ISODate))
                                  .arg(r->dossier.id)),
                 1);
        ActRequestFilter filter;
        filter.overdueOnly = true;
        auto overdue = service->list(filter);
        QVERIFY(overdue);
        QCOMPARE(overdue->size(), 1);
        QCOMPARE(overdue->first().dossier.id, r->dossier.id);
        filter.overdueOnly = false;
        filter.text = QStringLiteral("elodie marchand");
        auto byName = service->list(filter);
        QVERIFY(byName);
        QVERIFY(byName->size() >= 5);
    }

    void rolesAreCheckedInTheService()
    {
        loginAs(QStringLiteral("social"));
        auto denied = service->registerRequest(birthCopy(RequesterLink::PersonneMajeure));
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(!service->list({}));
        loginAs(QStringLiteral("teleconseil"));
        QVERIFY(service->list({}));
        QCOMPARE(service->registerRequest(birthCopy(RequesterLink::PersonneMajeure)).error().code(),
                 ErrorCode::PermissionDenied);
    }

    // "À traiter": the late requests of the agent's service, through the core's follow-up
    // registry (where the module registers its source), for the service's agents only.
    void lateRequestsAreOnTheServiceFollowUp()
    {
        const QDate today = QDate::currentDate();
        const auto lateBy = [&](qint64 id, int days) {
            return site->scalar(QStringLiteral("UPDATE dossiers SET due_date = '%1' WHERE id = %2 RETURNING 1")
                                    .arg(today.addDays(-days).toString(Qt::ISODate))
                                    .arg(id));
        };
        auto older = service->registerRequest(birthCopy(RequesterLink::Ascendant));
        auto late = service->registerRequest(birthCopy(RequesterLink::Conjoint));
        auto onTime = service->registerRequest(birthCopy(RequesterLink::Descendant));
        auto forLogement = service->registerRequest(birthCopy(RequesterLink::Mandataire));
        auto closed = service->registerRequest(birthCopy(RequesterLink::PersonneMajeure));
        QVERIFY(older && late && onTime && forLogement && closed);
        QCOMPARE(lateBy(older->dossier.id, 12), 1);
        QCOMPARE(lateBy(late->dossier.id, 3), 1);
        QCOMPARE(lateBy(forLogement->dossier.id, 5), 1);
        QCOMPARE(lateBy(closed->dossier.id, 20), 1);
        QVERIFY(service->refuse(closed->dossier.id, closed->dossier.version,
                                QStringLiteral("Demande retirée par le demandeur")));
        // Handed to an agent of another service (logement), not état civil's anymore.
        QCOMPARE(site->scalar(QStringLiteral("UPDATE dossiers SET service_id = NULL, agent_id = (SELECT id FROM agents "
                                             "WHERE login = 'i.roux') WHERE id = %1 RETURNING 1")
                                  .arg(forLogement->dossier.id)),
                 1);

        FollowUpRegistry registry;
        registry.addSource(std::make_shared<EtatCivilFollowUpSource>(site->context().dossierTypes));
        FollowUpQuery query;
        query.scope = FollowUpQuery::Scope::MyService;
        query.dueBefore = QDateTime::currentDateTime();
        const auto ids = [](const FollowUpRegistry::Listing& listing) {
            QList<qint64> out;
            for (const FollowUpItem& item : listing.items)
                out << item.id;
            return out;
        };

        loginAs(QStringLiteral("service")); // état civil
        FollowUpRegistry::Listing mine = registry.list(*site->services(), query);
        QVERIFY2(mine.warnings.isEmpty(), qPrintable(mine.warnings.join(u'\n')));
        QList<qint64> seen = ids(mine);
        QVERIFY(seen.contains(older->dossier.id));
        QVERIFY(seen.contains(late->dossier.id));
        QVERIFY(!seen.contains(onTime->dossier.id));
        QVERIFY(!seen.contains(forLogement->dossier.id));
        QVERIFY(!seen.contains(closed->dossier.id));
        QVERIFY(seen.indexOf(older->dossier.id) < seen.indexOf(late->dossier.id)); // by due date
        for (const FollowUpItem& item : mine.items) {
            QCOMPARE(item.kind, ids::FollowUpKind);
            QVERIFY(item.isOverdue(QDateTime::currentDateTime()));
        }
        const FollowUpItem& first = mine.items.at(seen.indexOf(older->dossier.id));
        QCOMPARE(first.kindLabel, QStringLiteral("Demande d'acte"));
        QVERIFY2(first.detail.contains(older->dossier.reference) && first.detail.contains(QStringLiteral("Reçue")),
                 qPrintable(first.detail));
        QVERIFY(first.title.contains(QStringLiteral("MARCHAND")));
        QCOMPARE(first.dueAt, QDateTime(today.addDays(-11), QTime(0, 0)));
        QVERIFY(first.assignee.contains(QStringLiteral("État civil")));
        // Later deadlines bring the request still in time.
        query.dueBefore = QDateTime::currentDateTime().addDays(30);
        QVERIFY(ids(registry.list(*site->services(), query)).contains(onTime->dossier.id));
        query.dueBefore = QDateTime::currentDateTime();
        // Nothing is the agent's own; everyone's needs supervision.
        query.scope = FollowUpQuery::Scope::Mine;
        QVERIFY(registry.list(*site->services(), query).items.isEmpty());
        query.scope = FollowUpQuery::Scope::All;
        const FollowUpRegistry::Listing denied = registry.list(*site->services(), query);
        QVERIFY(denied.items.isEmpty());
        QCOMPARE(denied.warnings.size(), 1);

        loginAs(QStringLiteral("i.roux"), QStringLiteral("demo")); // logement: only what was handed to its agent
        query.scope = FollowUpQuery::Scope::MyService;
        QCOMPARE(ids(registry.list(*site->services(), query)), QList<qint64>{forLogement->dossier.id});
        loginAs(QStringLiteral("social")); // no état civil rights: nothing, no error
        const FollowUpRegistry::Listing social = registry.list(*site->services(), query);
        QVERIFY(social.items.isEmpty() && social.warnings.isEmpty());
        loginAs(QStringLiteral("superviseur"));
        query.scope = FollowUpQuery::Scope::All;
        seen = ids(registry.list(*site->services(), query));
        QVERIFY(seen.contains(older->dossier.id) && seen.contains(forLogement->dossier.id));
        QVERIFY(!seen.contains(closed->dossier.id));
    }

    // The registry merges every module's source by due date, keeps listing when one fails,
    // and opens an item with its own source's opener.
    void followUpRegistryMergesSources()
    {
        struct Fixed final : FollowUpSource
        {
            QString k;
            QList<QDateTime> dues;
            bool fails = false;
            QString kind() const override { return k; }
            QString label() const override { return k; }
            Result<QList<FollowUpItem>> items(CoreServices&, const FollowUpQuery&) const override
            {
                if (fails)
                    return Error(ErrorCode::DatabaseError, QStringLiteral("panne"));
                QList<FollowUpItem> out;
                for (const QDateTime& due : dues)
                    out.append({.kind = k, .id = out.size() + 1, .dueAt = due});
                return out;
            }
        };
        const QDateTime t0 = QDateTime::currentDateTime();
        auto a = std::make_shared<Fixed>();
        a->k = QStringLiteral("a");
        a->dues = {t0.addDays(-1), t0.addDays(-5)};
        auto b = std::make_shared<Fixed>();
        b->k = QStringLiteral("b");
        b->dues = {t0.addDays(-3)};
        auto broken = std::make_shared<Fixed>();
        broken->k = QStringLiteral("c");
        broken->fails = true;
        QList<qint64> openedB;
        FollowUpRegistry registry;
        registry.addSource(a);
        registry.addSource(b, [&openedB](const FollowUpItem& item) { openedB << item.id; });
        registry.addSource(broken);
        const FollowUpRegistry::Listing listing = registry.list(*site->services(), {});
        QCOMPARE(listing.items.size(), 3);
        QCOMPARE(listing.items.at(0).dueAt, t0.addDays(-5));
        QCOMPARE(listing.items.at(1).kind, QStringLiteral("b"));
        QCOMPARE(listing.items.at(2).dueAt, t0.addDays(-1));
        QCOMPARE(listing.warnings, QStringList{QStringLiteral("c : panne")});
        QVERIFY(registry.open(listing.items.at(1)));
        QCOMPARE(openedB, QList<qint64>{1});
        QVERIFY(!registry.open(listing.items.at(0))); // source a has no opener
        // A second source of the same kind replaces the first.
        registry.addSource(std::make_shared<Fixed>(*b));
        QCOMPARE(registry.sources().size(), 3);
        QVERIFY(!registry.open(listing.items.at(1)));
    }

    void datedProcessingDeadline()
    {
        const QDate today = QDate::currentDate();
        ParameterStore& params = *site->parameters();
        // Only an administrator changes it, and never in the past.
        QCOMPARE(params.set(site->services()->session(), site->services()->audit(), QStringLiteral("acte.delai_traitement"),
                            QStringLiteral("10"), today, {})
                     .error()
                     .code(),
                 ErrorCode::PermissionDenied);
        loginAs(QStringLiteral("admin"));
        auto past = params.set(site->services()->session(), site->services()->audit(), QStringLiteral("acte.delai_traitement"),
                               QStringLiteral("10"), today.addDays(-1), {});
        QVERIFY(!past);
        QVERIFY(!past.error().fieldMessage(QStringLiteral("validFrom")).isEmpty());
        QVERIFY(!params.set(site->services()->session(), site->services()->audit(), QStringLiteral("acte.delai_traitement"),
                            QStringLiteral("0"), today, {}));
        auto set = params.set(site->services()->session(), site->services()->audit(), QStringLiteral("acte.delai_traitement"),
                              QStringLiteral("10"), today, QStringLiteral("Renfort d'été"));
        QVERIFY2(set, qPrintable(set.error().toString()));
        auto later = params.set(site->services()->session(), site->services()->audit(), QStringLiteral("acte.delai_traitement"),
                                QStringLiteral("15"), today.addDays(30), {});
        QVERIFY(later);
        QCOMPARE(params.settingsAt(today.addDays(-1))->acteProcessingDays, 5);
        QCOMPARE(params.settingsAt(today)->acteProcessingDays, 10);
        QCOMPARE(params.settingsAt(today.addDays(29))->acteProcessingDays, 10);
        QCOMPARE(params.settingsAt(today.addDays(30))->acteProcessingDays, 15);
        QCOMPARE(params.history(QStringLiteral("acte.delai_traitement"))->size(), 2);

        loginAs(QStringLiteral("accueil"));
        auto r = service->registerRequest(birthCopy(RequesterLink::PersonneMajeure));
        QVERIFY(r);
        QCOMPARE(r->dossier.dueDate, WorkingCalendar().addWorkingDays(today, 10));
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE entity_kind = 'etatcivil_parameter'")), 2);
    }
};

QTEST_MAIN(TestActRequests)
#include "TestActRequests.moc"
