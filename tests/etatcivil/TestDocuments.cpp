// The PDFs of the module, read back with pdftotext: acknowledgement of receipt (CRPA
// R112-5 content), delivery slip, refusal letter (reason and rule), orientation letter,
// recensement attestation.
#include "core/services/CoreServices.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/documents/ActRequestLetters.h"
#include "ui/print/PdfRenderer.h"
#include "modules/etatcivil/documents/RecensementAttestation.h"
#include "tests/etatcivil/support/EtatCivilSite.h"
#include "tests/support/PdfText.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace iris;
using namespace iris::etatcivil;
using namespace iris::test;

class TestDocuments : public QObject
{
    Q_OBJECT

    EtatCivilSite* site = nullptr;
    std::unique_ptr<ActRequestService> requests;
    LetterHead head;

    ActRequest request(RequesterLink link, const QString& commune = QStringLiteral("Issy-les-Moulineaux"))
    {
        ActRequest r;
        r.actType = ActType::Naissance;
        r.document = ActDocument::ExtraitAvecFiliation;
        r.personNom = QStringLiteral("Nguyen");
        r.personPrenoms = QStringLiteral("Thérèse");
        r.eventDate = QDate(1984, 2, 3);
        r.eventCommune = commune;
        r.parent1 = QStringLiteral("NGUYEN Minh");
        r.parent2 = QStringLiteral("PETIT Hélène");
        r.requesterLink = link;
        r.requesterNom = QStringLiteral("Garnier");
        r.requesterPrenoms = QStringLiteral("Lucas");
        r.requesterAddress = QStringLiteral("8 avenue Victor Cresson\n92130 Issy-les-Moulineaux");
        r.channel = RequestChannel::Courrier;
        r.deliveryMode = DeliveryMode::Courrier;
        auto saved = requests->registerRequest(r);
        if (!saved)
            qWarning("%s", qPrintable(saved.error().toString()));
        return saved ? *saved : ActRequest{};
    }

