// The courriel register through the real plugins (usagers + accueil), replying to a
// citizen's e-mail through a real SMTP server on 127.0.0.1 (aiosmtpd): Ctrl+Maj+I opens
// the register, the courriel is selected and previewed, "Répondre" opens the reply
// window, the acknowledgement template is chosen from the keyboard, the agent types in
// the body and Ctrl+Entrée sends — the server receives the reply (threaded on the
// original Message-ID), the courriel is "répondu" and the citizen's contacts show the
// outgoing courriel. When the server is down, the draft stays and the error is French.
#include "core/domain/Agent.h"
#include "core/domain/Contact.h"
#include "core/services/AgentService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/SmtpSettingsStore.h"
#include "modules/accueil/mail/ui/MailUiIds.h"
#include "tests/accueil/TestMailSmtpServer.h"
#include "tests/kb/KbTestSupport.h"
#include "tests/usagers/UsagersHarness.h"
#include "ui/kb/KbPanel.h"
#include "ui/kb/KbPanelAccess.h"
#include "ui/widgets/MessageBox.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;
using namespace iris::test;

class TestMailRegisterGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QByteArray rawMessage()
    {
        return "From: =?UTF-8?Q?H=C3=A9l=C3=A8ne_Moreau?= <helene.moreau@example.org>\r\n"
               "To: iris@ville-test.fr\r\n"
               "Subject: Acte de naissance pour mon fils\r\n"
               "Date: Mon, 10 Mar 2025 08:15:00 +0100\r\n"
               "Message-ID: <demande-42@example.org>\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: text/plain; charset=UTF-8\r\n"
               "Content-Transfer-Encoding: 8bit\r\n\r\n"
               "Bonjour, je voudrais une copie de l'acte de naissance de mon fils.\r\n";
    }

    /// A site with the citizen, the SMTP settings pointing at `port` and one courriel;
    /// logged in as the agent d'accueil.
    static void prepare(UsagersHarness& h, int port, qint64* citizen, qint64* courrielId)
    {
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        *citizen
            = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), {}, u"helene.moreau@example.org"_s);
        QVERIFY(*citizen > 0);
        SmtpSettingsStore::Values smtp;
        smtp.smtp.host = u"127.0.0.1"_s;
        smtp.smtp.port = port;
        smtp.smtp.fromAddress = u"iris@ville-test.fr"_s;
        smtp.smtp.fromName = u"Accueil IRIS"_s;
        smtp.smtp.timeoutSeconds = 10;
        smtp.signature = u"Accueil IRIS — Mairie"_s;
        const auto saved = SmtpSettingsStore(h.system()).save(smtp);
        QVERIFY2(saved, qPrintable(saved.error().toString()));
        const auto registered
            = CourrielService(h.system()).registerMessage(rawMessage(), QDateTime::currentDateTime());
        QVERIFY2(registered, qPrintable(registered.error().toString()));
        *courrielId = registered->courriel.id;
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
    }

    /// Opens the register with its shortcut's action and selects the only courriel.
    static QWidget* openRegister(UsagersHarness& h)
    {
        const ActionSpec* open = h.action(ids::MailRegisterAction);
        if (!open || open->shortcut != u"Ctrl+Shift+I"_s)
            return nullptr;
        open->trigger();
        return h.shell().page(ids::MailRegisterPage);
    }

    static QWidget* openReply(QWidget* page)
    {
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        if (!list || list->model()->rowCount() != 1)
            return nullptr;
        list->setCurrentIndex(list->model()->index(0, 0));
        page->findChild<QPushButton*>(u"registerReply"_s)->click();
        return findTopLevel(u"courrielReply"_s);
    }

    static void chooseAcknowledgement(QWidget* reply)
    {
        auto* model = reply->findChild<QComboBox*>(u"replyTemplate"_s);
        QVERIFY(model);
        QCOMPARE(model->currentIndex(), 0);
        model->setFocus();
        QTest::keyClick(model, Qt::Key_Down); // first template: "Accusé de réception"
        QCOMPARE(model->currentText(), u"Accusé de réception"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void replySentAndRecorded()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(m_dir.filePath(u"sent"_s), {}, &error), qPrintable(error));
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, server.port(), &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;

        QWidget* page = openRegister(h);
        QVERIFY(page);
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 2).data().toString(), u"Acte de naissance pour mon fils"_s);
        QCOMPARE(list->model()->index(0, 3).data().toString(), u"MOREAU Hélène"_s); // matched by address
        // Received on 10 March 2025, due five working days later: late, and shown so.
        const QModelIndex status = list->model()->index(0, 6);
        QCOMPARE(status.data().toString(), u"À traiter — en retard"_s);
        QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xb0, 0x00, 0x20));
        list->setCurrentIndex(list->model()->index(0, 0));
        auto* body = page->findChild<QPlainTextEdit*>(u"courrielBody"_s);
        QTRY_VERIFY(body->toPlainText().contains(u"copie de l'acte de naissance"_s));

        // Opening it was audited once; live reloads (another desk commits) read it no more.
        const auto reads = [&h, courrielId] {
            QSqlQuery q(h.database()->connection());
            return q.exec(u"SELECT COUNT(*) FROM audit_events WHERE action = 'read' AND entity_kind = "
                          u"'accueil_courriel' "
                          u"AND entity_id = %1"_s.arg(courrielId))
                    && q.next()
                ? q.value(0).toInt()
                : -1;
        };
        QCOMPARE(reads(), 1);
        QVERIFY(h.addCitizen(u"Autre"_s, u"Desk"_s) > 0);
        QTest::qWait(2500); // the database watcher polls every second
        QCOMPARE(reads(), 1);

        QPointer<QWidget> reply = openReply(page);
        QVERIFY(reply);
        QVERIFY(QTest::qWaitForWindowActive(reply));
        QCOMPARE(reply->findChild<QLineEdit*>(u"replyTo"_s)->text(), u"helene.moreau@example.org"_s);
        chooseAcknowledgement(reply);
        auto* subject = reply->findChild<QLineEdit*>(u"replySubject"_s);
        auto* editor = reply->findChild<QPlainTextEdit*>(u"replyBody"_s);
        QCOMPARE(subject->text(), u"Re: Acte de naissance pour mon fils"_s);
        // The harness's citizens are "Mme": the civility of the record, not the neutral form.
        QVERIFY2(editor->toPlainText().startsWith(
                     u"Madame,\n\nNous avons bien reçu votre courriel du 10 mars 2025"_s),
            qPrintable(editor->toPlainText()));
        QTRY_VERIFY(editor->hasFocus());
        // The citizen's message is quoted below the reply, as in any mail program.
        // Sent at 08:15 +01:00, shown in the workstation's time.
        const QString at = QDateTime(QDate(2025, 3, 10), QTime(8, 15), QTimeZone(3600)).toLocalTime().toString(u"HH:mm"_s);
        const QString quote = u"Le lundi 10 mars 2025 à %1, Hélène Moreau <helene.moreau@example.org> a écrit :\n"
                              u"> Bonjour, je voudrais une copie de l'acte de naissance de mon fils."_s.arg(at);
        QVERIFY2(editor->toPlainText().contains(quote), qPrintable(editor->toPlainText()));
        QVERIFY(editor->toPlainText().indexOf(quote) > editor->toPlainText().indexOf(u"Nous avons bien reçu"_s));
        typeText(editor, u"PS : pensez au livret de famille."_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier); // Ctrl+Entrée sends
        QTRY_VERIFY_WITH_TIMEOUT(!reply, 15000); // sent, recorded, closed
        QCOMPARE(h.shell().lastStatus(), u"Réponse envoyée à helene.moreau@example.org."_s);

        // What the SMTP server received.
        const QJsonArray received = server.messages();
        QCOMPARE(received.size(), 1);
        const QJsonObject m = received.first().toObject();
        const QJsonObject headers = m.value(u"headers"_s).toObject();
        QCOMPARE(headers.value(u"Subject"_s).toString(), u"Re: Acte de naissance pour mon fils"_s);
        QCOMPARE(headers.value(u"To"_s).toString(), u"Hélène Moreau <helene.moreau@example.org>"_s);
        QCOMPARE(headers.value(u"In-Reply-To"_s).toString(), u"<demande-42@example.org>"_s);
        const QString sentBody = m.value(u"body"_s).toString();
        QVERIFY2(sentBody.contains(u"Nous avons bien reçu votre courriel du 10 mars 2025"_s),
            qPrintable(sentBody));
        QVERIFY(sentBody.contains(u"PS : pensez au livret de famille."_s));
        QVERIFY(sentBody.contains(u"Accueil IRIS — Mairie"_s));
        QVERIFY2(sentBody.contains(u"> Bonjour, je voudrais une copie de l'acte de naissance de mon fils."_s),
            qPrintable(sentBody));

        // Recorded: status répondu with the sent Message-ID, and an outgoing contact.
        const Result<Courriel> courriel = CourrielService(h.system()).get(courrielId);
        QVERIFY(courriel);
        QCOMPARE(courriel->status, CourrielStatus::Repondu);
        QCOMPARE(u"<%1>"_s.arg(courriel->replyMessageId), headers.value(u"Message-ID"_s).toString());
        const Result<QList<Contact>> contacts = h.system().contacts().listByCitizen(citizen);
        QVERIFY(contacts);
        bool outgoing = false;
        for (const Contact& c : *contacts)
            outgoing = outgoing
                || (c.channel == ContactChannel::Courriel && c.direction == ContactDirection::Sortant);
        QVERIFY(outgoing);
        // The register (filter "À traiter") no longer lists it.
        QTRY_COMPARE(list->model()->rowCount(), 0);

        // The citizen's 360° panel lists it as answered.
        const CitizenPanelSpec* panelSpec = nullptr;
        for (const CitizenPanelSpec& spec : h.context().citizenPanels.items()) {
            if (spec.id == ids::MailCitizenPanel)
                panelSpec = &spec;
        }
        QVERIFY(panelSpec);
        std::unique_ptr<QWidget> panel(panelSpec->create(citizen, nullptr));
        auto* lines = panel->findChild<QListWidget*>(u"courrielCitizenList"_s);
        QCOMPARE(lines->count(), 1);
        QVERIFY2(lines->item(0)->text().contains(u"répondu le"_s), qPrintable(lines->item(0)->text()));
    }

    // The knowledge base beside the reply: "Chercher dans la base" searches the KB panel,
    // "Insérer l'article ouvert" puts the article (text and link) at the cursor, and the
    // panel's own "Insérer dans la réponse" targets the reply window.
    void knowledgeBaseArticleInsertedInReply()
    {
        const QString kbPath = m_dir.filePath(u"kb.sqlite"_s);
        {
            auto store = kb::KbStore::open(kbPath);
            QVERIFY2(store, qPrintable(store.error().toString()));
            kb::test::importText(**store,
                kb::test::jsonLine(u"acte-naissance"_s, u"Acte de naissance"_s,
                    u"La copie intégrale est délivrée gratuitement à la personne, "
                    u"à ses ascendants et descendants."_s,
                    { u"état civil"_s }, u"Obtenir une copie d'acte de naissance."_s));
        }
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, 2, &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        ui::KbPanel panel(kbPath);
        ui::KbPanelAccess access(&panel, kbPath, [&panel] { panel.show(); });
        h.context().knowledgeBase = &access;

        QWidget* page = openRegister(h);
        QVERIFY(page);
        QTRY_COMPARE(page->findChild<QTableView*>(u"registerList"_s)->model()->rowCount(), 1);
        QPointer<QWidget> reply = openReply(page);
        QVERIFY(reply);
        chooseAcknowledgement(reply);
        auto* editor = reply->findChild<QPlainTextEdit*>(u"replyBody"_s);
        const QString before = editor->toPlainText();
        QTest::keyClick(editor, Qt::Key_Home, Qt::ControlModifier);

        auto* query = reply->findChild<QLineEdit*>(u"replyKbQuery"_s);
        QVERIFY(query->isEnabled());
        QTest::keyClicks(query, u"copie acte de naissance"_s);
        reply->findChild<QPushButton*>(u"replyKbSearch"_s)->click();
        QTRY_VERIFY(panel.isVisible());
        auto* results = panel.findChild<QListWidget*>(u"kbResults"_s);
        QTRY_VERIFY(results->count() > 0);
        QTest::keyClick(panel.findChild<QLineEdit*>(u"kbSearchField"_s), Qt::Key_Return); // opens the first
        QTRY_VERIFY(access.currentArticle().has_value());

        reply->findChild<QPushButton*>(u"replyKbInsert"_s)->click();
        const QString withArticle = editor->toPlainText();
        QVERIFY2(withArticle.startsWith(u"Acte de naissance\n\nObtenir une copie d'acte de naissance."_s),
            qPrintable(withArticle));
        QVERIFY(withArticle.contains(u"https://www.issy.com/acte-naissance"_s));
        QVERIFY(withArticle.endsWith(before));

        // The panel's own button inserts into this reply too.
        auto* insert = panel.findChild<QPushButton*>(u"kbInsertButton"_s);
        QTRY_VERIFY(insert->isEnabled());
        insert->click();
        QCOMPARE(editor->toPlainText().count(u"La copie intégrale est délivrée gratuitement"_s), 2);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes); // "Fermer sans envoyer ?"
        reply->close();
        QTRY_VERIFY(!reply);
        h.context().knowledgeBase = nullptr;
    }

    // The late courriel is on the agent's "À traiter" list; opening it shows it in the register.
    void openedFromOverdueList()
    {
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, 2, &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        const Result<Agent> agent = h.system().agents().findByLogin(u"accueil"_s);
        QVERIFY(agent);
        const Result<Courriel> before = CourrielService(h.system()).get(courrielId);
        QVERIFY(before);
        QVERIFY(CourrielService(h.system()).assign(courrielId, before->version, agent->id, 0));

        QWidget* overdue = h.showPage(u"accueil.overdue"_s);
        QVERIFY(overdue);
        auto* table = overdue->findChild<QTableWidget*>(u"overdueTable"_s);
        QVERIFY(table);
        int row = -1;
        QTRY_VERIFY([&] {
            for (int r = 0; r < table->rowCount(); ++r) {
                if (table->item(r, 2) && table->item(r, 2)->text() == u"Acte de naissance pour mon fils"_s)
                    row = r;
            }
            return row >= 0;
        }());
        table->setCurrentCell(row, 0);
        Q_EMIT table->activated(table->model()->index(row, 0));

        QWidget* page = h.shell().page(ids::MailRegisterPage);
        QVERIFY(page);
        QTRY_COMPARE(h.shell().window()->currentWidget(), page);
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        QTRY_VERIFY(list->currentIndex().isValid());
        QCOMPARE(list->model()->index(list->currentIndex().row(), 2).data().toString(),
            u"Acte de naissance pour mon fils"_s);
    }

    void serverDownKeepsTheDraft()
    {
        int closedPort = 0;
        {
            SmtpTestServer gone;
            QString error;
            QVERIFY2(gone.start(m_dir.filePath(u"gone"_s), {}, &error), qPrintable(error));
            closedPort = gone.port();
        }
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, closedPort, &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        QWidget* page = openRegister(h);
        QVERIFY(page);
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QPointer<QWidget> reply = openReply(page);
        QVERIFY(reply);
        QVERIFY(QTest::qWaitForWindowActive(reply));
        chooseAcknowledgement(reply);
        auto* editor = reply->findChild<QPlainTextEdit*>(u"replyBody"_s);
        QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
        typeText(editor, u" Brouillon à garder."_s);
        const QString draft = editor->toPlainText();
        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        auto* errorLabel = reply->findChild<QLabel*>(u"replyError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!errorLabel->text().isEmpty(), 10000);
        QCOMPARE(errorLabel->text(),
            u"Le serveur d'envoi 127.0.0.1:%1 refuse la connexion (serveur arrêté ou port fermé)."_s.arg(
                closedPort));
        QVERIFY(reply && reply->isVisible());
        QCOMPARE(editor->toPlainText(), draft);
        QVERIFY(reply->findChild<QPushButton*>(u"replySend"_s)->isEnabled());
        QCOMPARE(CourrielService(h.system()).get(courrielId)->status, CourrielStatus::ATraiter);
        QSqlQuery q(h.database()->connection());
        QVERIFY(q.exec(
            u"SELECT COUNT(*) FROM contacts WHERE citizen_id = %1 AND direction = 'sortant'"_s.arg(citizen)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes); // "Fermer sans envoyer ?"
        reply->close();
    }

    void answeredMeanwhileIsNotSentTwice()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(m_dir.filePath(u"twice"_s), {}, &error), qPrintable(error));
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, server.port(), &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        QWidget* page = openRegister(h);
        QVERIFY(page);
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QPointer<QWidget> reply = openReply(page);
        QVERIFY(reply);
        QVERIFY(QTest::qWaitForWindowActive(reply));
        chooseAcknowledgement(reply);

        // A colleague answers it from another workstation while this draft is open.
        const Result<Courriel> current = CourrielService(h.system()).get(courrielId);
        QVERIFY(current);
        const Result<Courriel> answered = CourrielService(h.system()).recordReply(courrielId, current->version,
            { current->fromAddress, u"Re: réponse du collègue"_s, u"Bonjour, voici la réponse."_s, {}, {}, 0 });
        QVERIFY2(answered, qPrintable(answered ? QString() : answered.error().toString()));

        QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
        auto* errorLabel = reply->findChild<QLabel*>(u"replyError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!errorLabel->text().isEmpty(), 10000);
        QVERIFY2(errorLabel->text().startsWith(u"Ce courriel est déjà « Répondu »"_s), qPrintable(errorLabel->text()));
        QVERIFY(reply && reply->isVisible());
        QTest::qWait(300);
        QCOMPARE(server.messages().size(), 0);  // nothing went out
        reply->close();
    }

    // Typed text is not lost by a click on "Fermer": the agent is asked; an untouched
    // reply closes at once.
    void closingAReplyWithTypedTextAsksFirst()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(m_dir.filePath(u"closing"_s), {}, &error), qPrintable(error));
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, server.port(), &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        QWidget* page = openRegister(h);
        QVERIFY(page);
        QTRY_COMPARE(page->findChild<QTableView*>(u"registerList"_s)->model()->rowCount(), 1);

        QPointer<QWidget> reply = openReply(page);
        QVERIFY(reply);
        ui::MessageBox::clearRecords();
        reply->findChild<QPushButton*>(u"replyCancel"_s)->click();
        QTRY_VERIFY(!reply);
        QVERIFY(ui::MessageBox::records().isEmpty());

        reply = openReply(page);
        QVERIFY(reply);
        QVERIFY(QTest::qWaitForWindowActive(reply));
        auto* editor = reply->findChild<QPlainTextEdit*>(u"replyBody"_s);
        editor->setFocus();
        typeText(editor, u"Bonjour Madame, "_s);
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        reply->findChild<QPushButton*>(u"replyCancel"_s)->click();
        QCOMPARE(ui::MessageBox::records().size(), 1);
        QVERIFY2(ui::MessageBox::records().constFirst().text.startsWith(u"Fermer sans envoyer ?"_s),
            qPrintable(ui::MessageBox::records().constFirst().text));
        QVERIFY(reply && reply->isVisible());
        QVERIFY(editor->toPlainText().startsWith(u"Bonjour Madame, "_s));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        reply->findChild<QPushButton*>(u"replyCancel"_s)->click();
        QTRY_VERIFY(!reply);
        QCOMPARE(server.messages().size(), 0);
    }

    // The register gets the room: at the desk's usual size the list shows ten courriels
    // whole (the late one at the bottom used to be half hidden).
    void theRegisterShowsTenRowsWhole()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(m_dir.filePath(u"rows"_s), {}, &error), qPrintable(error));
        UsagersHarness h;
        qint64 citizen = 0;
        qint64 courrielId = 0;
        prepare(h, server.port(), &citizen, &courrielId);
        if (QTest::currentTestFailed())
            return;
        for (int i = 1; i < 10; ++i) {
            QByteArray raw = rawMessage();
            raw.replace("demande-42", QByteArray("demande-" + QByteArray::number(100 + i)));
            raw.replace("pour mon fils", QByteArray("numero " + QByteArray::number(i)));
            const auto registered = CourrielService(h.system()).registerMessage(raw, QDateTime::currentDateTime());
            QVERIFY2(registered, qPrintable(registered.error().toString()));
        }
        // The page area of a 1600 x 1000 main window (navigation, toolbar and status bar aside).
        h.shell().window()->resize(1340, 860);
        h.shell().window()->show();
        QWidget* page = openRegister(h);
        QVERIFY(page);
        auto* list = page->findChild<QTableView*>(u"registerList"_s);
        QTRY_COMPARE(list->model()->rowCount(), 10);
        QTRY_VERIFY(list->isVisible());
        const QRect last = list->visualRect(list->model()->index(9, 0));
        QVERIFY2(last.isValid() && last.bottom() <= list->viewport()->height(),
            qPrintable(u"last row %1..%2, viewport %3"_s.arg(last.top()).arg(last.bottom()).arg(
                list->viewport()->height())));
    }
};

QTEST_MAIN(TestMailRegisterGui)
#include "TestMailRegisterGui.moc"
