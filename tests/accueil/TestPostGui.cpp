// The Courrier page through the real plugins (usagers + accueil): Ctrl+Shift+C opens
// "Enregistrer un courrier"; the sender is found as you type, the subject and motive
// typed from the keyboard; a file that is not a PDF is refused in the dialog with
// nothing saved, then a real PDF made here with QPdfWriter is attached; the letter
// appears in the register with its yearly number; Ctrl+R generates the acknowledgement,
// stored with the letter and handed to the desktop viewer (a test hook); Ctrl+Alt+R
// records the reply with a letter written from the template; both are contacts on the
// citizen. The settings page changes the reply deadline; an overdue letter opens from the
// "À traiter" page onto the register. A service's agent handles on the same page what is
// assigned to their service; the counter's default view shows the post it registered; the
// citizen's 360° page shows where each letter stands.
#include "core/domain/Contact.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/domain/MotiveTheme.h"
#include "core/domain/MunicipalService.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/post/PostDemo.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "tests/support/PdfText.h"
#include "tests/usagers/UsagersHarness.h"
#include "ui/widgets/DesktopFiles.h"
#include "ui/widgets/MessageBox.h"

#include <QAbstractItemModel>
#include <algorithm>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestPostGui : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;

    static qint64 scalar(UsagersHarness& h, const QString& sql)
    {
        QSqlQuery q(h.database()->connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    QString makeScan()
    {
        const QString path = dir.filePath(u"courrier-moreau.pdf"_s);
        QPdfWriter writer(path);
        QPainter painter(&writer);
        painter.drawText(QPointF(200, 400), u"Madame, Monsieur, je sollicite une carte de stationnement."_s);
        painter.end();
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil-post"_s);
        QVERIFY(dir.isValid());
    }

    void registerAttachAndAcknowledge()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const qint64 citizen = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 10 20 30 40"_s);
        QVERIFY(citizen > 0);
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        ui::MessageBox::setAutoAnswer(QMessageBox::Ok);
        QStringList opened;
        ui::DesktopFiles::setOpener([&opened](const QString& path) { opened << path; });

        QWidget* page = h.showPage(accueil::ids::PostPage);
        QVERIFY(page);
        h.shell().window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(h.shell().window()));
        auto* table = page->findChild<QTableView*>(u"postTable"_s);
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 0);

        const ActionSpec* add = h.action(accueil::ids::RegisterLetterAction);
        QVERIFY(add);
        QCOMPARE(add->shortcut, u"Ctrl+Shift+C"_s);
        add->trigger();
        QPointer<QWidget> dialog = findTopLevel(u"postRegisterDialog"_s);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));

        // Sender: the citizen found as you type (the page's own object names).
        QVERIFY(!dialog->findChild<QLineEdit*>(u"citizenSearchField"_s));
        auto* search = dialog->findChild<QLineEdit*>(u"postCitizenSearchField"_s);
        QVERIFY(search);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"moreau"_s);
        auto* results = dialog->findChild<QTableView*>(u"postCitizenResults"_s);
        QVERIFY(results);
        QTRY_COMPARE(results->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        auto* chosen = dialog->findChild<QLabel*>(u"postCitizenChosen"_s);
        QTRY_VERIFY2(chosen->text().contains(u"MOREAU"_s), qPrintable(chosen->text()));

        auto* subject = dialog->findChild<QLineEdit*>(u"postSubject"_s);
        QTest::keyClicks(subject, u"Demande de carte de stationnement resident"_s);
        auto* motive = dialog->findChild<QLineEdit*>(u"postMotiveFilter"_s);
        QVERIFY(motive);
        QTest::keyClicks(motive, u"autre demande"_s);
        QTest::keyClick(motive, Qt::Key_Return);
        auto* silence = dialog->findChild<QComboBox*>(u"postSilence"_s);
        silence->setCurrentIndex(silence->findData(u"acceptation"_s));

        // A file that is not a PDF: refused in the dialog, nothing saved.
        const QString fake = dir.filePath(u"photo.pdf"_s);
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\x89PNG\r\n\x1a\n not a pdf");
        }
        ui::DesktopFiles::setNextChoice(fake);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"postChooseScan"_s), Qt::LeftButton);
        QCOMPARE(dialog->findChild<QLabel*>(u"postScanFile"_s)->text(), u"photo.pdf"_s);
        QTest::keyClick(subject, Qt::Key_Return, Qt::ControlModifier);
        auto* errorLabel = dialog->findChild<QLabel*>(u"postRegisterError"_s);
        QTRY_VERIFY2(errorLabel->text().contains(u"n'est pas un PDF"_s), qPrintable(errorLabel->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters"_s), 0);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts"_s), 0);

        // The real scan, then Ctrl+Entrée.
        const QString scan = makeScan();
        ui::DesktopFiles::setNextChoice(scan);
        QTest::keyClick(subject, Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(dialog->findChild<QLabel*>(u"postScanFile"_s)->text(), u"courrier-moreau.pdf"_s);
        QTest::keyClick(subject, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!dialog);
        const QString reference = u"%1-000001"_s.arg(QDate::currentDate().year());
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), reference);
        QVERIFY(table->model()->index(0, 2).data().toString().contains(u"MOREAU"_s));
        QCOMPARE(
            table->model()->index(0, 3).data().toString(), u"Demande de carte de stationnement resident"_s);
        QCOMPARE(table->model()->index(0, 6).data().toString(), u"À traiter"_s);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_documents WHERE kind = 'scan'"_s), 1);
        QFile scanFile(scan);
        QVERIFY(scanFile.open(QIODevice::ReadOnly));
        QCOMPARE(
            scalar(h, u"SELECT size FROM accueil_post_documents WHERE kind = 'scan'"_s), scanFile.size());

        // Ctrl+R on the register: the acknowledgement, stored and opened.
        h.shell().window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(h.shell().window()));
        table->setFocus();
        QTRY_COMPARE(table->currentIndex().row(), 0);
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY2(opened.size() == 1,
            qPrintable(
                ui::MessageBox::records().isEmpty() ? QString() : ui::MessageBox::records().last().text));
        QFile pdf(opened.first());
        QVERIFY2(pdf.open(QIODevice::ReadOnly), qPrintable(opened.first()));
        // The copy to view sits in a private temporary folder, not in the user's data.
        const QFileInfo viewed(opened.first());
        QVERIFY2(viewed.absolutePath().startsWith(QDir::tempPath() + u"/iris-courrier-"_s), qPrintable(viewed.absolutePath()));
        QCOMPARE(QFileInfo(viewed.absolutePath()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY(pdf.read(5) == "%PDF-");
        const QString content = pdfText(opened.first(), PdfLayout::Physical);
        QVERIFY2(content.contains(u"enregistré sous le numéro %1"_s.arg(reference)), qPrintable(content));
        QVERIFY2(content.contains(u"réputée acceptée le"_s), qPrintable(content));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_documents WHERE kind = 'accuse'"_s), 1);
        QVERIFY(
            scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters WHERE acknowledged_on IS NOT NULL"_s) == 1);
        auto* documents = page->findChild<QListWidget*>(u"postDocuments"_s);
        QTRY_COMPARE(documents->count(), 2);
        QTRY_VERIFY(page->findChild<QLabel*>(u"postDetail"_s)->text().contains(u"Accusé de réception le"_s));

        // Ctrl+Alt+R: the reply, with a letter written from the template, stored and opened.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
        QPointer<QWidget> replyDialog = findTopLevel(u"postReplyDialog"_s);
        QVERIFY(replyDialog);
        QVERIFY(QTest::qWaitForWindowActive(replyDialog));
        auto* summary = replyDialog->findChild<QPlainTextEdit*>(u"postReplySummary"_s);
        QTRY_VERIFY(summary->hasFocus());
        QTest::keyClicks(summary, u"Carte accordee, envoi par courrier"_s);
        auto* body = replyDialog->findChild<QPlainTextEdit*>(u"postReplyBody"_s);
        QTest::keyClicks(body, u"Votre carte de stationnement resident est jointe a ce courrier."_s);
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!replyDialog);
        QTRY_COMPARE(opened.size(), 2);
        QVERIFY(opened.last().endsWith(u"-reponse.pdf"_s));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_documents WHERE kind = 'reponse'"_s), 1);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters WHERE status = 'repondu'"_s), 1);
        QTRY_COMPARE(table->model()->rowCount(), 0); // the "À traiter" filter no longer shows it

        // The letter and its reply are contacts on the citizen's history.
        const Result<QList<Contact>> contacts = h.system().contacts().listByCitizen(citizen);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 2);
        for (const Contact& c : *contacts) {
            QCOMPARE(c.channel, ContactChannel::Courrier);
            QVERIFY(c.summary.contains(reference));
        }
        ui::DesktopFiles::setOpener({});
        QVERIFY2(ui::MessageBox::records().isEmpty(), qPrintable(ui::MessageBox::records().value(0).text));
        ui::MessageBox::setAutoAnswer(QMessageBox::NoButton);
    }

    void supervisorChangesTheReplyDeadline()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"superviseur"_s, u"superviseur"_s, &error), qPrintable(error));
        const SettingsPageSpec* spec = nullptr;
        for (const SettingsPageSpec& s : h.context().settingsPages.items()) {
            if (s.id == accueil::ids::PostSettingsPage)
                spec = &s;
        }
        QVERIFY(spec);
        QCOMPARE(spec->permission, accueil::ids::PermConfigure);
        std::unique_ptr<QWidget> page(spec->create(nullptr));
        page->show();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        auto* days = page->findChild<QSpinBox*>(u"postSettingsReplyDays"_s);
        QVERIFY(days);
        QCOMPARE(days->value(), 15); // the default (DOMAIN.md)
        days->setFocus();
        days->selectAll();
        QTest::keyClicks(days, u"10"_s);
        QCOMPARE(days->value(), 10);
        QTest::keyClick(days, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(page->findChild<QLabel*>(u"postSettingsStatus"_s)->text(),
            u"Paramètres du courrier enregistrés."_s);

        accueil::PostService post(*h.services());
        const Result<accueil::PostLetter> l = post.registerLetter([] {
            accueil::PostLetter x;
            x.senderName = u"Amicale des locataires"_s;
            x.subject = u"Demande de rendez-vous"_s;
            return x;
        }());
        QVERIFY(l);
        QCOMPARE(l->dueOn, post.calendar().addWorkingDays(QDate::currentDate(), 10));
    }

    void overdueLetterOpensOnTheCourrierPage()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        // Received two months ago, never answered: past its 15 working days.
        accueil::PostLetter late;
        late.receivedOn = QDate::currentDate().addMonths(-2);
        late.senderName = u"Copropriété du Parc"_s;
        late.subject = u"Nuisances sonores du chantier"_s;
        late.assignedAgentId = h.services()->session().agent().id;
        const Result<accueil::PostLetter> saved = accueil::PostService(*h.services()).registerLetter(late);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));

        QWidget* overdue = h.showPage(accueil::ids::OverduePage);
        QVERIFY(overdue);
        auto* list = overdue->findChild<QTableWidget*>(u"overdueTable"_s);
        QVERIFY(list);
        // Its acknowledgement (two weeks) and its answer (15 working days) are both late.
        QTRY_COMPARE(list->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QVERIFY2(list->item(row, 4)->text().contains(saved->reference), qPrintable(list->item(row, 4)->text()));
        Q_EMIT list->activated(list->model()->index(0, 0));

        auto* page = qobject_cast<QWidget*>(h.shell().page(accueil::ids::PostPage));
        QVERIFY(page);
        QCOMPARE(h.shell().window()->currentWidget(), page);
        auto* table = page->findChild<QTableView*>(u"postTable"_s);
        QAbstractItemModelTester tester(
            table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(table->currentIndex().row(), 0);
        const QModelIndex status = table->model()->index(0, 6);
        QCOMPARE(status.data().toString(), u"À traiter — en retard"_s);
        QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::darkRed));
        QCOMPARE(table->model()->index(0, 0).data().toString(), saved->reference);
        QCOMPARE(page->findChild<QLineEdit*>(u"postSearch"_s)->text(), saved->reference);
        // The register's filters still work after the jump: "À traiter" keeps it, "Classés" does not.
        auto* filter = page->findChild<QComboBox*>(u"postStatusFilter"_s);
        filter->setCurrentIndex(filter->findText(u"Classés"_s));
        QTRY_COMPARE(table->model()->rowCount(), 0);
        filter->setCurrentIndex(filter->findText(u"À traiter"_s));
        QTRY_COMPARE(table->model()->rowCount(), 1);
    }

    // A service's agent has a Courrier page for what the counter handed to them or their
    // service: they file or answer it; they do not register, nor see another service's.
    void serviceAgentHandlesTheLettersAssignedToTheService()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const auto service = [&h](const QString& code) { return h.system().directory().findByCode(code)->id; };
        accueil::PostService post(h.system());
        accueil::PostLetter ec;
        ec.senderName = u"Étude notariale Martin"_s;
        ec.subject = u"Demande de copie d'acte de décès"_s;
        ec.assignedServiceId = service(u"etat-civil"_s);
        const Result<accueil::PostLetter> mine = post.registerLetter(ec);
        accueil::PostLetter other = ec;
        other.subject = u"Pièces pour une demande de logement"_s;
        other.assignedServiceId = service(u"logement"_s);
        QVERIFY(mine && post.registerLetter(other));
        QVERIFY2(h.login(u"service"_s, u"service"_s, &error), qPrintable(error));

        QVERIFY(std::any_of(h.context().pages.items().cbegin(), h.context().pages.items().cend(),
            [&h](const PageSpec& p) {
                return p.id == accueil::ids::PostPage && h.services()->session().can(p.permission);
            }));
        const ActionSpec* registerAction = h.action(accueil::ids::RegisterLetterAction);
        QVERIFY(registerAction && !h.services()->session().can(registerAction->permission));
        QWidget* page = h.showPage(accueil::ids::PostPage);
        QVERIFY(page);
        h.shell().window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(h.shell().window()));
        auto* scope = page->findChild<QComboBox*>(u"postScope"_s);
        QCOMPARE(scope->currentText(), u"Confiés à État civil"_s);
        QCOMPARE(scope->findText(u"Enregistrés par moi"_s), -1); // the counter's views
        QVERIFY(!page->findChild<QPushButton*>(u"postRegister"_s)->isVisible());
        auto* table = page->findChild<QTableView*>(u"postTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), mine->reference);
        QCOMPARE(page->findChild<QLabel*>(u"postCount"_s)->text(), u"1 courrier(s), dont 0 en retard"_s);
        table->setCurrentIndex(table->model()->index(0, 0));
        auto* file = page->findChild<QPushButton*>(u"postFile"_s);
        QTRY_VERIFY(file->isEnabled());
        QVERIFY(page->findChild<QPushButton*>(u"postReply"_s)->isEnabled());
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(file, Qt::LeftButton);
        QTRY_COMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters WHERE status = 'classe'"_s), 1);
        QCOMPARE(scalar(h, u"SELECT id FROM accueil_post_letters WHERE status = 'classe'"_s), mine->id);
        QTRY_COMPARE(table->model()->rowCount(), 0);
    }

    // The counter registered the demo's post for the services: its Courrier page opens on
    // what it registered, with the views a counter needs.
    void counterSeesThePostItRegistered()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(60, 0, &error), qPrintable(error));
        const Result<QString> seeded = accueil::PostDemo::seed(h.system(), QDateTime::currentDateTime());
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().toString()));
        const qint64 open = scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters WHERE status = 'a_traiter'"_s);
        QVERIFY(open >= 4);
        // None of them is the counter's to answer: all were handed to the services.
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_post_letters l JOIN services s ON s.id = "
                           u"l.assigned_service_id WHERE s.code = 'iris'"_s), 0);
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        QWidget* page = h.showPage(accueil::ids::PostPage);
        QVERIFY(page);
        auto* scope = page->findChild<QComboBox*>(u"postScope"_s);
        QVERIFY2(scope->currentText().startsWith(u"Enregistrés par IRIS"_s), qPrintable(scope->currentText()));
        const QStringList views
            = { u"Enregistrés par moi"_s, u"Reçus aujourd'hui"_s, u"À distribuer aux services"_s, u"Confiés à moi"_s };
        for (const QString& view : views)
            QVERIFY2(scope->findText(view) >= 0, qPrintable(view));
        QVERIFY(scope->findText(u"Confiés à IRIS"_s, Qt::MatchStartsWith) >= 0);
        auto* table = page->findChild<QTableView*>(u"postTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), int(open));
        QVERIFY(page->findChild<QLabel*>(u"postCount"_s)->text().startsWith(u"%1 courrier(s)"_s.arg(open)));
        // Handed on: visible, not actionable here.
        table->setCurrentIndex(table->model()->index(0, 0));
        QTRY_VERIFY(!page->findChild<QPushButton*>(u"postReply"_s)->isEnabled());
        QVERIFY(page->findChild<QPushButton*>(u"postReply"_s)->toolTip().contains(u"seul ce service"_s));
        // Their own: "Enregistrés par moi" keeps those the demo has the agent register.
        scope->setCurrentIndex(scope->findText(u"Enregistrés par moi"_s));
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QVERIFY(table->model()->rowCount() < open);
    }

    // The 360° page shows where the citizen's letter stands, not the contact's "Répondu".
    void citizenPanelShowsTheLetterState()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const qint64 citizen = h.addCitizen(u"Perrin"_s, u"Alice"_s, QDate(1985, 2, 3));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        accueil::PostService post(*h.services());
        accueil::PostLetter l;
        l.citizenId = citizen;
        l.subject = u"Demande de carte de stationnement"_s;
        l.motiveThemeId = h.system().contacts().motiveThemeByCode(u"information.autre"_s)->id;
        const Result<accueil::PostLetter> saved = post.registerLetter(l);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        // The incoming contact says where the letter went, not that it was answered.
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts WHERE channel = 'courrier' AND outcome = 'repondu'"_s), 0);

        const CitizenPanelSpec* spec = nullptr;
        for (const CitizenPanelSpec& p : h.context().citizenPanels.items()) {
            if (p.id == accueil::ids::PostCitizenPanel)
                spec = &p;
        }
        QVERIFY(spec);
        QCOMPARE(spec->title, u"Courrier"_s);
        std::unique_ptr<QWidget> panel(spec->create(citizen, nullptr));
        auto* list = panel->findChild<QListWidget*>(u"postCitizenLetters"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(u"À traiter — accusé de réception à envoyer avant le"_s),
            qPrintable(list->item(0)->text()));
        QVERIFY(!list->item(0)->text().contains(u"Répondu"_s));

        const Result<accueil::PostDocument> ack = accueil::PostDocumentStore(*h.services()).storeGenerated(
            saved->id, accueil::PostDocumentKind::Accuse, { u"accuse.pdf"_s, accueil::PostDemo::onePagePdf("AR") });
        QVERIFY2(ack, qPrintable(ack ? QString() : ack.error().toString()));
        QTRY_VERIFY2(list->item(0)->text().contains(u"accusé de réception envoyé le %1"_s.arg(
                         QDate::currentDate().toString(u"dd/MM/yyyy"_s))),
            qPrintable(list->item(0)->text()));
        const Result<accueil::PostLetter> current = post.get(saved->id);
        accueil::PostService::Reply reply;
        reply.summary = u"Carte accordée"_s;
        QVERIFY(post.recordReply(saved->id, current->version, reply));
        QTRY_VERIFY2(list->item(0)->text().contains(u"Répondu le %1 (courrier)"_s.arg(
                         QDate::currentDate().toString(u"dd/MM/yyyy"_s))),
            qPrintable(list->item(0)->text()));
    }
};

QTEST_MAIN(TestPostGui)
#include "TestPostGui.moc"
