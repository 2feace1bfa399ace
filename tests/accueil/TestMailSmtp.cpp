// SmtpSender against a real SMTP server (aiosmtpd) on 127.0.0.1: what arrives is read
// back with Python's e-mail parser — headers (encoded words decoded), threading headers,
// UTF-8 quoted-printable body — and every failure is a French error, quickly, without a
// hang: refused connection, refused identification, refused recipient, server killed in
// the middle of the message, server that stops answering.
#include "modules/accueil/mail/SmtpSender.h"
#include "tests/accueil/TestMailSmtpServer.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;
using namespace iris::test;

class TestMailSmtp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static SmtpSettings settingsFor(int port)
    {
        SmtpSettings s;
        s.host = u"127.0.0.1"_s;
        s.port = port;
        s.fromAddress = u"iris@ville-test.fr"_s;
        s.fromName = u"IRIS — Accueil de la mairie"_s;
        s.timeoutSeconds = 10;
        return s;
    }
    static OutgoingMail reply()
    {
        OutgoingMail m;
        m.toAddress = u"helene.moreau@example.org"_s;
        m.toName = u"Hélène Moreau"_s;
        m.subject
            = u"Re: Demande d'acte de naissance — pièces à fournir pour l'état civil, réponse détaillée"_s;
        m.body
            = u"Madame,\n\nVotre demande a bien été reçue le 10 mars.\n.Une ligne qui commence par un "
              u"point.\n"
              u"Une très longue ligne avec des caractères accentués éèàùçœ et des espaces pour dépasser "
              u"largement la limite de soixante-seize caractères du quoted-printable.\n\nCordialement,\nL'équipe IRIS"_s;
        m.inReplyTo = u"orig-123@example.org"_s;
        m.references = { u"<first-1@example.org>"_s };
        return m;
    }
    QString newMaildir(const QString& name) { return m_dir.filePath(name); }

