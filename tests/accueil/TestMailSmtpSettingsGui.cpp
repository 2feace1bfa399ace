// The e-mail settings pages through the real plugins, as a superviseur: the SMTP server
// (tested against a real local server, saved, the password kept sealed and never shown
// again), the reply templates (create, delete), and the intake page — saving a Maildir
// starts the watcher, and a message delivered there appears in the register.
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/security/Session.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielSettings.h"
#include "modules/accueil/mail/ReplyTemplateStore.h"
#include "modules/accueil/mail/SmtpSettingsStore.h"
#include "modules/accueil/mail/ui/MailUiIds.h"
#include "tests/accueil/TestMailSmtpServer.h"
#include "tests/usagers/UsagersHarness.h"
#include "ui/widgets/MessageBox.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;
using namespace iris::test;

class TestMailSmtpSettingsGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static std::unique_ptr<QWidget> settingsPage(UsagersHarness& h, const QString& id)
    {
        for (const SettingsPageSpec& spec : h.context().settingsPages.items()) {
            if (spec.id == id && spec.permission == u"accueil.configure"_s) {
                std::unique_ptr<QWidget> page(spec.create(nullptr));
                page->show();
                return page;
            }
        }
        return nullptr;
    }
    static void retype(QWidget* field, const QString& text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Delete);
        if (!text.isEmpty())
            QTest::keyClicks(field, text);
    }
    static void start(UsagersHarness& h)
    {
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"superviseur"_s, u"superviseur"_s, &error), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void smtpServerTestedAndSaved()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(m_dir.filePath(u"box"_s),
                     { u"--user"_s, u"iris"_s, u"--password"_s, u"bon-mot"_s }, &error),
            qPrintable(error));
        UsagersHarness h;
        start(h);
        std::unique_ptr<QWidget> page = settingsPage(h, ids::MailSmtpSettings);
        QVERIFY(page);
        retype(page->findChild<QLineEdit*>(u"smtpHost"_s), u"127.0.0.1"_s);
        retype(page->findChild<QSpinBox*>(u"smtpPort"_s), QString::number(server.port()));
        retype(page->findChild<QLineEdit*>(u"smtpUser"_s), u"iris"_s);
        retype(page->findChild<QLineEdit*>(u"smtpPassword"_s), u"bon-mot"_s);
        retype(page->findChild<QLineEdit*>(u"smtpFromAddress"_s), u"iris@ville-test.fr"_s);
        auto* status = page->findChild<QLabel*>(u"smtpStatus"_s);

        page->findChild<QPushButton*>(u"smtpTest"_s)->click();
        QTRY_COMPARE(status->text(), u"Connexion réussie : le serveur accepte les envois."_s);
        page->findChild<QPushButton*>(u"smtpSave"_s)->click();
        QCOMPARE(status->text(), u"Paramètres d'envoi enregistrés."_s);
        auto* password = page->findChild<QLineEdit*>(u"smtpPassword"_s);
        QCOMPARE(password->text(), QString()); // never shown again
        QCOMPARE(password->placeholderText(), u"enregistré — laisser vide pour le conserver"_s);
        const auto stored = SmtpSettingsStore(h.system()).load();
        QVERIFY(stored);
        QCOMPARE(stored->smtp.host, u"127.0.0.1"_s);
        QCOMPARE(stored->smtp.port, server.port());
        QCOMPARE(stored->smtp.password, u"bon-mot"_s);

        // The test uses the stored password while the field stays empty…
        page->findChild<QPushButton*>(u"smtpTest"_s)->click();
        QTRY_VERIFY(page->findChild<QPushButton*>(u"smtpTest"_s)->isEnabled());
        QTRY_COMPARE(status->text(), u"Connexion réussie : le serveur accepte les envois."_s);
        // …and a wrong one typed is refused in French.
        retype(password, u"mauvais"_s);
        page->findChild<QPushButton*>(u"smtpTest"_s)->click();
        QTRY_COMPARE(status->text(),
            u"Le serveur d'envoi a refusé l'identification de « iris » (identifiant ou mot de passe incorrect)."_s);
        QCOMPARE(server.messages().size(), 0);
    }

    void templatesCreatedAndDeleted()
    {
        UsagersHarness h;
        start(h);
        std::unique_ptr<QWidget> page = settingsPage(h, ids::MailTemplatesSettings);
        QVERIFY(page);
        auto* list = page->findChild<QListWidget*>(u"templateList"_s);
        QCOMPARE(list->count(), 4);
        page->findChild<QPushButton*>(u"templateNew"_s)->click();
        QTest::keyClicks(page->findChild<QLineEdit*>(u"templateLabel"_s), u"Inscription scolaire"_s);
        page->findChild<QPushButton*>(u"templateSave"_s)->click();
        QCOMPARE(page->findChild<QLabel*>(u"templateStatus"_s)->text(),
            u"Modèle « Inscription scolaire » enregistré."_s);
        QCOMPARE(list->count(), 5);
        QCOMPARE(list->currentItem()->text(), u"Inscription scolaire"_s);
        const auto all = ReplyTemplateStore(h.system()).list();
        QVERIFY(all && all->size() == 5);
        QVERIFY(all->last().body.startsWith(u"{civilite},"_s));

        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page->findChild<QPushButton*>(u"templateDelete"_s)->click();
        QCOMPARE(list->count(), 4);
        QCOMPARE(ReplyTemplateStore(h.system()).list()->size(), 4);
    }

    void maildirWatchedOnceConfigured()
    {
        UsagersHarness h;
        start(h);
        const QString maildir = m_dir.filePath(u"Maildir"_s);
        for (const QString& sub : { u"cur"_s, u"new"_s, u"tmp"_s })
            QVERIFY(QDir().mkpath(maildir + u'/' + sub));
        std::unique_ptr<QWidget> page = settingsPage(h, ids::MailIntakeSettings);
        QVERIFY(page);
        retype(page->findChild<QSpinBox*>(u"intakeReplyDays"_s), u"7"_s);
        retype(page->findChild<QLineEdit*>(u"intakeMaildir"_s), maildir);
        page->findChild<QPushButton*>(u"intakeSave"_s)->click();
        QCOMPARE(
            page->findChild<QLabel*>(u"intakeStatus"_s)->text(), u"Réglages de réception enregistrés."_s);
        const auto settings = CourrielSettings(h.system()).load();
        QVERIFY(settings);
        QCOMPARE(settings->replyDays, 7);
        QCOMPARE(settings->maildirPath, maildir);

        // A delivery into new/ is registered by the watcher the feature started.
        QFile mail(maildir + u"/tmp/1700000000.1.test"_s);
        QVERIFY(mail.open(QIODevice::WriteOnly));
        mail.write("From: usager@example.org\r\nTo: iris@ville-test.fr\r\nSubject: Horaires\r\n"
                   "Message-ID: <horaires-1@example.org>\r\nDate: Tue, 11 Mar 2025 10:00:00 +0100\r\n\r\n"
                   "Quels sont vos horaires ?\r\n");
        mail.close();
        QVERIFY(QFile::rename(mail.fileName(), maildir + u"/new/1700000000.1.test"_s));
        const auto count = [&h] {
            QSqlQuery q(h.database()->connection());
            return q.exec(u"SELECT COUNT(*) FROM accueil_courriels WHERE subject = 'Horaires'"_s) && q.next()
                ? q.value(0).toInt()
                : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(count(), 1, 10000);
    }

    void maildirWatchedFromLoginForMailAgentsOnly()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        // Configured before anyone logs in (by another workstation, say).
        const QString maildir = m_dir.filePath(u"Maildir-login"_s);
        for (const QString& sub : { u"cur"_s, u"new"_s, u"tmp"_s })
            QVERIFY(QDir().mkpath(maildir + u'/' + sub));
        {
            const std::unique_ptr<CoreServices> admin = std::make_unique<CoreServices>(
                h.database(), Session::system(h.context().permissions), nullptr);
            CourrielSettings settings(*admin);
            auto values = settings.load();
            QVERIFY(values);
            values->maildirPath = maildir;
            QVERIFY(settings.save(*values));
        }
        const auto deliver = [&maildir](const QByteArray& id) {
            QFile mail(maildir + u"/tmp/"_s + QString::fromLatin1(id));
            if (!mail.open(QIODevice::WriteOnly))
                return false;
            mail.write("From: usager@example.org\r\nTo: iris@ville-test.fr\r\nSubject: Depuis la connexion\r\n"
                       "Message-ID: <" + id + "@example.org>\r\n\r\nBonjour.\r\n");
            mail.close();
            return QFile::rename(mail.fileName(), maildir + u"/new/"_s + QString::fromLatin1(id));
        };
        const auto count = [&h] {
            QSqlQuery q(h.database()->connection());
            return q.exec(u"SELECT COUNT(*) FROM accueil_courriels WHERE subject = 'Depuis la connexion'"_s) && q.next()
                ? q.value(0).toInt()
                : -1;
        };

        // An agent de service does not handle courriels: nothing is watched for them.
        QVERIFY2(h.login(u"service"_s, u"service"_s, &error), qPrintable(error));
        QVERIFY(deliver("avant-1"));
        QTest::qWait(1500);
        QCOMPARE(count(), 0);

        // A téléconseiller logs in: the watcher starts at once, without any page opened,
        // and picks up what was waiting.
        QVERIFY2(h.login(u"teleconseil"_s, u"teleconseil"_s, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(count(), 1, 10000);
        QVERIFY(deliver("apres-2"));
        QTRY_COMPARE_WITH_TIMEOUT(count(), 2, 10000);
    }
};

QTEST_MAIN(TestMailSmtpSettingsGui)
#include "TestMailSmtpSettingsGui.moc"
