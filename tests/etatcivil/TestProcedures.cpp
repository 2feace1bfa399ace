// Counter procedures on a real SQLite site: birth declaration on time and late (procureur),
// recensement (window, one attestation, no duplicate), PACS/mariage (birth acts at filing,
// witnesses, checklist, banns, validity), attestation d'accueil stamp, changement de prénom.
#include "core/base/WorkingCalendar.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/data/ProcedureStates.h"
#include "modules/etatcivil/rules/BirthDeclarationRules.h"
#include "tests/etatcivil/support/EtatCivilSite.h"

#include <QJsonArray>
#include <QTest>

using namespace iris;
using namespace iris::etatcivil;
using namespace iris::test;

class TestProcedures : public QObject
{
    Q_OBJECT

    EtatCivilSite* site = nullptr;
    std::unique_ptr<ProcedureService> service;
    const QDate today = QDate::currentDate();

    Procedure draft(ProcedureKind kind, const QString& nom, const QString& prenoms, const QDate& birth = {})
    {
        Procedure p;
        p.kind = kind;
        p.personNom = nom;
        p.personPrenoms = prenoms;
        p.personBirthDate = birth;
        return p;
    }

    void verifyAll(qint64 dossierId)
    {
        auto docs = site->services()->dossiers().documents(dossierId);
        QVERIFY(docs);
        for (const DossierDocument& d : *docs)
            QVERIFY(site->services()->dossiers().setDocumentState(d.id, d.version, DocumentState::Verified));
    }

private Q_SLOTS:
    void initTestCase()
    {
        site = new EtatCivilSite;
        QString why;
        QVERIFY2(site->start(EtatCivilSite::Mode::Library, &why), qPrintable(why));
        QVERIFY2(site->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
        service = std::make_unique<ProcedureService>(*site->services(), site->parameters());
    }
    void cleanupTestCase()
    {
        service.reset();
        delete site;
    }

    void birthDeclaredOnTime()
    {
        Procedure p = draft(ProcedureKind::Naissance, QStringLiteral("Benali"), QStringLiteral("Adam"), today.addDays(-1));
        p.details.insert(detail::Declarant, QStringLiteral("BENALI Karim"));
        auto opened = service->open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QCOMPARE(opened->dossier.dueDate, WorkingCalendar().legalDeadline(today.addDays(-1), 5));
        QVERIFY(opened->flag.isEmpty());
        // On time: it cannot be sent to the procureur; the act is drawn up.
        QVERIFY(!service->advance(opened->dossier.id, opened->dossier.version, states::Procureur));
        auto drawn = service->advance(opened->dossier.id, opened->dossier.version, states::Dressee);
        QVERIFY2(drawn, qPrintable(drawn.error().toString()));
        QCOMPARE(drawn->dossier.status, states::Dressee);
    }

    void lateBirthGoesToTheProcureur()
    {
        const QDate birth = today.addDays(-30);
        Procedure p = draft(ProcedureKind::Naissance, QStringLiteral("Roux"), QStringLiteral("Léa"), birth);
        p.details.insert(detail::Declarant, QStringLiteral("ROUX Marc"));
        QVERIFY(!service->assess(p).ok);
        auto opened = service->open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QCOMPARE(opened->flag, QStringLiteral("procureur"));
        auto drawn = service->advance(opened->dossier.id, opened->dossier.version, states::Dressee);
        QVERIFY(!drawn);
        QVERIFY(drawn.error().message().contains(QStringLiteral("procureur")));
        // The generic core transition is refused as well.
        QVERIFY(!site->services()->dossiers().transition(opened->dossier.id, opened->dossier.version, states::Dressee));
        QVERIFY(service->advance(opened->dossier.id, opened->dossier.version, states::Procureur));
        auto timeline = site->services()->dossiers().timeline(opened->dossier.id);
        QVERIFY(timeline);
        bool flagged = false;
        for (const DossierEvent& e : *timeline)
            flagged |= e.text.contains(QStringLiteral("Déclaration tardive"));
        QVERIFY(flagged);
    }

    void recensementOnceAndNoDuplicate()
    {
        const QDate birth = today.addYears(-16).addDays(-20);
        const qint64 young = site->addCitizen(QStringLiteral("Moreau"), QStringLiteral("Hugo"), birth);
        Procedure p = draft(ProcedureKind::Recensement, QStringLiteral("Moreau"), QStringLiteral("Hugo"));
        p.dossier.citizenId = young;
        // Domicile elsewhere: refused, nothing saved.
        const qint64 before = site->scalar(QStringLiteral("SELECT COUNT(*) FROM dossiers"));
        QVERIFY(!service->open(p));
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM dossiers")), before);
        p.details.insert(detail::DomicileInCommune, true);
        auto opened = service->open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QCOMPARE(opened->personBirthDate, birth); // taken from the citizen record
        auto issued = service->issueRecensementAttestation(opened->dossier.id, opened->dossier.version);
        QVERIFY2(issued, qPrintable(issued.error().toString()));
        QCOMPARE(issued->dossier.status, states::AttestationRemise);
        QCOMPARE(issued->textDetail(detail::AttestationNumber), opened->dossier.reference);

        auto again = service->open(p);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::Duplicate);
        QVERIFY(again.error().message().contains(QStringLiteral("duplicata")));
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_recensements WHERE citizen_id = %1").arg(young)), 1);
        // Even bypassing the service, the database keeps one attestation per person.
        QCOMPARE(site->scalar(QStringLiteral("INSERT INTO ec_recensements (citizen_id, dossier_id, attestation_number, issued_on) "
                                             "VALUES (%1, %2, 'X', '2026-01-01') RETURNING 1")
                                  .arg(young)
                                  .arg(opened->dossier.id)),
                 -1);
    }

