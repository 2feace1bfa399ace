// Creating and editing a citizen in the real plugin's form: the core's validation errors
// appear next to their fields and nothing is saved; once corrected the record is saved
// and found again; duplicates are suggested; a stale edit is a clear conflict.
#include "tests/usagers/UsagersHarness.h"

#include "core/base/PhoneNumber.h"
#include "core/base/Validators.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "ui/citizen/CitizenSearchModel.h"
#include "ui/widgets/MessageBox.h"

#include <QDialog>
#include <QPointer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace iris;
using namespace iris::test;

class TestUsagersCreateGui : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;

    static QDialog* openDialog()
    {
        QWidget* w = nullptr;
        [&] { QTRY_VERIFY((w = findTopLevel(QStringLiteral("citizenEditDialog")))); }();
        return qobject_cast<QDialog*>(w);
    }
    static QLineEdit* edit(QWidget* dialog, const char* name)
    {
        auto* e = dialog->findChild<QLineEdit*>(QString::fromLatin1(name));
        if (!e)
            qWarning("no input %s", name);
        return e;
    }
    static void fill(QWidget* dialog, const char* name, const QString& text)
    {
        QLineEdit* e = edit(dialog, name);
        e->setFocus();
        e->selectAll();
        QTest::keyClick(e, Qt::Key_Backspace);
        typeText(e, text);
    }
    static QString error(QWidget* dialog, const char* field)
    {
        auto* label = dialog->findChild<QLabel*>(QString(QString::fromLatin1(field) + QStringLiteral("Error")));
        return label && label->isVisible() ? label->text() : QString();
    }
    static QString bannerText(QWidget* dialog)
    {
        auto* banner = dialog->findChild<QWidget*>(QStringLiteral("formBanner"));
        auto* text = dialog->findChild<QLabel*>(QStringLiteral("formBannerText"));
        return banner && text && banner->isVisible() ? text->text() : QString();
    }
    static void pressSave(QWidget* dialog)
    {
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog->focusWidget() ? dialog->focusWidget() : dialog, Qt::Key_S, Qt::ControlModifier);
    }
    void newCitizen()
    {
        const ActionSpec* action = h->action(QStringLiteral("usagers.newCitizen"));
        QVERIFY(action && action->trigger);
        action->trigger();
    }
    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString why;
        QVERIFY2(h->start(50, 0, &why), qPrintable(why));
        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
    }

    void cleanup() { ui::MessageBox::setAutoAnswer(QMessageBox::NoButton); }
    void cleanupTestCase() { delete h; }

    void invalidPhoneIsShownNextToItAndNothingIsSaved()
    {
        const int before = h->citizenCount();
        newCitizen();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        QVERIFY(dialog);
        fill(dialog, "nomUsageEdit", QStringLiteral("Benali"));
        fill(dialog, "prenomsEdit", QStringLiteral("Yasmine"));
        fill(dialog, "birthDateEdit", QStringLiteral("03/02/1990"));
        fill(dialog, "phoneEdit", QStringLiteral("01 23"));
        fill(dialog, "emailEdit", QStringLiteral("yasmine.benali@example.org"));
        pressSave(dialog);

        QTRY_VERIFY(!error(dialog, "phone").isEmpty());
        QVERIFY2(error(dialog, "phone").contains(QStringLiteral("téléphone"), Qt::CaseInsensitive)
                     || error(dialog, "phone").contains(QStringLiteral("numéro"), Qt::CaseInsensitive),
                 qPrintable(error(dialog, "phone")));
        QVERIFY(error(dialog, "nomUsage").isEmpty());
        QVERIFY(error(dialog, "email").isEmpty());
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("formBanner"))->isVisible());
        // The banner names what stops the save: the flagged field, and nothing about duplicates.
        const QString banner = bannerText(dialog);
        QVERIFY2(banner.contains(QStringLiteral("Corrigez les champs signalés : Téléphone.")), qPrintable(banner));
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("confirmDistinctButton"))->isVisible());
        QCOMPARE(edit(dialog, "phoneEdit")->property("invalid").toBool(), true);
        QCOMPARE(h->citizenCount(), before);

        // Correcting the field clears its message; saving now works.
        fill(dialog, "phoneEdit", QStringLiteral("06.12.34.56.78"));
        QVERIFY(error(dialog, "phone").isEmpty());
        pressSave(dialog);
        QTRY_VERIFY(!guard);  // saved, closed and deleted
        QTRY_COMPARE(h->citizenCount(), before + 1);

        // Saving opened the new record's 360° page.
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QVERIFY(card);
        QTRY_VERIFY(card->isVisible());
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("identityPhone"))->text(), QStringLiteral("06 12 34 56 78"));
    }

    void theNewRecordIsFoundAgain()
    {
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QTest::mouseClick(card->findChild<QWidget*>(QStringLiteral("backButton")), Qt::LeftButton);
        auto* field = page()->findChild<QLineEdit*>(QStringLiteral("citizenSearchField"));
        QTRY_VERIFY(field->isVisible());
        field->clear();
        typeText(field, QStringLiteral("benali yas"));
        auto* model = qobject_cast<ui::CitizenSearchModel*>(
            page()->findChild<QTableView*>(QStringLiteral("citizenResults"))->model());
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, ui::CitizenSearchModel::PhoneColumn).data().toString(),
                 QStringLiteral("06 12 34 56 78"));
        const Result<Citizen> stored = h->system().citizens().get(model->citizenId(0));
        QVERIFY(stored.ok());
        QCOMPARE(stored->phone, QStringLiteral("+33612345678"));
        QCOMPARE(stored->birthDate, QDate(1990, 2, 3));
    }

    void duplicatesAreSuggestedAndCanBeOpened()
    {
        const int before = h->citizenCount();
        const Result<QList<CitizenSummary>> existing = h->system().citizens().search(QStringLiteral("benali yasmine"));
        QVERIFY(existing.ok() && existing->size() == 1);
        const qint64 id = existing->first().id;

        newCitizen();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        fill(dialog, "nomUsageEdit", QStringLiteral("BENALI"));
        fill(dialog, "prenomsEdit", QStringLiteral("yasmine"));
        fill(dialog, "birthDateEdit", QStringLiteral("3/2/1990"));
        QWidget* panel = dialog->findChild<QWidget*>(QStringLiteral("duplicatePanel"));
        QTRY_VERIFY(panel->isVisible());
        auto* open = panel->findChild<QPushButton*>(QStringLiteral("openDuplicate_%1").arg(id));
        QVERIFY(open);
        QTest::mouseClick(open, Qt::LeftButton);
        QTRY_VERIFY(!guard);
        QCOMPARE(h->citizenCount(), before);
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QTRY_VERIFY(card->isVisible());
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("identityPhone"))->text(), QStringLiteral("06 12 34 56 78"));
    }

    void everyProblemIsReportedAtOnce()
    {
        const int before = h->citizenCount();
        newCitizen();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        fill(dialog, "nomUsageEdit", QStringLiteral("Morel"));
        fill(dialog, "prenomsEdit", QStringLiteral("Inès"));
        fill(dialog, "birthDateEdit", QStringLiteral("31/02/1990"));  // not a date
        fill(dialog, "emailEdit", QStringLiteral("ines.morel@"));
        fill(dialog, "postcodeEdit", QStringLiteral("9213"));
        pressSave(dialog);
        QTRY_VERIFY(!error(dialog, "birthDate").isEmpty());
        QVERIFY(!error(dialog, "email").isEmpty());
        QVERIFY(!error(dialog, "postcode").isEmpty());
        QVERIFY(error(dialog, "nomUsage").isEmpty());
        QCOMPARE(h->citizenCount(), before);

        // A birth date in the future is refused by the core.
        fill(dialog, "birthDateEdit", QDate::currentDate().addDays(3).toString(QStringLiteral("dd/MM/yyyy")));
        fill(dialog, "emailEdit", QStringLiteral("ines.morel@example.org"));
        fill(dialog, "postcodeEdit", QStringLiteral("92130"));
        pressSave(dialog);
        QTRY_VERIFY(!error(dialog, "birthDate").isEmpty());
        QVERIFY(error(dialog, "email").isEmpty());
        QCOMPARE(h->citizenCount(), before);

        // Escape asks before dropping what was typed.
        ui::MessageBox::clearRecords();
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());
        QCOMPARE(ui::MessageBox::records().size(), 1);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!guard);
        QCOMPARE(h->citizenCount(), before);
    }

    void placeholdersAreExamplesNotValues()
    {
        newCitizen();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // The phone hint is plainly an example, and not the city hall's own number.
        const QString phoneHint = edit(dialog, "phoneEdit")->placeholderText();
        QVERIFY2(phoneHint.startsWith(QStringLiteral("ex. ")), qPrintable(phoneHint));
        QVERIFY(!phoneHint.contains(QStringLiteral("41 23 80 00")));
        int hints = 0;
        for (QLineEdit* e : dialog->findChildren<QLineEdit*>()) {
            const QString hint = e->placeholderText();
            if (hint.isEmpty())
                continue;
            ++hints;
            // No hint reads as a phone number, an e-mail address, a postcode or a date:
            // copied as it stands, each would be refused.
            QVERIFY2(!PhoneNumber::normalize(hint).ok(), qPrintable(hint));
            QVERIFY2(!Validators::email(hint).ok(), qPrintable(hint));
            QVERIFY2(!Validators::postcode(hint).ok(), qPrintable(hint));
            QVERIFY2(!Validators::parseDate(hint).isValid(), qPrintable(hint));
            // And it is drawn as a hint, not as typed text: an empty field with the hint
            // does not look like the same field holding those words.
            QVERIFY(e->text().isEmpty());
            const QImage asHint = e->grab().toImage();
            e->setPlaceholderText(QString());
            e->setText(hint);
            const QImage asValue = e->grab().toImage();
            e->clear();
            e->setPlaceholderText(hint);
            QVERIFY2(asHint != asValue, qPrintable(hint));
        }
        QVERIFY(hints >= 5);
        QTest::keyClick(dialog, Qt::Key_Escape);  // nothing typed: closes without asking
        QTRY_VERIFY(!guard);
    }

    void possibleDuplicateStopsTheSaveAndSaysSo()
    {
        const Result<QList<CitizenSummary>> existing = h->system().citizens().search(QStringLiteral("benali yasmine"));
        QVERIFY(existing.ok() && existing->size() == 1);
        const qint64 yasmine = existing->first().id;
        const int before = h->citizenCount();

        // Her brother, on the family phone: every field is valid, only the phone matches.
        newCitizen();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        fill(dialog, "nomUsageEdit", QStringLiteral("Benali"));
        fill(dialog, "prenomsEdit", QStringLiteral("Karim"));
        fill(dialog, "birthDateEdit", QStringLiteral("14/06/1993"));
        fill(dialog, "phoneEdit", QStringLiteral("06 12 34 56 78"));
        pressSave(dialog);  // before the suggestions had time to show

        QTRY_VERIFY(!bannerText(dialog).isEmpty());
        const QString banner = bannerText(dialog);
        QVERIFY2(banner.contains(QStringLiteral("BENALI Yasmine")) && banner.contains(QStringLiteral("même téléphone"))
                     && banner.contains(QStringLiteral("autre personne")),
                 qPrintable(banner));
        QVERIFY2(!banner.contains(QStringLiteral("orrigez")), qPrintable(banner));
        for (const char* field : {"nomUsage", "prenoms", "birthDate", "phone"})
            QVERIFY2(error(dialog, field).isEmpty(), field);
        QCOMPARE(h->citizenCount(), before);
        // The record in question is shown, with a way to open it instead.
        QWidget* panel = dialog->findChild<QWidget*>(QStringLiteral("duplicatePanel"));
        QVERIFY(panel->isVisible());
        QVERIFY(panel->findChild<QPushButton*>(QStringLiteral("openDuplicate_%1").arg(yasmine)));

        // Saving again is not an answer: the question stands until the agent answers it.
        pressSave(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(h->citizenCount(), before);

        auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmDistinctButton"));
        QVERIFY(confirm && confirm->isVisible());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(!guard);
        QCOMPARE(h->citizenCount(), before + 1);
        const Result<QList<CitizenSummary>> karim = h->system().citizens().search(QStringLiteral("benali karim"));
        QVERIFY(karim.ok() && karim->size() == 1);
        QCOMPARE(karim->first().phone, QStringLiteral("+33612345678"));
    }

    void staleEditIsAConflictWithReload()
    {
        const Result<QList<CitizenSummary>> found = h->system().citizens().search(QStringLiteral("benali yasmine"));
        QVERIFY(found.ok() && found->size() == 1);
        const qint64 id = found->first().id;
        h->shell().openRecord(QStringLiteral("citizen"), id);
        const ActionSpec* edit = h->action(QStringLiteral("usagers.editCitizen"));
        QVERIFY(edit);
        QCOMPARE(edit->shortcut, QStringLiteral("Ctrl+E"));
        edit->trigger();
        QDialog* dialog = openDialog();
        QPointer<QDialog> guard = dialog;
        QCOMPARE(this->edit(dialog, "nomUsageEdit")->text(), QStringLiteral("Benali"));

        // Someone else saves the record meanwhile.
        Result<Citizen> other = h->system().citizens().get(id);
        QVERIFY(other.ok());
        other->address.city = QStringLiteral("Vanves");
        other->address.postcode = QStringLiteral("92170");
        QVERIFY(h->system().citizens().update(*other).ok());

        fill(dialog, "emailEdit", QStringLiteral("y.benali@example.org"));
        pressSave(dialog);
        QWidget* banner = dialog->findChild<QWidget*>(QStringLiteral("formBanner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("formBannerText"))->text().contains(QStringLiteral("modifiée")));
        auto* reload = dialog->findChild<QPushButton*>(QStringLiteral("reloadButton"));
        QVERIFY(reload->isVisible());
        QCOMPARE(h->system().citizens().get(id)->email, QStringLiteral("yasmine.benali@example.org"));

        QTest::mouseClick(reload, Qt::LeftButton);
        QCOMPARE(this->edit(dialog, "cityEdit")->text(), QStringLiteral("Vanves"));
        QVERIFY(!banner->isVisible());
        fill(dialog, "emailEdit", QStringLiteral("y.benali@example.org"));
        pressSave(dialog);
        QTRY_VERIFY(!guard);
        const Result<Citizen> saved = h->system().citizens().get(id);
        QCOMPARE(saved->email, QStringLiteral("y.benali@example.org"));
        QCOMPARE(saved->address.city, QStringLiteral("Vanves"));
        // The 360° page shows the saved values.
        QWidget* card = page()->findChild<QWidget*>(QStringLiteral("citizen360Page"));
        QTRY_COMPARE(card->findChild<QLabel*>(QStringLiteral("identityEmail"))->text(),
                     QStringLiteral("y.benali@example.org"));
    }
};

QTEST_MAIN(TestUsagersCreateGui)
#include "TestUsagersCreateGui.moc"
