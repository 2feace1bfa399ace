// "Réponse immédiate" (F8) through the real plugins (usagers + accueil): once the motive is
// chosen, at most three keystrokes record the answered contact — here "C" (courriel) then
// Entrée, and for a frequent motive its digit then Entrée — saved as a core contact that
// counts in the contact indicators like any other, and the dialog is ready for the next one.
#include "core/domain/Contact.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "tests/usagers/UsagersHarness.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestQuickAnswerGui : public QObject
{
    Q_OBJECT

    static QDialog* openQuick(UsagersHarness& h)
    {
        const ActionSpec* quick = h.action(accueil::ids::QuickAnswerAction);
        if (!quick || quick->shortcut != u"F8"_s)
            return nullptr;
        quick->trigger();
        return qobject_cast<QDialog*>(findTopLevel(u"quickAnswer"_s));
    }
    /// A key as the agent types it: to whichever widget has the keyboard focus.
    static void press(Qt::Key key)
    {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QTest::keyClick(focus, key);
    }
    static qint64 count(UsagersHarness& h, const ContactFilter& filter)
    {
        const Result<qint64> n = h.system().contacts().count(filter);
        return n ? *n : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void motiveThenAtMostThreeKeystrokes()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        const qint64 agent = h.services()->session().agent().id;
        const Result<MotiveTheme> pacs = h.system().contacts().motiveThemeByCode(u"etat-civil.pacs"_s);
        QVERIFY(pacs);
        ContactFilter all;
        all.limit = 0;
        QCOMPARE(count(h, all), 0);

        QPointer<QDialog> dialog = openQuick(h);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        auto* filter = dialog->findChild<QLineEdit*>(u"quickMotiveFilter"_s);
        auto* save = dialog->findChild<QPushButton*>(u"quickSave"_s);
        auto* channel = dialog->findChild<QComboBox*>(u"quickChannel"_s);
        QVERIFY(filter && save && channel);
        QTRY_VERIFY(filter->hasFocus());
        QVERIFY(!save->isEnabled());
        // A téléconseiller answers on the phone by default.
        QCOMPARE(ContactChannel(channel->currentData().toInt()), ContactChannel::Telephone);

        // The motive: a few letters and Entrée.
        QTest::keyClicks(filter, u"pacs"_s);
        QCOMPARE(dialog->findChild<QListWidget*>(u"quickMotiveList"_s)->count(), 1);
        press(Qt::Key_Return);
        QVERIFY(save->isEnabled());
        QTRY_VERIFY(save->hasFocus());
        QVERIFY2(dialog->findChild<QLabel*>(u"quickSummary"_s)->text().startsWith(u"État civil › PACS — Téléphone"_s),
                 qPrintable(dialog->findChild<QLabel*>(u"quickSummary"_s)->text()));

        // Two keystrokes: C (courriel), Entrée.
        press(Qt::Key_C);
        QCOMPARE(ContactChannel(channel->currentData().toInt()), ContactChannel::Courriel);
        press(Qt::Key_Return);
        ContactFilter courriel;
        courriel.channel = ContactChannel::Courriel;
        courriel.motiveThemeId = pacs->id;
        courriel.agentId = agent;
        QCOMPARE(count(h, courriel), 1);
        QCOMPARE(count(h, all), 1);
        const Result<QList<Contact>> listed = h.system().contacts().list(courriel);
        QVERIFY(listed && listed->size() == 1);
        const Contact& c = listed->first();
        QCOMPARE(c.outcome, ContactOutcome::Repondu);
        QCOMPARE(c.citizenId, 0);  // anonymous answer
        QVERIFY(c.serviceId > 0);  // the agent's service: it counts for the service too
        QVERIFY(c.startedAt.isValid() && c.startedAt.secsTo(QDateTime::currentDateTimeUtc()) < 60);
        QCOMPARE(h.shell().lastStatus(), u"Réponse immédiate enregistrée : État civil › PACS."_s);

        // The dialog stays open, reset for the next answer.
        QVERIFY(dialog->isVisible());
        QVERIFY(!save->isEnabled());
        QTRY_VERIFY(filter->hasFocus());
        QCOMPARE(filter->text(), QString());
        // Entrée with no motive saves nothing.
        press(Qt::Key_Return);
        QCOMPARE(count(h, all), 1);

        // Échap closes; the next F8 offers the agent's frequent motive under "1":
        // motive in one key, then Entrée — on the default channel.
        press(Qt::Key_Escape);
        QTRY_VERIFY(!dialog);
        dialog = openQuick(h);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        filter = dialog->findChild<QLineEdit*>(u"quickMotiveFilter"_s);
        save = dialog->findChild<QPushButton*>(u"quickSave"_s);
        auto* list = dialog->findChild<QListWidget*>(u"quickMotiveList"_s);
        QVERIFY(list->count() > 1);
        QCOMPARE(list->item(0)->text(), u"1. État civil › PACS"_s);
        QTRY_VERIFY(filter->hasFocus());
        press(Qt::Key_1);
        QTRY_VERIFY(save->hasFocus());
        press(Qt::Key_Return);
        ContactFilter telephone;
        telephone.channel = ContactChannel::Telephone;
        telephone.motiveThemeId = pacs->id;
        QCOMPARE(count(h, telephone), 1);
        ContactFilter mine;
        mine.agentId = agent;
        mine.limit = 0;
        QCOMPARE(count(h, mine), 2);
        QSqlQuery q(h.database()->connection());
        QVERIFY(q.exec(u"SELECT COUNT(*) FROM contacts WHERE outcome = 'repondu' AND started_at IS NOT NULL "
                       u"AND ended_at IS NOT NULL AND citizen_id IS NULL"_s)
                && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
    }

    void answerForAChosenCitizen()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        const qint64 citizen = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 10 20 30 40"_s);
        QVERIFY(citizen > 0);
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));

        QPointer<QDialog> dialog = openQuick(h);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        auto* filter = dialog->findChild<QLineEdit*>(u"quickMotiveFilter"_s);
        auto* channel = dialog->findChild<QComboBox*>(u"quickChannel"_s);
        QTRY_VERIFY(filter->hasFocus());
        QCOMPARE(ContactChannel(channel->currentData().toInt()), ContactChannel::Visite);  // counter agent

        // Alt+U: the citizen first (optional), found as-you-type, Entrée.
        QTest::keyClick(filter, Qt::Key_U, Qt::AltModifier);
        auto* search = dialog->findChild<QLineEdit*>(u"citizenSearchField"_s);
        QVERIFY(search);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"moreau"_s);
        QTRY_COMPARE(dialog->findChild<QAbstractItemView*>(u"citizenResults"_s)->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY2(dialog->findChild<QLabel*>(u"quickCitizenLabel"_s)->text().contains(u"MOREAU"_s),
                     qPrintable(dialog->findChild<QLabel*>(u"quickCitizenLabel"_s)->text()));
        QTRY_VERIFY(filter->hasFocus());

        QTest::keyClicks(filter, u"passeport"_s);
        press(Qt::Key_Return);
        QTRY_VERIFY(dialog->findChild<QPushButton*>(u"quickSave"_s)->hasFocus());
        press(Qt::Key_Return);  // one keystroke: Entrée, on the default channel

        const Result<QList<Contact>> logged = h.system().contacts().listByCitizen(citizen);
        QVERIFY(logged);
        QCOMPARE(logged->size(), 1);
        QCOMPARE(logged->first().channel, ContactChannel::Visite);
        QCOMPARE(logged->first().motiveThemeId, h.system().contacts().motiveThemeByCode(u"titres.passeport"_s)->id);
        // The dialog resets: the citizen does not stick to the next answer.
        QCOMPARE(dialog->findChild<QLabel*>(u"quickCitizenLabel"_s)->text(), u"aucun (réponse anonyme)"_s);
    }
};

QTEST_MAIN(TestQuickAnswerGui)
#include "TestQuickAnswerGui.moc"
