// An agent at the counter, in the real plugin loaded by the ModuleManager: registers an
// acte request (the verdict changes live with the requester's link), finds it in the list,
// records the register reference and delivers it; the receipt and the delivery slip are
// real PDFs. Then the same from the citizen's 360° panel. The form stays coherent: the
// requester's hint follows the link, an act kept elsewhere is to be oriented (never
// "autorisée"), a save empties the form and confirms in words with the receipt to open.
#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/storage/Database.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "tests/support/TestShell.h"
#include "tests/etatcivil/support/EtatCivilSite.h"
#include "tests/support/PdfText.h"
#include "ui/widgets/DesktopFiles.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace iris;
using namespace iris::test;
namespace ids = iris::etatcivil::ids;

namespace {

void typeText(QWidget* widget, const QString& text)
{
    widget->setFocus();
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(widget, char(ch.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

template<typename T>
T* child(QWidget* root, const char* name)
{
    T* w = root ? root->findChild<T*>(QString::fromLatin1(name)) : nullptr;
    if (!w)
        qWarning("no widget %s", name);
    return w;
}

/// Empties the text fields a previous test may have left (a refused save keeps them).
void clearForm(QWidget* page)
{
    for (QLineEdit* edit : page->findChildren<QLineEdit*>(QRegularExpression(QStringLiteral("Edit$"))))
        edit->clear();
}

void choose(QComboBox* combo, const QString& id)
{
    const int i = combo->findData(id);
    QVERIFY(i >= 0);
    combo->setFocus();
    // Keyboard selection, as an agent would: Home then Down to the entry.
    QTest::keyClick(combo, Qt::Key_Home);
    for (int k = 0; k < i; ++k)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), i);
}

} // namespace

class TestCounterGui : public QObject
{
    Q_OBJECT

    EtatCivilSite* site = nullptr;