private Q_SLOTS:
    void sendsHeadersAndUtf8Body()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(newMaildir(u"ok"_s),
                     { u"--user"_s, u"iris"_s, u"--password"_s, u"s3cret-pässe"_s }, &error),
            qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.user = u"iris"_s;
        settings.password = u"s3cret-pässe"_s;
        const OutgoingMail mail = reply();
        const Result<SentMail> sent = SmtpSender(settings).send(mail);
        QVERIFY2(sent, qPrintable(sent.error().toString() + u' ' + sent.error().detail()));
        QVERIFY(sent->messageId.endsWith(u"@ville-test.fr"_s));
        QVERIFY(!sent->messageId.contains(u'<'));

        const QJsonArray received = server.messages();
        QCOMPARE(received.size(), 1);
        const QJsonObject m = received.first().toObject();
        const QJsonObject h = m.value(u"headers"_s).toObject();
        const QJsonObject raw = m.value(u"raw_headers"_s).toObject();
        QCOMPARE(h.value(u"Subject"_s).toString(), mail.subject);
        QVERIFY2(raw.value(u"Subject"_s).toString().startsWith(u"=?UTF-8?"_s, Qt::CaseInsensitive),
            qPrintable(raw.value(u"Subject"_s).toString())); // encoded word on the wire
        QCOMPARE(h.value(u"From"_s).toString(), u"IRIS — Accueil de la mairie <iris@ville-test.fr>"_s);
        QCOMPARE(h.value(u"To"_s).toString(), u"Hélène Moreau <helene.moreau@example.org>"_s);
        QCOMPARE(h.value(u"In-Reply-To"_s).toString(), u"<orig-123@example.org>"_s);
        QCOMPARE(h.value(u"References"_s).toString().simplified(),
            u"<first-1@example.org> <orig-123@example.org>"_s);
        QCOMPARE(h.value(u"Message-ID"_s).toString(), u"<%1>"_s.arg(sent->messageId));
        QVERIFY(!h.value(u"Date"_s).toString().isEmpty());
        QCOMPARE(m.value(u"content_type"_s).toString(), u"text/plain"_s);
        QCOMPARE(m.value(u"charset"_s).toString(), u"utf-8"_s);
        QCOMPARE(m.value(u"transfer_encoding"_s).toString(), u"quoted-printable"_s);
        // Accents and the leading dot intact; CRLF line ends as SMTP requires.
        QCOMPARE(m.value(u"body"_s).toString(), QString(mail.body + u'\n').replace(u"\n"_s, u"\r\n"_s));
        const QJsonObject envelope = m.value(u"envelope"_s).toObject();
        QCOMPARE(envelope.value(u"mail_from"_s).toString(), u"iris@ville-test.fr"_s);
        QCOMPARE(envelope.value(u"rcpt_tos"_s).toArray().size(), 1);
        QCOMPARE(envelope.value(u"rcpt_tos"_s).toArray().first().toString(), u"helene.moreau@example.org"_s);
        QCOMPARE(envelope.value(u"login"_s).toString(), u"iris"_s); // authenticated

        // Each message gets its own Message-ID.
        const Result<SentMail> second = SmtpSender(settings).send(mail);
        QVERIFY(second);
        QVERIFY(second->messageId != sent->messageId);
        QCOMPARE(server.messages().size(), 2);
    }

    void tls_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("security");
        QTest::newRow("STARTTLS") << u"starttls"_s << int(SmtpSecurity::StartTls);
        QTest::newRow("SSL/TLS") << u"ssl"_s << int(SmtpSecurity::Ssl);
    }

    // The certificate is verified: refused when nobody vouches for it, accepted once its
    // authority is configured — and the login travels encrypted.
    void tls()
    {
        QFETCH(QString, mode);
        QFETCH(int, security);
        SmtpTestServer server;
        QString error;
        const QString certs = newMaildir(u"certs-"_s + mode);
        QVERIFY2(server.start(newMaildir(u"tls-"_s + mode),
                     { u"--tls"_s, mode, u"--cert-dir"_s, certs, u"--user"_s, u"iris"_s, u"--password"_s,
                         u"bon"_s },
                     &error),
            qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.security = SmtpSecurity(security);
        settings.user = u"iris"_s;
        settings.password = u"bon"_s;
        QElapsedTimer clock;
        clock.start();
        const Result<SentMail> refused = SmtpSender(settings).send(reply());
        QVERIFY(!refused);
        QVERIFY(clock.elapsed() < 5000); // no console prompt, no hang
        QVERIFY2(refused.error().message().startsWith(u"La connexion sécurisée avec le serveur d'envoi"_s),
            qPrintable(refused.error().message() + u" / "_s + refused.error().detail()));
        QCOMPARE(server.messages().size(), 0);

        settings.caFile = certs + u"/cert.pem"_s;
        const Result<SentMail> sent = SmtpSender(settings).send(reply());
        QVERIFY2(sent, qPrintable(sent.error().toString() + u" / "_s + sent.error().detail()));
        const QJsonArray received = server.messages();
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().toObject().value(u"headers"_s).toObject().value(u"Subject"_s).toString(),
            reply().subject);
        QCOMPARE(received.first().toObject().value(u"envelope"_s).toObject().value(u"login"_s).toString(),
            u"iris"_s);
    }

    void startTlsRequiredButNotOffered()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(newMaildir(u"plain-only"_s), {}, &error), qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.security = SmtpSecurity::StartTls;
        const Result<SentMail> sent = SmtpSender(settings).send(reply());
        QVERIFY(!sent);
        QCOMPARE(sent.error().message(),
            u"Le serveur d'envoi 127.0.0.1:%1 ne propose pas STARTTLS : choisissez une "
            u"autre sécurité dans les paramètres."_s.arg(server.port()));
        QCOMPARE(server.messages().size(), 0);
    }

    void testConnectionChecksLogin()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(
                     newMaildir(u"test"_s), { u"--user"_s, u"iris"_s, u"--password"_s, u"bon"_s }, &error),
            qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.user = u"iris"_s;
        settings.password = u"bon"_s;
        const Result<void> ok = SmtpSender(settings).testConnection();
        QVERIFY2(ok, qPrintable(ok.error().toString()));
        settings.password = u"mauvais-secret"_s;
        const Result<void> refused = SmtpSender(settings).testConnection();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(server.messages().size(), 0);
    }

    void authRefused()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(
                     newMaildir(u"auth"_s), { u"--user"_s, u"iris"_s, u"--password"_s, u"bon"_s }, &error),
            qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.user = u"iris"_s;
        settings.password = u"mauvais-secret"_s;
        const Result<SentMail> sent = SmtpSender(settings).send(reply());
        QVERIFY(!sent);
        QVERIFY2(sent.error().code() == ErrorCode::AuthenticationFailed,
            qPrintable(sent.error().message() + u' ' + sent.error().detail()));
        QCOMPARE(sent.error().message(),
            u"Le serveur d'envoi a refusé l'identification de « iris » (identifiant ou mot de passe incorrect)."_s);
        QVERIFY(!sent.error().toString().contains(u"mauvais-secret"_s));
        QVERIFY(!sent.error().detail().contains(u"mauvais-secret"_s));
        QCOMPARE(server.messages().size(), 0);

        // No credentials against a server that requires them: refused at MAIL FROM.
        settings.user.clear();
        const Result<SentMail> anonymous = SmtpSender(settings).send(reply());
        QVERIFY(!anonymous);
        QVERIFY2(
            anonymous.error().message().startsWith(u"Le serveur d'envoi a refusé l'adresse d'expédition"_s),
            qPrintable(anonymous.error().message()));
    }

    void recipientRefused()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(newMaildir(u"rcpt"_s), {}, &error), qPrintable(error));
        OutgoingMail mail = reply();
        mail.toAddress = u"refuse.moi@example.org"_s;
        const Result<SentMail> sent = SmtpSender(settingsFor(server.port())).send(mail);
        QVERIFY(!sent);
        QVERIFY2(sent.error().message().startsWith(
                     u"Le serveur d'envoi a refusé le destinataire « refuse.moi@example.org » : 550"_s),
            qPrintable(sent.error().message()));
        QCOMPARE(server.messages().size(), 0);
    }

    void invalidInputRefusedBeforeConnecting()
    {
        OutgoingMail mail = reply();
        mail.toAddress = u"pas une adresse"_s;
        mail.body = u"  "_s;
        const Result<SentMail> sent = SmtpSender(settingsFor(1)).send(mail);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code(), ErrorCode::Validation);
        QVERIFY(!sent.error().fieldMessage(u"to"_s).isEmpty());
        QVERIFY(!sent.error().fieldMessage(u"body"_s).isEmpty());
        const Result<SentMail> unconfigured = SmtpSender(SmtpSettings {}).send(reply());
        QVERIFY(!unconfigured);
        QCOMPARE(unconfigured.error().code(), ErrorCode::InvalidArgument);
    }

    void passwordNeverSentInClear()
    {
        // A remote server without STARTTLS/SSL and a login: refused before any connection
        // (the host does not even resolve here, so a connection attempt would say so).
        SmtpSettings remote = settingsFor(25);
        remote.host = u"smtp.mairie.invalid"_s;
        remote.user = u"iris"_s;
        remote.password = u"secret"_s;
        const Result<SentMail> sent = SmtpSender(remote).send(reply());
        QVERIFY(!sent);
        QCOMPARE(sent.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(sent.error().message().startsWith(u"Le mot de passe ne sera pas envoyé en clair"_s),
                 qPrintable(sent.error().message()));
        QVERIFY(!sent.error().message().contains(u"secret"_s));
        // Without a login, the same server is simply tried (and not found).
        remote.user.clear();
        remote.password.clear();
        const Result<SentMail> anonymous = SmtpSender(remote).send(reply());
        QVERIFY(!anonymous);
        QVERIFY(anonymous.error().code() != ErrorCode::AuthenticationFailed);
    }

    void connectionRefusedQuickly()
    {
        int closedPort = 0;
        {
            SmtpTestServer server; // a port that was just free, now closed again
            QString error;
            QVERIFY2(server.start(newMaildir(u"closed"_s), {}, &error), qPrintable(error));
            closedPort = server.port();
        }
        QElapsedTimer clock;
        clock.start();
        const Result<SentMail> sent = SmtpSender(settingsFor(closedPort)).send(reply());
        QVERIFY(!sent);
        QVERIFY(clock.elapsed() < 3000);
        QCOMPARE(sent.error().code(), ErrorCode::IoError);
        QCOMPARE(sent.error().message(),
            u"Le serveur d'envoi 127.0.0.1:%1 refuse la connexion (serveur arrêté ou port fermé)."_s.arg(
                closedPort));
    }

    void serverKilledMidway()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(newMaildir(u"killed"_s), { u"--hang-on-data"_s }, &error), qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.timeoutSeconds = 60; // the failure must come from the cut, not from the timeout
        QFuture<Result<SentMail>> future
            = QtConcurrent::run([settings] { return SmtpSender(settings).send(reply()); });
        QTest::qWait(800); // the server is now sitting on the message
        QVERIFY(!future.isFinished());
        QElapsedTimer clock;
        clock.start();
        server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
        QVERIFY(clock.elapsed() < 5000);
        const Result<SentMail> sent = future.result();
        QVERIFY(!sent);
        QCOMPARE(sent.error().code(), ErrorCode::IoError);
        QVERIFY2(sent.error().message().contains(u"le courriel n'a pas été envoyé"_s),
            qPrintable(sent.error().message()));
    }

    void serverSilentTimesOut()
    {
        SmtpTestServer server;
        QString error;
        QVERIFY2(server.start(newMaildir(u"silent"_s), { u"--hang-on-data"_s }, &error), qPrintable(error));
        SmtpSettings settings = settingsFor(server.port());
        settings.timeoutSeconds = 2;
        QElapsedTimer clock;
        clock.start();
        const Result<SentMail> sent = SmtpSender(settings).send(reply());
        QVERIFY(!sent);
        QVERIFY2(
            clock.elapsed() >= 1500 && clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(sent.error().message(),
            u"Le serveur d'envoi 127.0.0.1:%1 a cessé de répondre (délai de 2 s dépassé) ; le courriel n'a "
            u"pas "
            u"été envoyé."_s.arg(server.port()));
    }
};

QTEST_GUILESS_MAIN(TestMailSmtp)
#include "TestMailSmtp.moc"
