// Merging two records of the same person through the real plugin's dialog: only for
// roles holding citizen.merge (hidden otherwise, and refused by the core anyway); the
// preview says what the kept record will look like and what moves; after confirming,
// one record remains with every contact and dossier.
#include "tests/usagers/UsagersHarness.h"

#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "ui/citizen/CitizenSearchModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace iris;
using namespace iris::test;

class TestUsagersMergeGui : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;
    qint64 first = 0;   // Lefèvre, with a phone
    qint64 second = 0;  // LEFEVRE, with an e-mail, contacts and a dossier
    qint64 dossierId = 0;

    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }

    static QString previewValue(QTableWidget* table, const QString& label, int column)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == label)
                return table->item(r, column)->text();
        }
        return QStringLiteral("<absent>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString why;
        QVERIFY2(h->start(30, 0, &why), qPrintable(why));
        QVERIFY(h->addTestDossierType());
        first = h->addCitizen(QStringLiteral("Lefèvre"), QStringLiteral("Paul"), QDate(1970, 5, 1),
                              QStringLiteral("06 11 11 11 11"));
        second = h->addCitizen(QStringLiteral("LEFEVRE"), QStringLiteral("Paul André"), QDate(1970, 5, 1),
                               QStringLiteral("06 22 22 22 22"), QStringLiteral("paul.lefevre@example.org"));
        QVERIFY(first > 0 && second > 0);
        QVERIFY(h->logContact(second, ContactChannel::Telephone, 30));
        QVERIFY(h->logContact(second, ContactChannel::Visite, 2));
        QVERIFY(h->logContact(first, ContactChannel::Courriel, 10));
        dossierId = h->openDossier(second, QStringLiteral("Attestation de domicile")).id;
        QVERIFY(dossierId > 0);
    }

    void cleanupTestCase() { delete h; }

    void counterAgentCannotMerge()
    {
        QString why;
        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
        QVERIFY(!page()->findChild<QWidget*>(QStringLiteral("mergeCitizensButton"))->isVisibleTo(page()));
        h->shell().openRecord(QStringLiteral("citizen"), first);
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QVERIFY(card);
        QVERIFY(!card->findChild<QWidget*>(QStringLiteral("mergeButton"))->isVisibleTo(card));
        // The shell hides the action (permission); the core refuses it anyway.
        QVERIFY(!h->services()->session().can(h->action(QStringLiteral("usagers.mergeCitizens"))->permission));
        const Result<Citizen> refused = h->services()->citizens().merge(first, second);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::PermissionDenied);
        QVERIFY(h->system().citizens().get(second).ok());
    }

    void supervisorMergesWithPreview()
    {
        QString why;
        QVERIFY2(h->login(QStringLiteral("superviseur"), QStringLiteral("superviseur"), &why), qPrintable(why));
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
        QVERIFY(page()->findChild<QWidget*>(QStringLiteral("mergeCitizensButton"))->isVisibleTo(page()));
        h->shell().openRecord(QStringLiteral("citizen"), first);
        const int before = h->citizenCount();

        h->action(QStringLiteral("usagers.mergeCitizens"))->trigger();
        QWidget* dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel(QStringLiteral("citizenMergeDialog"))));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("mergeFirstLabel"))->text().contains(QStringLiteral("LEFÈVRE")));

        // The first record is not offered as its own duplicate.
        QWidget* picker = dialog->findChild<QWidget*>(QStringLiteral("mergePicker"));
        auto* field = picker->findChild<QLineEdit*>(QStringLiteral("citizenSearchField"));
        typeText(field, QStringLiteral("lefevre paul"));
        auto* model = qobject_cast<ui::CitizenSearchModel*>(
            picker->findChild<QTableView*>(QStringLiteral("citizenResults"))->model());
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->citizenId(0), second);
        QTest::keyClick(field, Qt::Key_Return);

        auto* keepFirst = dialog->findChild<QRadioButton*>(QStringLiteral("keepFirstRadio"));
        auto* keepSecond = dialog->findChild<QRadioButton*>(QStringLiteral("keepSecondRadio"));
        auto* preview = dialog->findChild<QTableWidget*>(QStringLiteral("mergePreview"));
        QTRY_VERIFY(preview->isVisible());
        QVERIFY(keepFirst->isChecked());
        // Kept: the first record's values; its empty e-mail is taken from the other one.
        QCOMPARE(previewValue(preview, QStringLiteral("Courriel"), 3), QStringLiteral("paul.lefevre@example.org"));
        QCOMPARE(previewValue(preview, QStringLiteral("Téléphone"), 3), QStringLiteral("06 11 11 11 11"));
        QCOMPARE(previewValue(preview, QStringLiteral("Autre téléphone"), 3), QStringLiteral("06 22 22 22 22"));
        QCOMPARE(previewValue(preview, QStringLiteral("Prénoms"), 3), QStringLiteral("Paul"));
        const QString counts = dialog->findChild<QLabel*>(QStringLiteral("mergeCounts"))->text();
        QVERIFY2(counts.contains(QStringLiteral("2 contacts")) && counts.contains(QStringLiteral("1 dossier")),
                 qPrintable(counts));

        // Choosing the other record changes the preview.
        keepSecond->click();
        QCOMPARE(previewValue(preview, QStringLiteral("Prénoms"), 3), QStringLiteral("Paul André"));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("mergeCounts"))->text().startsWith(QStringLiteral("1 contact et 0 dossier")));
        keepFirst->click();
        QCOMPARE(previewValue(preview, QStringLiteral("Prénoms"), 3), QStringLiteral("Paul"));

        // What the preview promised, read before the dialog goes away.
        QHash<QString, QString> promised;
        for (int r = 0; r < preview->rowCount(); ++r)
            promised.insert(preview->item(r, 0)->text(), preview->item(r, 3)->text());
        QPointer<QWidget> guard = dialog;
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("mergeConfirmButton")), Qt::LeftButton);
        QTRY_VERIFY(!guard);

        // One record left, with everything of both.
        QCOMPARE(h->citizenCount(), before - 1);
        const Result<Citizen> gone = h->system().citizens().get(second);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        const Result<Citizen> kept = h->system().citizens().get(first);
        QVERIFY(kept.ok());
        QCOMPARE(kept->email, QStringLiteral("paul.lefevre@example.org"));
        QCOMPARE(kept->phone, QStringLiteral("+33611111111"));
        QCOMPARE(kept->prenoms, QStringLiteral("Paul"));
        QCOMPARE(kept->phone2, QStringLiteral("+33622222222"));
        // Every line of the preview is what the core did.
        QCOMPARE(promised.value(QStringLiteral("Nom d'usage")), kept->nomUsage);
        QCOMPARE(promised.value(QStringLiteral("Date de naissance")),
                 kept->birthDate.toString(QStringLiteral("dd/MM/yyyy")));
        QCOMPARE(promised.value(QStringLiteral("Adresse")),
                 QStringLiteral("12 rue du Général Leclerc, 92130 Issy-les-Moulineaux"));
        QCOMPARE(promised.value(QStringLiteral("Téléphone")), QStringLiteral("06 11 11 11 11"));
        QCOMPARE(promised.value(QStringLiteral("Autre téléphone")), QStringLiteral("06 22 22 22 22"));
        QCOMPARE(promised.value(QStringLiteral("Courriel")), kept->email);
        QCOMPARE(promised.value(QStringLiteral("Prénoms")), kept->prenoms);
        QCOMPARE(h->system().contacts().listByCitizen(first)->size(), 3);
        QCOMPARE(h->system().dossiers().get(dossierId)->citizenId, first);

        // The 360° page on screen shows the kept record with the moved history.
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QTRY_COMPARE(card->findChild<QLabel*>(QStringLiteral("identityEmail"))->text(),
                     QStringLiteral("paul.lefevre@example.org"));
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("contactsSummary"))->text().left(10),
                 QStringLiteral("3 contacts"));
        QVERIFY(card->findChild<QLabel*>(QStringLiteral("dossiersSummary"))->text().startsWith(QStringLiteral("1 dossier")));
    }
};

QTEST_MAIN(TestUsagersMergeGui)
#include "TestUsagersMergeGui.moc"
