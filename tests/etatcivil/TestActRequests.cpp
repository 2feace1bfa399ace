// Acte requests on a real SQLite site: registration with the verdict, the normal path to
// delivery, the refusal path (a request not allowed can only be refused, even through the
// core's generic transition), the orientation path, dated parameters, overdue list, roles.
#include "core/base/WorkingCalendar.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestService.h"
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

    void loginAs(const QString& who)
    {
        if (current == who)
            return;
        current = who;
        QString why;
        QVERIFY2(site->login(who, who, &why), qPrintable(why));
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