    void recensementTooEarly()
    {
        const qint64 child = site->addCitizen(QStringLiteral("Petit"), QStringLiteral("Nina"), today.addYears(-15));
        Procedure p = draft(ProcedureKind::Recensement, QStringLiteral("Petit"), QStringLiteral("Nina"));
        p.dossier.citizenId = child;
        p.details.insert(detail::DomicileInCommune, true);
        auto opened = service->open(p);
        QVERIFY(!opened);
        QVERIFY(opened.error().fieldMessage(QStringLiteral("personBirthDate")).contains(QStringLiteral("16e anniversaire")));
    }

    void mariageFromFilingToCelebration()
    {
        const qint64 partner = site->addCitizen(QStringLiteral("Girard"), QStringLiteral("Louise"), QDate(1992, 4, 2));
        Procedure p = draft(ProcedureKind::Mariage, QStringLiteral("Girard"), QStringLiteral("Louise"), QDate(1992, 4, 2));
        p.dossier.citizenId = partner;
        p.details.insert(detail::Partner2Nom, QStringLiteral("Diallo"));
        p.details.insert(detail::Partner2Prenoms, QStringLiteral("Moussa"));
        auto opened = service->open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QCOMPARE(opened->dossier.status, states::RendezVous);
        const qint64 id = opened->dossier.id;

        // Filing: the second birth act is older than 3 months.
        QJsonObject acts{{detail::BirthAct1Issued, today.addMonths(-1).toString(Qt::ISODate)},
                         {detail::BirthAct2Issued, today.addMonths(-4).toString(Qt::ISODate)},
                         {detail::Witnesses, QJsonArray{QStringLiteral("ROUX Marc"), QStringLiteral("PETIT Anne")}}};
        auto old = service->advance(id, opened->dossier.version, states::Depose, acts);
        QVERIFY(!old);
        QVERIFY2(old.error().message().contains(QStringLiteral("DIALLO Moussa")), qPrintable(old.error().message()));
        // …but issued abroad, 6 months apply.
        acts.insert(detail::BirthAct2Abroad, true);
        acts.insert(detail::Witnesses, QJsonArray{QStringLiteral("ROUX Marc")});
        auto oneWitness = service->advance(id, opened->dossier.version, states::Depose, acts);
        QVERIFY(!oneWitness);
        QVERIFY(oneWitness.error().message().contains(QStringLiteral("témoins")));
        acts.insert(detail::Witnesses, QJsonArray{QStringLiteral("ROUX Marc"), QStringLiteral("PETIT Anne")});
        auto filed = service->advance(id, opened->dossier.version, states::Depose, acts);
        QVERIFY2(filed, qPrintable(filed.error().toString()));
        QCOMPARE(filed->dateDetail(detail::FiledOn), today);

        // Banns need every required document verified.
        auto early = service->advance(id, filed->dossier.version, states::Publie);
        QVERIFY(!early);
        QVERIFY(early.error().message().contains(QStringLiteral("Pièces obligatoires")));
        verifyAll(id);
        auto current = service->get(id);
        auto published = service->advance(id, current->dossier.version, states::Publie);
        QVERIFY2(published, qPrintable(published.error().toString()));
        QCOMPARE(published->dateDetail(detail::PublishedOn), today);
        QCOMPARE(published->dossier.dueDate, today.addMonths(12));

        auto tooSoon = service->advance(id, published->dossier.version, states::Celebre,
                                        {{detail::CelebrationDate, today.addDays(9).toString(Qt::ISODate)}});
        QVERIFY(!tooSoon);
        auto expired = service->advance(id, published->dossier.version, states::Celebre,
                                        {{detail::CelebrationDate, today.addMonths(12).addDays(1).toString(Qt::ISODate)}});
        QVERIFY(!expired);
        auto celebrated = service->advance(id, published->dossier.version, states::Celebre,
                                           {{detail::CelebrationDate, today.addDays(10).toString(Qt::ISODate)}});
        QVERIFY2(celebrated, qPrintable(celebrated.error().toString()));
        QVERIFY(celebrated->dossier.isClosed());
    }