    QString status(qint64 id) const
    {
        QSqlQuery q(site->database()->connection());
        q.exec(QStringLiteral("SELECT status FROM dossiers WHERE id = %1").arg(id));
        return q.next() ? q.value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        site = new EtatCivilSite;
        QString why;
        QVERIFY2(site->start(EtatCivilSite::Mode::Plugins, &why), qPrintable(why));
        QVERIFY2(site->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
    }
    void cleanupTestCase() { delete site; }

    void moduleRegisteredItsParts()
    {
        QVERIFY(site->context().dossierTypes->type(ids::ActeType));
        QVERIFY(site->context().dossierTypes->type(ids::RecensementType));
        QVERIFY(site->context().permissions->allows(Role::AgentAccueil, ids::WritePermission));
        QVERIFY(!site->context().permissions->allows(Role::TravailleurSocial, ids::ReadPermission));
        QVERIFY(site->context().permissions->allows(Role::Administrateur, ids::SettingsPermission));
        const ActionSpec* deliver = site->action(ids::DeliverAction);
        QVERIFY(deliver);
        QCOMPARE(deliver->shortcut, QStringLiteral("Ctrl+D"));
        QVERIFY(site->scalar(QStringLiteral("SELECT version FROM schema_versions WHERE owner = 'etatcivil'")) >= 1);
    }

    void registerAtTheCounterAndDeliver()
    {
        site->shell().showPage(ids::CounterPage);
        QWidget* page = site->shell().page(ids::CounterPage);
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowExposed(site->shell().window()));
        auto* verdict = child<QLabel>(page, "verdictLabel");

        choose(child<QComboBox>(page, "actCombo"), QStringLiteral("naissance"));
        choose(child<QComboBox>(page, "documentCombo"), QStringLiteral("copie_integrale"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Fournier"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Chloé"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("21/09/1987"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Issy-les-Moulineaux"));
        typeText(child<QLineEdit>(page, "parent1Edit"), QStringLiteral("FOURNIER Jacques"));
        typeText(child<QLineEdit>(page, "parent2Edit"), QStringLiteral("BLANC Hélène"));

        // A third party: refused, and the agent reads why.
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("tiers"));
        QTRY_COMPARE(verdict->property("verdict").toString(), QStringLiteral("refuse"));
        QVERIFY(verdict->text().contains(QStringLiteral("2017-890")));
        // The person herself: allowed; the act is ours.
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("personne_majeure"));
        QTRY_COMPARE(verdict->property("verdict").toString(), QStringLiteral("autorise"));
        QVERIFY(child<QLabel>(page, "locationLabel")->text().contains(QStringLiteral("Acte détenu")));

        const qint64 before = site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests"));
        QTest::keyClick(child<QLineEdit>(page, "parent2Edit"), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests")), before + 1);
        auto* last = child<QLabel>(page, "lastRequestLabel");
        QTRY_VERIFY(last->text().contains(QStringLiteral("EC-")));
        const QString receipt = last->property("receiptPath").toString();
        QVERIFY2(QFile::exists(receipt), qPrintable(receipt));
        QVERIFY(pdfText(receipt).contains(QStringLiteral("Accusé de réception")));
        const qint64 id = site->scalar(QStringLiteral("SELECT MAX(dossier_id) FROM ec_act_requests"));
        QCOMPARE(status(id), ids::Recue);

        // The request list: find it, search the registers, record the reference, deliver.
        site->shell().showPage(ids::RequestsPage);
        QWidget* list = site->shell().page(ids::RequestsPage);
        QVERIFY(list);
        typeText(child<QLineEdit>(list, "requestSearchEdit"), QStringLiteral("fournier chloe"));
        auto* table = child<QTableWidget>(list, "requestTable");
        QTRY_COMPARE(table->rowCount(), 1);
        table->setFocus();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 0)).center());
        QTRY_VERIFY(child<QPushButton>(list, "startSearchButton")->isEnabled());
        QVERIFY(!child<QPushButton>(list, "deliverButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(list, "startSearchButton"), Qt::LeftButton);
        QTRY_COMPARE(status(id), ids::EnRecherche);
        QTest::keyClicks(child<QLineEdit>(list, "registerYearEdit"), QStringLiteral("1987"));
        QTest::keyClicks(child<QLineEdit>(list, "registerNumberEdit"), QStringLiteral("1204"));
        QTRY_VERIFY(child<QPushButton>(list, "readyButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(list, "readyButton"), Qt::LeftButton);
        QTRY_COMPARE(status(id), ids::Prete);
        QTRY_VERIFY(child<QPushButton>(list, "deliverButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(list, "deliverButton"), Qt::LeftButton);
        QTRY_COMPARE(status(id), ids::Delivree);
        auto* document = child<QLabel>(list, "documentLabel");
        QTRY_VERIFY(!document->property("path").toString().isEmpty());
        const QString slip = pdfText(document->property("path").toString());
        QVERIFY2(slip.contains(QStringLiteral("Bordereau de délivrance")), qPrintable(slip));
        QVERIFY(slip.contains(QStringLiteral("acte n° 1204")));
        QVERIFY(child<QLabel>(list, "requestDetailLabel")->text().contains(QStringLiteral("Délivrée")));
    }

    void refusedAtTheCounterCanOnlyBeRefused()
    {
        site->shell().showPage(ids::CounterPage);
        QWidget* page = site->shell().page(ids::CounterPage);
        choose(child<QComboBox>(page, "documentCombo"), QStringLiteral("extrait_avec_filiation"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Lemoine"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Jules"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("02/02/2002"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Issy-les-Moulineaux"));
        typeText(child<QLineEdit>(page, "parent1Edit"), QStringLiteral("LEMOINE Paul"));
        child<QLineEdit>(page, "parent2Edit")->clear();
        typeText(child<QLineEdit>(page, "parent2Edit"), QStringLiteral("ROY Anne"));
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("collateral"));
        typeText(child<QLineEdit>(page, "requesterNomEdit"), QStringLiteral("Lemoine"));
        QTest::mouseClick(child<QPushButton>(page, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(page, "lastRequestLabel")->text().contains(QStringLiteral("Lemoine"), Qt::CaseInsensitive)
                    || site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests WHERE person_nom = 'Lemoine'")) == 1);
        const qint64 id = site->scalar(QStringLiteral("SELECT dossier_id FROM ec_act_requests WHERE person_nom = 'Lemoine'"));
        QVERIFY(id > 0);

        site->shell().showPage(ids::RequestsPage);
        QWidget* list = site->shell().page(ids::RequestsPage);
        auto* search = child<QLineEdit>(list, "requestSearchEdit");
        search->clear();
        typeText(search, QStringLiteral("lemoine"));
        auto* table = child<QTableWidget>(list, "requestTable");
        QTRY_COMPARE(table->rowCount(), 1);
        table->selectRow(0);
        QTRY_VERIFY(child<QPushButton>(list, "refuseButton")->isEnabled());
        QVERIFY(!child<QPushButton>(list, "startSearchButton")->isEnabled());
        QVERIFY(!child<QPushButton>(list, "orientButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(list, "refuseButton"), Qt::LeftButton);
        QTRY_COMPARE(status(id), ids::Refusee);
        const QString letter = pdfText(child<QLabel>(list, "documentLabel")->property("path").toString());
        QVERIFY2(letter.contains(QStringLiteral("Motif du refus")), qPrintable(letter));
        QVERIFY(letter.contains(QStringLiteral("frères, sœurs")));
    }

    // The requester's hint follows the link: only the person on the act may leave the name
    // empty; a third party must be named, and the form says so before and after saving.
    void requesterHintFollowsTheLink()
    {
        site->shell().showPage(ids::CounterPage);
        QWidget* page = site->shell().page(ids::CounterPage);
        QVERIFY(page);
        clearForm(page);
        choose(child<QComboBox>(page, "actCombo"), QStringLiteral("naissance"));
        auto* requester = child<QLineEdit>(page, "requesterNomEdit");
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("personne_majeure"));
        QCOMPARE(requester->placeholderText(), QStringLiteral("vide = la personne elle-même"));
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("tiers"));
        QVERIFY2(requester->placeholderText().startsWith(QStringLiteral("obligatoire")),
                 qPrintable(requester->placeholderText()));
        QVERIFY(!requester->placeholderText().contains(QStringLiteral("vide")));

        choose(child<QComboBox>(page, "documentCombo"), QStringLiteral("extrait_sans_filiation"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Garnier"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Rose"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("12/12/1992"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Issy-les-Moulineaux"));
        const qint64 before = site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests"));
        QTest::mouseClick(child<QPushButton>(page, "registerButton"), Qt::LeftButton);
        auto* errors = child<QLabel>(page, "formErrorLabel");
        QTRY_VERIFY(errors->isVisible());
        QVERIFY2(errors->text().contains(QStringLiteral("seule la personne figurant sur l'acte")),
                 qPrintable(errors->text()));
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests")), before);
        // Named, the third party's request is recorded.
        typeText(requester, QStringLiteral("Vasseur"));
        QTest::mouseClick(child<QPushButton>(page, "registerButton"), Qt::LeftButton);
        QTRY_COMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests")), before + 1);
        QCOMPARE(site->scalar(QStringLiteral("SELECT COUNT(*) FROM ec_act_requests "
                                             "WHERE UPPER(requester_nom) = 'VASSEUR' AND requester_link = 'tiers'")),
                 1);
    }

    // An act drawn up elsewhere is never "Délivrance autorisée" here: the verdict says to orient.
    void actKeptElsewhereIsToBeOriented()
    {
        site->shell().showPage(ids::CounterPage);
        QWidget* page = site->shell().page(ids::CounterPage);
        clearForm(page);
        auto* verdict = child<QLabel>(page, "verdictLabel");
        choose(child<QComboBox>(page, "actCombo"), QStringLiteral("naissance"));
        choose(child<QComboBox>(page, "documentCombo"), QStringLiteral("copie_integrale"));
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("personne_majeure"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Roussel"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Théo"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("04/07/1995"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Issy-les-Moulineaux"));
        QTRY_COMPARE(verdict->property("verdict").toString(), QStringLiteral("autorise"));
        QVERIFY(verdict->text().contains(QStringLiteral("Délivrance autorisée")));
        // Born in Clamart: only Clamart's mairie holds the act.
        auto* commune = child<QLineEdit>(page, "eventCommuneEdit");
        commune->clear();
        typeText(commune, QStringLiteral("Clamart"));
        QTRY_COMPARE(verdict->property("verdict").toString(), QStringLiteral("orienter"));
        QVERIFY2(!verdict->text().contains(QStringLiteral("autorisée")), qPrintable(verdict->text()));
        QVERIFY(!verdict->text().contains(QStringLiteral("#1b5e20"))); // not the green of an allowed delivery
        QVERIFY2(verdict->text().contains(QStringLiteral("Délivrance impossible ici")), qPrintable(verdict->text()));
        QVERIFY(verdict->text().contains(QStringLiteral("Clamart")));
        QVERIFY(child<QLabel>(page, "locationLabel")->text().startsWith(QStringLiteral("À orienter")));
        // A requester with no right is still told so, act here or not.
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("tiers"));
        QTRY_COMPARE(verdict->property("verdict").toString(), QStringLiteral("refuse"));
        clearForm(page);
    }

    // After a save the next requester starts from a blank form, and the confirmation is a
    // sentence with a button to open the acknowledgement, not a file path.
    void savedRequestClearsTheFormAndOffersTheReceipt()
    {
        site->shell().showPage(ids::CounterPage);
        QWidget* page = site->shell().page(ids::CounterPage);
        clearForm(page);
        choose(child<QComboBox>(page, "actCombo"), QStringLiteral("mariage"));
        choose(child<QComboBox>(page, "documentCombo"), QStringLiteral("extrait_sans_filiation"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Collet"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Inès"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("18/06/2011"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Issy-les-Moulineaux"));
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("ascendant"));
        typeText(child<QLineEdit>(page, "requesterNomEdit"), QStringLiteral("Collet"));
        typeText(child<QLineEdit>(page, "requesterPrenomsEdit"), QStringLiteral("Bernard"));
        choose(child<QComboBox>(page, "deliveryCombo"), QStringLiteral("courrier"));
        typeText(child<QLineEdit>(page, "requesterAddressEdit"), QStringLiteral("8 rue Guynemer 92130 Issy"));
        QStringList opened;
        ui::DesktopFiles::setOpener([&opened](const QString& path) { opened << path; });
        QTest::keyClick(child<QLineEdit>(page, "requesterAddressEdit"), Qt::Key_Return, Qt::ControlModifier);
        auto* last = child<QLabel>(page, "lastRequestLabel");
        QTRY_VERIFY(last->text().contains(QStringLiteral("EC-")));
        const QString receipt = last->property("receiptPath").toString();
        QVERIFY2(QFile::exists(receipt), qPrintable(receipt));
        QVERIFY2(!last->text().contains(QStringLiteral(".pdf")) && !last->text().contains(QFileInfo(receipt).path()),
                 qPrintable(last->text()));
        QVERIFY2(last->text().contains(QStringLiteral("COLLET Bernard")), qPrintable(last->text()));
        QVERIFY(last->text().contains(QStringLiteral("accusé de réception est prêt")));
        QVERIFY(!site->shell().lastStatus().contains(QStringLiteral(".pdf")));
        // Nothing of this requester carries over.
        for (QLineEdit* edit : page->findChildren<QLineEdit*>(QRegularExpression(QStringLiteral("Edit$"))))
            QVERIFY2(edit->text().isEmpty(), qPrintable(edit->objectName() + QStringLiteral(": ") + edit->text()));
        for (const char* name : {"actCombo", "documentCombo", "linkCombo", "channelCombo", "deliveryCombo"})
            QCOMPARE(child<QComboBox>(page, name)->currentIndex(), 0);
        QCOMPARE(child<QLineEdit>(page, "requesterNomEdit")->placeholderText(),
                 QStringLiteral("vide = la personne elle-même"));
        // The acknowledgement opens from the button or Ctrl+O.
        auto* open = child<QPushButton>(page, "openReceiptButton");
        QVERIFY(open->isVisible());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(opened, QStringList{receipt});
        site->shell().window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(site->shell().window()));
        child<QComboBox>(page, "actCombo")->setFocus();
        QTest::keyClick(child<QComboBox>(page, "actCombo"), Qt::Key_O, Qt::ControlModifier);
        QTRY_COMPARE(opened.size(), 2);
        ui::DesktopFiles::setOpener({});
        QVERIFY(pdfText(receipt).contains(QStringLiteral("collet"), Qt::CaseInsensitive));
    }

    void citizenPanelListsAndStartsRequests()
    {
        const qint64 citizen = site->addCitizen(QStringLiteral("Mercier"), QStringLiteral("Anaïs"), QDate(1979, 5, 6));
        QVERIFY(citizen > 0);
        const CitizenPanelSpec* spec = nullptr;
        for (const CitizenPanelSpec& s : site->context().citizenPanels.items())
            if (s.id == ids::CitizenPanel)
                spec = &s;
        QVERIFY(spec);
        std::unique_ptr<QWidget> panel(spec->create(citizen, nullptr));
        auto* rows = child<QTableWidget>(panel.get(), "etatcivilCitizenTable");
        QCOMPARE(rows->rowCount(), 0);

        QTest::mouseClick(child<QPushButton>(panel.get(), "etatcivilNewRequestButton"), Qt::LeftButton);
        QWidget* page = site->shell().page(ids::CounterPage);
        QTRY_COMPARE(child<QLineEdit>(page, "requesterNomEdit")->text(), QStringLiteral("Mercier"));
        choose(child<QComboBox>(page, "actCombo"), QStringLiteral("deces"));
        typeText(child<QLineEdit>(page, "personNomEdit"), QStringLiteral("Mercier"));
        typeText(child<QLineEdit>(page, "personPrenomsEdit"), QStringLiteral("Robert"));
        typeText(child<QLineEdit>(page, "eventDateEdit"), QStringLiteral("03/03/2020"));
        typeText(child<QLineEdit>(page, "eventCommuneEdit"), QStringLiteral("Clamart"));
        typeText(child<QLineEdit>(page, "lastDomicileEdit"), QStringLiteral("Issy-les-Moulineaux"));
        choose(child<QComboBox>(page, "linkCombo"), QStringLiteral("descendant"));
        QTRY_VERIFY(child<QLabel>(page, "locationLabel")->text().contains(QStringLiteral("transcrit")));
        QTest::keyClick(child<QLineEdit>(page, "personNomEdit"), Qt::Key_Return, Qt::ControlModifier);
        // The panel follows: one request, the citizen as requester.
        QTRY_COMPARE(rows->rowCount(), 1);
        QVERIFY(rows->item(0, 2)->text().contains(QStringLiteral("demandeur")));
    }
};

QTEST_MAIN(TestCounterGui)
#include "TestCounterGui.moc"
