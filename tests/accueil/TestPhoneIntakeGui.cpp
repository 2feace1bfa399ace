// The phone intake through the real plugins (usagers + accueil): F9 "Appel entrant" opens
// the intake with its running timer; the caller's number, typed key by key, finds the
// matching citizen (search on a worker thread); the motive is chosen from the keyboard;
// the call is saved as a core contact on channel "telephone" — and a number nobody has
// creates a phone-only citizen, found by number on the next call. A promised callback
// becomes a task for the agent. Oriented to a service, the intake shows what to tell the
// caller: the service's number, its hours and whether it is open now. A caller found by
// the last digits of their number is called back on their own number; Ctrl+M goes to the
// motive, and no motive looks chosen before one is; Échap abandons after confirmation.
#include "core/domain/Contact.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/storage/Database.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "tests/usagers/UsagersHarness.h"
#include "ui/citizen/CitizenSearchRunner.h"
#include "ui/widgets/MessageBox.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestPhoneIntakeGui : public QObject
{
    Q_OBJECT

    static qint64 scalar(UsagersHarness& h, const QString& sql)
    {
        QSqlQuery q(h.database()->connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    static QWidget* openIntake(UsagersHarness& h)
    {
        const ActionSpec* call = h.action(accueil::ids::IncomingCallAction);
        if (!call || call->shortcut != u"F9"_s)
            return nullptr;
        call->trigger();
        return findTopLevel(u"phoneIntake"_s);
    }
    static void chooseMotive(QWidget* intake, const QString& filter)
    {
        auto* field = intake->findChild<QLineEdit*>(u"phoneMotiveFilter"_s);
        QVERIFY(field);
        QTest::keyClicks(field, filter);
        QTest::keyClick(field, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void knownCallerIsFoundAndCallSaved()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const qint64 caller = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 10 20 30 40"_s);
        const qint64 other = h.addCitizen(u"Bernard"_s, u"Luc"_s, QDate(1975, 1, 2), u"06 99 88 77 66"_s);
        QVERIFY(caller > 0 && other > 0);
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        const qint64 agent = h.services()->session().agent().id;

        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        auto* timer = intake->findChild<QLabel*>(u"phoneTimer"_s);
        QVERIFY2(timer->text().startsWith(u"Appel en cours — 00:0"_s), qPrintable(timer->text()));
        auto* who = intake->findChild<QLabel*>(u"phoneCitizen"_s);
        QCOMPARE(who->text(), u"Appelant non identifié"_s);

        // The number as the caller ID shows it, without spaces: one match, taken at once.
        auto* number = intake->findChild<QLineEdit*>(u"phoneNumber"_s);
        QVERIFY(number);
        QVERIFY(QTest::qWaitForWindowActive(intake));
        QTRY_VERIFY(number->hasFocus());  // the call starts on the number field
        QTest::keyClicks(number, u"0610203040"_s);
        auto* matches = intake->findChild<QListWidget*>(u"phoneMatches"_s);
        QTRY_COMPARE(matches->count(), 1);
        QVERIFY2(matches->item(0)->text().contains(u"MOREAU"_s), qPrintable(matches->item(0)->text()));
        QTRY_VERIFY2(who->text().contains(u"MOREAU"_s), qPrintable(who->text()));
        QVERIFY(intake->findChild<QPushButton*>(u"phoneOpenCitizen"_s)->isEnabled());

        // Motive from the keyboard, notes, outcome "répondu" (the default).
        chooseMotive(intake, u"pacs"_s);
        auto* motive = intake->findChild<QLabel*>(u"phoneMotive"_s);
        QTRY_COMPARE(motive->text(), u"État civil › PACS"_s);
        auto* notes = intake->findChild<QPlainTextEdit*>(u"phoneNotes"_s);
        QVERIFY(notes->hasFocus());  // the motive hands over to the notes
        QTest::keyClicks(notes, u"Pieces a fournir pour un PACS"_s);
        auto* outcome = intake->findChild<QComboBox*>(u"phoneOutcome"_s);
        QCOMPARE(ContactOutcome(outcome->currentData().toInt()), ContactOutcome::Repondu);
        QVERIFY(!intake->findChild<QComboBox*>(u"phoneCallbackPreset"_s)->isVisible());

        intake->findChild<QPushButton*>(u"phoneSave"_s)->click();
        QTRY_VERIFY(!intake);  // closed and deleted
        QCOMPARE(h.shell().lastStatus(), u"Appel enregistré."_s);

        // One core contact, on the telephone channel, for the caller and the motive.
        const Result<MotiveTheme> pacs = h.system().contacts().motiveThemeByCode(u"etat-civil.pacs"_s);
        QVERIFY(pacs);
        const Result<QList<Contact>> logged = h.system().contacts().listByCitizen(caller);
        QVERIFY(logged);
        QCOMPARE(logged->size(), 1);
        const Contact& c = logged->first();
        QCOMPARE(c.channel, ContactChannel::Telephone);
        QCOMPARE(c.direction, ContactDirection::Entrant);
        QCOMPARE(c.outcome, ContactOutcome::Repondu);
        QCOMPARE(c.motiveThemeId, pacs->id);
        QCOMPARE(c.agentId, agent);
        QCOMPARE(c.summary, u"Pieces a fournir pour un PACS"_s);
        QVERIFY(c.startedAt.isValid() && c.endedAt.isValid() && c.startedAt <= c.endedAt);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts"_s), 1);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts WHERE citizen_id = %1"_s.arg(other)), 0);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_callbacks"_s), 0);
    }

    void unknownNumberCreatesPhoneOnlyCitizen()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY(h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 10 20 30 40"_s) > 0);
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        const int citizensBefore = h.citizenCount();

        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        auto* number = intake->findChild<QLineEdit*>(u"phoneNumber"_s);
        auto* matches = intake->findChild<QListWidget*>(u"phoneMatches"_s);
        auto* who = intake->findChild<QLabel*>(u"phoneCitizen"_s);
        // First a known number, to see the search answer in this window…
        QTest::keyClicks(number, u"0610203040"_s);
        QTRY_COMPARE(matches->count(), 1);
        // …then the real caller's number, which nobody has: the search answers, empty.
        auto* runner = intake->findChild<ui::CitizenSearchRunner*>();
        QVERIFY(runner);
        QSignalSpy answers(runner, &ui::CitizenSearchRunner::resultsReady);
        number->clear();
        QTest::keyClicks(number, u"07 98 76 54 32"_s);
        const auto answered = [&answers] {
            for (const QList<QVariant>& a : std::as_const(answers)) {
                if (a.at(0).toString() == u"07 98 76 54 32"_s)
                    return a.at(1).value<QList<CitizenSummary>>().size();
            }
            return qsizetype(-1);
        };
        QTRY_COMPARE(answered(), 0);
        QCOMPARE(matches->count(), 0);
        QCOMPARE(who->text(), u"Appelant non identifié"_s);

        // Ctrl+Maj+N records the caller with only the number (names are optional).
        QTest::keyClick(number, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(h.citizenCount(), citizensBefore + 1);
        const qint64 created = scalar(h, u"SELECT MAX(id) FROM citizens"_s);
        QVERIFY(created > 0);
        QCOMPARE(intake->findChild<QLabel*>(u"phoneError"_s)->text(), QString());
        QVERIFY2(!who->text().isEmpty() && who->text() != u"Appelant non identifié"_s, qPrintable(who->text()));
        QVERIFY(intake->findChild<QPushButton*>(u"phoneOpenCitizen"_s)->isEnabled());
        {
            QSqlQuery q(h.database()->connection());
            QVERIFY(q.exec(u"SELECT phone, preferred_channel FROM citizens WHERE id = %1"_s.arg(created)) && q.next());
            QVERIFY2(q.value(0).toString().remove(u' ').endsWith(u"798765432"_s), qPrintable(q.value(0).toString()));
            QCOMPARE(q.value(1).toString(), u"telephone"_s);
        }

        // The call is saved for that citizen, with a callback promised by the agent.
        chooseMotive(intake, u"logement social"_s);
        QTRY_COMPARE(intake->findChild<QLabel*>(u"phoneMotive"_s)->text(), u"Logement › Demande de logement social"_s);
        auto* outcome = intake->findChild<QComboBox*>(u"phoneOutcome"_s);
        outcome->setCurrentIndex(outcome->findData(int(ContactOutcome::RappelPrevu)));
        QVERIFY(intake->findChild<QComboBox*>(u"phoneCallbackPreset"_s)->isVisible());
        auto* assignee = intake->findChild<QComboBox*>(u"phoneCallbackAssignee"_s);
        QCOMPARE(assignee->currentIndex(), 0);  // "Moi-même"
        QTest::keyClick(intake, Qt::Key_Return, Qt::ControlModifier);  // Ctrl+Entrée saves
        QTRY_VERIFY(!intake);  // closed and deleted

        const qint64 agent = h.services()->session().agent().id;
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts WHERE channel = 'telephone' AND outcome = 'rappel_prevu' "
                           u"AND callback_due_at IS NOT NULL AND citizen_id = %1"_s.arg(created)),
                 1);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_callbacks WHERE citizen_id = %1 AND assigned_agent_id = %2 "
                           u"AND done_at IS NULL AND origin_contact_id = (SELECT id FROM contacts)"_s
                               .arg(created)
                               .arg(agent)),
                 1);
        QVERIFY2(h.shell().lastStatus().startsWith(u"Appel enregistré ; rappel prévu le "_s),
                 qPrintable(h.shell().lastStatus()));

        // Next call from the same number: the phone-only citizen is found like any other.
        intake = openIntake(h);
        QVERIFY(intake);
        number = intake->findChild<QLineEdit*>(u"phoneNumber"_s);
        matches = intake->findChild<QListWidget*>(u"phoneMatches"_s);
        QCOMPARE(number->text(), QString());
        QTest::keyClicks(number, u"0798765432"_s);
        QTRY_COMPARE(matches->count(), 1);
        QTRY_VERIFY(intake->findChild<QPushButton*>(u"phoneOpenCitizen"_s)->isEnabled());
        QCOMPARE(h.citizenCount(), citizensBefore + 1);
    }
    void orientationShowsTheServicePhoneHoursAndWhetherItIsOpen()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        const Result<MunicipalService> logement = h.system().directory().findByCode(u"logement"_s);
        QVERIFY(logement);

        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        chooseMotive(intake, u"logement social"_s);
        auto* outcome = intake->findChild<QComboBox*>(u"phoneOutcome"_s);
        auto* service = intake->findChild<QComboBox*>(u"phoneService"_s);
        auto* info = intake->findChild<QLabel*>(u"phoneServiceInfo"_s);
        QVERIFY(outcome && service && info);
        QVERIFY(!service->isVisible());  // only once the call is oriented
        outcome->setCurrentIndex(outcome->findData(int(ContactOutcome::Oriente)));
        QTRY_VERIFY(service->isVisible());

        // The agent types part of the service's name, as on the phone.
        service->setFocus();
        QTest::keyClicks(service->lineEdit(), u"Service Logement"_s);
        QTest::keyClick(service->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE(service->currentData().toLongLong(), logement->id);

        // What to tell the caller: the service's own number, its hours and whether it is open now.
        const QString text = info->text();
        QVERIFY2(text.contains(u"Tél. 01 41 23 88 30"_s), qPrintable(text));
        QVERIFY2(text.contains(logement->hours.toDisplayText()), qPrintable(text));
        QVERIFY2(text.contains(u"Accueil sur rendez-vous l'après-midi."_s), qPrintable(text));
        if (logement->isOpenAt(QDateTime::currentDateTime()))
            QVERIFY2(text.contains(u"Ouvert en ce moment"_s), qPrintable(text));
        else
            QVERIFY2(text.contains(u"Fermé — ouvre "_s), qPrintable(text));

        // The offscreen platform leaves no active window once the completer's popup closes.
        intake->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(intake));
        QTest::keyClick(intake, Qt::Key_Return, Qt::ControlModifier);  // Ctrl+Entrée saves
        QTRY_VERIFY2(!intake, qPrintable(intake ? intake->findChild<QLabel*>(u"phoneError"_s)->text() : QString()));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts WHERE channel = 'telephone' AND outcome = 'oriente' "
                           u"AND oriented_service_id = %1"_s.arg(logement->id)),
                 1);
    }

    void lastDigitsFindTheCallerWhoIsCalledBackOnTheirNumber()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const qint64 caller = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 12 34 33 62"_s);
        QVERIFY(caller > 0);
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));

        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        auto* number = intake->findChild<QLineEdit*>(u"phoneNumber"_s);
        QTest::keyClicks(number, u"3362"_s);
        auto* who = intake->findChild<QLabel*>(u"phoneCitizen"_s);
        QTRY_VERIFY2(who->text().contains(u"MOREAU"_s), qPrintable(who->text()));
        // The number that will be used is shown beside the name.
        QVERIFY2(who->text().contains(u"06 12 34 33 62"_s), qPrintable(who->text()));

        chooseMotive(intake, u"logement social"_s);
        auto* outcome = intake->findChild<QComboBox*>(u"phoneOutcome"_s);
        outcome->setCurrentIndex(outcome->findData(int(ContactOutcome::RappelPrevu)));
        intake->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(intake));
        QTest::keyClick(intake, Qt::Key_Return, Qt::ControlModifier);
        // Refused before the fix: "Le numéro de téléphone « 3362 » doit compter 10 chiffres".
        QTRY_VERIFY2(!intake, qPrintable(intake ? intake->findChild<QLabel*>(u"phoneError"_s)->text() : QString()));
        {
            QSqlQuery q(h.database()->connection());
            QVERIFY(q.exec(u"SELECT phone, citizen_id FROM accueil_callbacks"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"+33612343362"_s);
            QCOMPARE(q.value(1).toLongLong(), caller);
            QVERIFY(!q.next());
        }
    }

    void motiveHasAShortcutAndNothingLooksChosenBeforeItIs()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        QVERIFY(QTest::qWaitForWindowActive(intake));
        auto* list = intake->findChild<QListWidget*>(u"phoneMotiveList"_s);
        auto* filter = intake->findChild<QLineEdit*>(u"phoneMotiveFilter"_s);
        QVERIFY(list && filter);
        QVERIFY(list->count() > 0);
        QCOMPARE(list->currentRow(), -1);
        QVERIFY(list->selectedItems().isEmpty());

        // Saving without a motive is refused, and still nothing looks chosen.
        intake->findChild<QPushButton*>(u"phoneSave"_s)->click();
        QTRY_COMPARE(intake->findChild<QLabel*>(u"phoneError"_s)->text().contains(u"motif"_s), true);
        QCOMPARE(list->currentRow(), -1);

        // Ctrl+M: the motive field, from anywhere in the intake.
        QVERIFY(!filter->hasFocus());
        QTest::keyClick(intake, Qt::Key_M, Qt::ControlModifier);
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, u"pacs"_s);
        QVERIFY(list->count() >= 1);
        QCOMPARE(list->currentRow(), -1);
        QTest::keyClick(filter, Qt::Key_Return);  // the first match, now shown as chosen
        QTRY_COMPARE(intake->findChild<QLabel*>(u"phoneMotive"_s)->text(), u"État civil › PACS"_s);
        QCOMPARE(list->currentRow(), 0);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        intake->close();
        QTRY_VERIFY(!intake);
    }

    void escapeAbandonsTheCallAfterConfirmation()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));

        // Nothing typed: Échap closes at once.
        QPointer<QWidget> intake = openIntake(h);
        QVERIFY(intake);
        QVERIFY(QTest::qWaitForWindowActive(intake));
        ui::MessageBox::clearRecords();
        QTest::keyClick(intake, Qt::Key_Escape);
        QTRY_VERIFY(!intake);
        QVERIFY(ui::MessageBox::records().isEmpty());

        // Something typed: the agent is asked; "Non" keeps the call and what was typed.
        intake = openIntake(h);
        QVERIFY(intake);
        QVERIFY(QTest::qWaitForWindowActive(intake));
        auto* number = intake->findChild<QLineEdit*>(u"phoneNumber"_s);
        QTest::keyClicks(number, u"06 11 22 33 44"_s);
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(intake, Qt::Key_Escape);
        QCOMPARE(ui::MessageBox::records().size(), 1);
        QVERIFY(ui::MessageBox::records().constFirst().text.contains(u"Abandonner cet appel"_s));
        QVERIFY(intake && intake->isVisible());
        QCOMPARE(number->text(), u"06 11 22 33 44"_s);
        // F9 again while it is open brings the same call back, untouched.
        QCOMPARE(openIntake(h), intake.data());
        QCOMPARE(number->text(), u"06 11 22 33 44"_s);

        // "Abandonner", then "Oui": closed, nothing saved.
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        intake->findChild<QPushButton*>(u"phoneAbandon"_s)->click();
        QTRY_VERIFY(!intake);
        QCOMPARE(ui::MessageBox::records().size(), 2);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts"_s), 0);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_callbacks"_s), 0);
    }
};

QTEST_MAIN(TestPhoneIntakeGui)
#include "TestPhoneIntakeGui.moc"