    void pacsWithAppointment()
    {
        const qint64 partner = site->addCitizen(QStringLiteral("Fontaine"), QStringLiteral("Émile"), QDate(1988, 9, 9));
        Procedure p = draft(ProcedureKind::Pacs, QStringLiteral("Fontaine"), QStringLiteral("Émile"));
        p.dossier.citizenId = partner;
        p.details.insert(detail::Partner2Nom, QStringLiteral("Nguyen"));
        p.details.insert(detail::Partner2Prenoms, QStringLiteral("Linh"));
        QDate day = today.addDays(7);
        while (day.dayOfWeek() != 2)
            day = day.addDays(1);
        auto opened = service->open(p, QDateTime(day, QTime(10, 0)));
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QVERIFY(opened->appointmentId > 0);
        QCOMPARE(opened->eventDate, day);
        QCOMPARE(site->scalar(QStringLiteral("SELECT dossier_id FROM appointments WHERE id = %1").arg(opened->appointmentId)),
                 opened->dossier.id);
    }

    void attestationAccueilStamp()
    {
        Procedure p = draft(ProcedureKind::Accueil, QStringLiteral("Durand"), QStringLiteral("Claire"));
        p.details.insert(detail::GuestName, QStringLiteral("SILVA João"));
        auto opened = service->open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        QVERIFY(!service->advance(opened->dossier.id, opened->dossier.version, states::Validee,
                                  {{detail::StampNumber, QStringLiteral("1234567890")}, {detail::StampEuros, 25}}));
        auto ok = service->advance(opened->dossier.id, opened->dossier.version, states::Validee,
                                   {{detail::StampNumber, QStringLiteral("1234567890")}, {detail::StampEuros, 30}});
        QVERIFY2(ok, qPrintable(ok.error().toString()));
    }

    void changementDePrenom()
    {
        const QDate fourteen = today.addYears(-14);
        Procedure p = draft(ProcedureKind::Prenom, QStringLiteral("Lambert"), QStringLiteral("Kevin"), fourteen);
        p.details.insert(detail::NewPrenoms, QStringLiteral("Kylian"));
        p.details.insert(detail::FiledInPerson, true);
        auto noConsent = service->open(p);
        QVERIFY(!noConsent);
        QVERIFY(noConsent.error().fieldMessage(detail::ChildConsent).contains(QStringLiteral("consentement")));
        p.details.insert(detail::FiledInPerson, false);
        p.details.insert(detail::ChildConsent, true);
        QVERIFY(!service->open(p)); // not in person
        p.details.insert(detail::FiledInPerson, true);
        QVERIFY(service->open(p));
    }

    void legalisationNeedsTheSigner()
    {
        Procedure p = draft(ProcedureKind::Legalisation, QStringLiteral("Martin"), QStringLiteral("Paul"));
        p.details.insert(detail::DocumentTitle, QStringLiteral("Autorisation de sortie"));
        auto opened = service->open(p);
        QVERIFY(opened);
        QVERIFY(!service->advance(opened->dossier.id, opened->dossier.version, states::Legalisee));
        auto done = service->advance(opened->dossier.id, opened->dossier.version, states::Legalisee,
                                     {{detail::SignerPresent, true}, {detail::IdentityChecked, true}});
        QVERIFY2(done, qPrintable(done.error().toString()));
    }

    void livretOnlyAtTheMairieOfResidence()
    {
        Procedure p = draft(ProcedureKind::Livret, QStringLiteral("Roche"), QStringLiteral("Anne"));
        p.details.insert(detail::Reason, QStringLiteral("perte"));
        auto away = service->open(p);
        QVERIFY(!away);
        QVERIFY(away.error().fieldMessage(detail::DomicileInCommune).contains(QStringLiteral("résidence")));
        p.details.insert(detail::DomicileInCommune, true);
        QVERIFY(service->open(p));
    }
};

QTEST_MAIN(TestProcedures)
#include "TestProcedures.moc"