    QString render(const QString& html, const QString& name)
    {
        const QString path = QDir(site->folder()).filePath(name);
        const auto written = ui::PdfRenderer::write(html, path, name);
        if (!written)
            qWarning("%s", qPrintable(written.error().toString()));
        return pdfText(path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        site = new EtatCivilSite;
        QString why;
        QVERIFY2(site->start(EtatCivilSite::Mode::Library, &why), qPrintable(why));
        QVERIFY2(site->login(QStringLiteral("service"), QStringLiteral("service"), &why), qPrintable(why));
        requests = std::make_unique<ActRequestService>(*site->services(), site->parameters());
    }
    void cleanupTestCase()
    {
        requests.reset();
        delete site;
    }

    void receipt()
    {
        const ActRequest r = request(RequesterLink::Descendant);
        QVERIFY(r.dossier.id > 0);
        const QString text = render(ActRequestLetters::receipt(r, head, QStringLiteral("Julien Service")), QStringLiteral("r.pdf"));
        QVERIFY2(!text.isEmpty(), "pdftotext returned nothing");
        QVERIFY2(text.contains(QStringLiteral("Accusé de réception de votre demande d'acte")), qPrintable(text));
        QVERIFY(text.contains(r.dossier.reference));
        QVERIFY(text.contains(QStringLiteral("reçue le %1").arg(QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy")))));
        QVERIFY(text.contains(QStringLiteral("01 41 23 80 00")));
        QVERIFY(text.contains(QStringLiteral("47 rue du Général Leclerc")));
        QVERIFY(text.contains(QStringLiteral("au plus tard le %1").arg(r.dossier.dueDate.toString(QStringLiteral("dd/MM/yyyy")))));
        QVERIFY(text.contains(QStringLiteral("L231-1")));
        QVERIFY(text.contains(QStringLiteral("Voies de recours")));
        QVERIFY(text.contains(QStringLiteral("NGUYEN Thérèse")));
        QVERIFY2(text.contains(QStringLiteral("Extrait avec filiation")), qPrintable(text));
    }

    void deliverySlip()
    {
        ActRequest r = request(RequesterLink::PartenairePacs);
        auto s = requests->startSearch(r.dossier.id, r.dossier.version);
        QVERIFY(s);
        auto ready = requests->markReady(r.dossier.id, s->dossier.version, 1984, QStringLiteral("97"));
        QVERIFY(ready);
        auto done = requests->deliver(r.dossier.id, ready->dossier.version);
        QVERIFY(done);
        const QString text = render(ActRequestLetters::deliverySlip(*done, head, QStringLiteral("Julien Service")),
                                    QStringLiteral("b.pdf"));
        QVERIFY2(text.contains(QStringLiteral("Bordereau de délivrance")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("registre de l'année 1984, acte n° 97")));
        QVERIFY(text.contains(QStringLiteral("Gratuit")));
        QVERIFY(text.contains(QStringLiteral("Envoi postal")));
        QVERIFY(text.contains(QStringLiteral("Partenaire de PACS")));
    }

    void refusalLetterStatesReasonAndRule()
    {
        ActRequest r = request(RequesterLink::Collateral);
        auto refused = requests->refuse(r.dossier.id, r.dossier.version);
        QVERIFY(refused);
        const QString text = render(ActRequestLetters::refusalLetter(*refused, head, QStringLiteral("Julien Service")),
                                    QStringLiteral("f.pdf"));
        QVERIFY2(text.contains(QStringLiteral("Refus de délivrance")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Motif du refus")));
        QVERIFY2(text.contains(QStringLiteral("Les frères, sœurs et autres collatéraux ne figurent pas parmi les personnes autorisées")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Règle appliquée : décret n° 2017-890 du 6 mai 2017, art. 30")));
        QVERIFY(text.contains(QStringLiteral("Un extrait sans filiation peut en revanche être délivré à toute personne")));
        QVERIFY(text.contains(QStringLiteral("GARNIER Lucas")));
        QVERIFY(text.contains(QStringLiteral("8 avenue Victor Cresson")));
        QVERIFY(text.contains(QStringLiteral("procureur de la République")));
    }

    void orientationLetter()
    {
        ActRequest r = request(RequesterLink::Descendant, QStringLiteral("Bordeaux"));
        auto oriented = requests->orient(r.dossier.id, r.dossier.version);
        QVERIFY(oriented);
        const QString text = render(ActRequestLetters::orientationLetter(*oriented, head, QStringLiteral("Julien Service")),
                                    QStringLiteral("o.pdf"));
        QVERIFY2(text.contains(QStringLiteral("Mairie de Bordeaux")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("seule la mairie de Bordeaux peut le délivrer")));
    }

    void recensementAttestation()
    {
        const QDate birth = QDate::currentDate().addYears(-16).addDays(-10);
        const qint64 young = site->addCitizen(QStringLiteral("Lefèvre"), QStringLiteral("Inès"), birth);
        QVERIFY(young > 0);
        ProcedureService procedures(*site->services(), site->parameters());
        Procedure p;
        p.kind = ProcedureKind::Recensement;
        p.personNom = QStringLiteral("Lefèvre");
        p.personPrenoms = QStringLiteral("Inès");
        p.personBirthDate = birth;
        p.dossier.citizenId = young;
        p.details.insert(detail::DomicileInCommune, true);
        auto opened = procedures.open(p);
        QVERIFY2(opened, qPrintable(opened.error().toString()));
        auto issued = procedures.issueRecensementAttestation(opened->dossier.id, opened->dossier.version);
        QVERIFY2(issued, qPrintable(issued.error().toString()));
        const QString text = render(RecensementAttestation::html(*issued, head, QStringLiteral("Julien Service"),
                                                                 QStringLiteral("5 rue Ernest Renan, 92130 Issy-les-Moulineaux")),
                                    QStringLiteral("a.pdf"));
        QVERIFY2(text.contains(QStringLiteral("Attestation de recensement")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("N° %1").arg(issued->dossier.reference)));
        QVERIFY(text.contains(QStringLiteral("LEFÈVRE Inès")));
        QVERIFY(text.contains(birth.toString(QStringLiteral("dd/MM/yyyy"))));
        QVERIFY(text.contains(QStringLiteral("ne délivre pas de duplicata")));
    }

    void unwritableFolderIsAnError()
    {
        const auto r = ui::PdfRenderer::write(QStringLiteral("<p>x</p>"), QStringLiteral("/proc/iris-denied/x.pdf"), QStringLiteral("x"));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::IoError);
    }
};

QTEST_MAIN(TestDocuments)
#include "TestDocuments.moc"
