// The register's letters as real PDFs (ui::PdfRenderer), read back with `pdftotext
// -layout`: the acknowledgement of receipt carries what CRPA R112-5 requires — date of
// receipt, register number, the service in charge with its address, phone and e-mail
// from the directory, the agent in charge — and, for a request on which silence is worth
// a decision, the date it becomes one (received + 2 months, L231-1) and the appeal
// routes; an incomplete request lists the missing pieces and their deadline; a letter
// that is not a request ("sans objet") has no silence paragraph. The reply letter is
// filled from its template; both are stored with the register entry and re-opened.
#include "core/domain/MunicipalService.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostLetterWriter.h"
#include "modules/accueil/post/PostSettings.h"
#include "tests/accueil/TestPostSupport.h"
#include "tests/support/PdfText.h"
#include "ui/print/CityLetterHead.h"
#include "ui/print/PdfRenderer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestPostReceipt : public QObject
{
    Q_OBJECT

    test::PostSite site;
    test::AccueilFixture& f = site.f;
    QTemporaryDir dir;
    qint64 schoolService = 0;

    static PostLetterPrinting printing()
    {
        const ui::CityLetterHead head;
        return { head.commune, head.townHall(), head.address, head.postalAddress, head.phone,
            &ui::PdfRenderer::render };
    }

    /// pdftotext -layout of the bytes, whitespace collapsed (the layout wraps paragraphs).
    QString text(const QByteArray& pdf, const QString& name)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
            return {};
        file.close();
        return test::pdfText(path, test::PdfLayout::Physical);
    }

    QByteArray stored(CoreServices& services, const PostDocument& doc)
    {
        const Result<QByteArray> bytes = PostDocumentStore(services).content(doc.id);
        return bytes ? *bytes : QByteArray();
    }

    PostLetter registerLetter(CoreServices& services, SilenceRule silence, const QStringList& missing = {})
    {
        PostLetter l;
        l.receivedOn = QDate(2026, 3, 10);
        l.citizenId = f.addCitizen(u"Dupont-Lefèvre"_s, u"Hélène"_s);
        l.senderAddress = u"12 rue Ernest Renan\n92130 Issy-les-Moulineaux"_s;
        l.subject = u"Demande de dérogation de secteur scolaire"_s;
        l.motiveThemeId = f.motiveId(u"information.autre"_s);
        l.silence = silence;
        l.missingPieces = missing;
        if (!missing.isEmpty())
            l.piecesDueOn = QDate(2026, 4, 10);
        l.assignedServiceId = schoolService;
        l.assignedAgentId = f.identity(u"e.fontaine"_s).id;
        auto post = site.post(services);
        const Result<PostLetter> r = post->registerLetter(l);
        if (!r)
            qWarning("%s", qPrintable(r.error().toString() + u" "_s + r.error().fields().value(0).message));
        return r ? *r : PostLetter {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        QVERIFY(dir.isValid());
        MunicipalService s;
        s.name = u"Affaires scolaires"_s;
        s.code = u"affaires-scolaires-test"_s;
        s.phone = u"01 40 95 65 43"_s;
        s.email = u"scolaire@ville-issy.example"_s;
        s.address.line1 = u"3 rue Aristide Briand"_s;
        s.address.postcode = u"92130"_s;
        s.address.city = u"Issy-les-Moulineaux"_s;
        const Result<MunicipalService> created = f.system->directory().create(s);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        schoolService = created->id;
        f.now = QDateTime(QDate(2026, 3, 12), QTime(14, 0));
    }

    void acknowledgementOfARequestWhereSilenceMeansAcceptance()
    {
        auto agent = f.as(u"superviseur"_s);
        const PostLetter l = registerLetter(*agent, SilenceRule::Acceptation);
        QVERIFY(l.id > 0);
        PostLetterWriter writer(*agent, printing());
        writer.setClock(f.clock());
        const Result<PostDocument> doc = writer.generateAcknowledgement(l.id);
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
        QCOMPARE(doc->kind, PostDocumentKind::Accuse);
        QCOMPARE(doc->fileName, QString(l.reference + u"-accuse.pdf"_s));
        const QByteArray pdf = stored(*agent, *doc);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()),
            doc->sha256);
        const QString t = text(pdf, u"accuse.pdf"_s);
        QVERIFY2(t.contains(u"Accusé de réception"_s), qPrintable(t));
        QVERIFY2(t.contains(u"reçu le 10/03/2026"_s), qPrintable(t));
        QVERIFY2(t.contains(u"enregistré sous le numéro %1"_s.arg(l.reference)), qPrintable(t));
        QVERIFY2(
            t.contains(u"Affaires scolaires, 3 rue Aristide Briand, 92130 Issy-les-Moulineaux — téléphone "
                       u"01 40 95 65 43, courriel scolaire@ville-issy.example"_s),
            qPrintable(t));
        QVERIFY2(t.contains(u"Agent chargé de votre courrier : Émilie Fontaine"_s), qPrintable(t));
        QVERIFY2(t.contains(u"au plus tard le %1"_s.arg(l.dueOn.toString(u"dd/MM/yyyy"_s))), qPrintable(t));
        // Silence: two months after 10 March 2026.
        QVERIFY2(t.contains(u"réputée acceptée le 10/05/2026"_s), qPrintable(t));
        QVERIFY2(t.contains(u"L231-1"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Voies et délais de recours"_s), qPrintable(t));
        QVERIFY2(t.contains(u"recours gracieux auprès du maire dans un délai de deux mois"_s), qPrintable(t));
        QVERIFY2(t.contains(u"recours contentieux devant le tribunal administratif de Cergy-Pontoise"_s),
            qPrintable(t));
        QVERIFY2(t.contains(u"L112-3 et R112-5"_s), qPrintable(t));
        QVERIFY2(t.contains(u"DUPONT-LEFÈVRE Hélène"_s), qPrintable(t));
        QVERIFY(!t.contains(u"pièces suivantes"_s));
        // Storing the acknowledgement dates it.
        QCOMPARE(site.post(*agent)->get(l.id)->acknowledgedOn, QDate(2026, 3, 12));
    }

    void rejectionAndMissingPieces()
    {
        auto agent = f.as(u"superviseur"_s);
        const PostLetter l = registerLetter(*agent, SilenceRule::Rejet,
            { u"Justificatif de domicile de moins de 3 mois"_s,
                u"Certificat de radiation de l'école d'origine"_s });
        PostLetterWriter writer(*agent, printing());
        writer.setClock(f.clock());
        const Result<PostDocument> doc = writer.generateAcknowledgement(l.id);
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
        const QString t = text(stored(*agent, *doc), u"incomplet.pdf"_s);
        QVERIFY2(t.contains(u"Votre demande est incomplète"_s), qPrintable(t));
        QVERIFY2(t.contains(u"avant le 10/04/2026 les pièces suivantes"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Justificatif de domicile de moins de 3 mois"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Certificat de radiation de l'école d'origine"_s), qPrintable(t));
        // Incomplete: the two months run from the receipt of the pieces, no fixed date.
        QVERIFY2(
            t.contains(
                u"à compter de la réception des pièces manquantes, votre demande sera réputée rejetée"_s),
            qPrintable(t));
        QVERIFY(!t.contains(u"10/05/2026"_s));
        QVERIFY2(t.contains(u"motifs de cette décision implicite de rejet"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Voies et délais de recours"_s), qPrintable(t));
    }

    void letterThatIsNotARequestHasNoSilenceParagraph()
    {
        auto agent = f.as(u"superviseur"_s);
        const PostLetter l = registerLetter(*agent, SilenceRule::SansObjet);
        PostLetterWriter writer(*agent, printing());
        writer.setClock(f.clock());
        const Result<PostDocument> doc = writer.generateAcknowledgement(l.id);
        QVERIFY(doc);
        const QString t = text(stored(*agent, *doc), u"sans-objet.pdf"_s);
        QVERIFY2(t.contains(u"enregistré sous le numéro %1"_s.arg(l.reference)), qPrintable(t));
        QVERIFY2(t.contains(u"01 40 95 65 43"_s), qPrintable(t));
        QVERIFY2(!t.contains(u"réputée"_s), qPrintable(t));
        QVERIFY2(!t.contains(u"Voies et délais de recours"_s), qPrintable(t));
        QVERIFY2(!t.contains(u"recours gracieux"_s), qPrintable(t));
    }

    void replyLetterFromTheTemplateIsStoredAndReopened()
    {
        auto agent = f.as(u"superviseur"_s);
        const PostLetter l = registerLetter(*agent, SilenceRule::Acceptation);
        PostLetterWriter writer(*agent, printing());
        writer.setClock(f.clock());
        PostReplyDraft draft;
        QCOMPARE(writer.generateReply(l.id, draft).error().code(), ErrorCode::Validation);
        draft.objet = u"Votre demande de dérogation scolaire"_s;
        draft.body = u"Nous avons le plaisir de vous informer que la dérogation est accordée.\n\n"
                     u"Votre enfant est attendu à l'école Jules Ferry le 2 septembre."_s;
        draft.signature = u"Le maire adjoint chargé de l'éducation"_s;
        const Result<PostDocument> doc = writer.generateReply(l.id, draft);
        QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
        QCOMPARE(doc->kind, PostDocumentKind::Reponse);
        const QString t = text(stored(*agent, *doc), u"reponse.pdf"_s);
        QVERIFY2(t.contains(u"Objet : Votre demande de dérogation scolaire"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Référence : %1 — votre courrier reçu le 10/03/2026"_s.arg(l.reference)),
            qPrintable(t));
        QVERIFY2(t.contains(u"la dérogation est accordée"_s), qPrintable(t));
        QVERIFY2(t.contains(u"école Jules Ferry le 2 septembre"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Le maire adjoint chargé de l'éducation"_s), qPrintable(t));
        QVERIFY2(t.contains(u"Issy-les-Moulineaux, le 12/03/2026"_s), qPrintable(t));

        const Result<QList<PostDocument>> docs = PostDocumentStore(*agent).documents(l.id);
        QVERIFY(docs);
        QCOMPARE(docs->size(), 1);
        QCOMPARE(docs->first().kind, PostDocumentKind::Reponse);
        // Not acknowledged by a reply letter.
        QVERIFY(!site.post(*agent)->get(l.id)->acknowledgedOn.isValid());
    }

    void aSiteTemplateReplacesTheBuiltInOne()
    {
        auto supervisor = f.as(u"superviseur"_s);
        PostSettings settings;
        settings.acknowledgementTemplate
            = u"<html><body><h1>AR {{reference}}</h1><p>Reçu le {{received_date}} par "
              u"{{service_name}}.</p>{{silence_html}}</body></html>"_s;
        QVERIFY(PostSettingsStore(*supervisor).save(settings));
        const PostLetter l = registerLetter(*supervisor, SilenceRule::Acceptation);
        PostLetterWriter writer(*supervisor, printing());
        writer.setClock(f.clock());
        const Result<PostDocument> doc = writer.generateAcknowledgement(l.id);
        QVERIFY(doc);
        const QString t = text(stored(*supervisor, *doc), u"site.pdf"_s);
        QVERIFY2(t.contains(u"AR %1"_s.arg(l.reference)), qPrintable(t));
        QVERIFY2(t.contains(u"Reçu le 10/03/2026 par Affaires scolaires."_s), qPrintable(t));
        QVERIFY2(t.contains(u"réputée acceptée le 10/05/2026"_s), qPrintable(t));
        QVERIFY(PostSettingsStore(*supervisor).save(PostSettings {}));
    }
};

QTEST_MAIN(TestPostReceipt)
#include "TestPostReceipt.moc"
