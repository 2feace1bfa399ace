#include "modules/accueil/mail/SmtpSender.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timestamp.h>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>
#include <memory>
#include <mutex>
#include <sstream>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

/// Where the conversation with the server was when something failed: the French
/// message depends on it (a timeout while connecting is not one after DATA).
enum class Phase { Connect, Greeting, Tls, Auth, Sender, Recipient, Data };

std::string utf8(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

QString fromUtf8(const std::string& text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size())).trimmed();
}

/// No line break may reach a header (header injection).
QString oneLine(const QString& text)
{
    QString s = text;
    s.replace(QRegularExpression(u"[\\r\\n\\t]+"_s), u" "_s);
    return s.trimmed();
}

bool isAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool isAddress(const QString& address)
{
    static const QRegularExpression re(u"^[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+$"_s);
    return re.match(address).hasMatch();
}

/// "Name <address>" with RFC 2047 encoding for a non-ASCII name.
std::string mailbox(const QString& name, const QString& address)
{
    const QString n = oneLine(name);
    if (n.isEmpty())
        return utf8(address);
    if (!isAscii(n))
        return Poco::Net::MailMessage::encodeWord(utf8(n), "UTF-8") + " <" + utf8(address) + ">";
    QString quoted = n;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return "\"" + utf8(quoted) + "\" <" + utf8(address) + ">";
}

std::string angle(const QString& messageId)
{
    QString id = oneLine(messageId);
    if (id.startsWith(u'<'))
        id.remove(0, 1);
    if (id.endsWith(u'>'))
        id.chop(1);
    return "<" + utf8(id) + ">";
}

Poco::Net::Context::Ptr newContext(const QString& caFile)
{
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = true;
    params.caLocation = utf8(caFile);
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

/// The client context: the system's authorities, plus `caFile` when given.
Poco::Net::Context::Ptr tlsContext(const QString& caFile)
{
    static std::once_flag once;
    static Poco::Net::Context::Ptr systemContext;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        systemContext = newContext({});
        // An invalid certificate is refused, never asked about on a console.
        Poco::Net::SSLManager::instance().initializeClient(
            nullptr, new Poco::Net::RejectCertificateHandler(false), systemContext);
    });
    return caFile.isEmpty() ? systemContext : newContext(caFile);
}

/// SMTPClientSession with a STARTTLS that checks the certificate against the configured
/// host name (Poco's SecureSMTPClientSession only knows the peer's address).
class Session final : public Poco::Net::SMTPClientSession
{
public:
    using SMTPClientSession::SMTPClientSession;

    /// After a 220 answer to STARTTLS: TLS handshake on the same connection.
    void upgrade(const std::string& host, Poco::Net::Context::Ptr context, const Poco::Timespan& timeout)
    {
        Poco::Net::SecureStreamSocket secure(Poco::Net::SecureStreamSocket::attach(socket(), host, context));
        secure.setReceiveTimeout(timeout);
        secure.completeHandshake();
        socket() = secure;
    }
};

bool positive(int status)
{
    return status >= 200 && status < 300;
}

/// Capabilities listed by the EHLO answer ("STARTTLS", "AUTH PLAIN LOGIN"…).
bool offers(const std::string& ehlo, const QString& keyword)
{
    const QStringList lines = fromUtf8(ehlo).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed().mid(4).toUpper(); // "250-STARTTLS" → "STARTTLS"
        if (line == keyword || line.startsWith(keyword + u' '))
            return true;
    }
    return false;
}

bool offersAuth(const std::string& ehlo, const QString& method)
{
    const QStringList lines = fromUtf8(ehlo).split(u'\n');
    for (QString line : lines) {
        line = line.trimmed().mid(4).toUpper();
        if (line.startsWith(u"AUTH "_s) || line.startsWith(u"AUTH="_s))
            return line.mid(5).split(u' ', Qt::SkipEmptyParts).contains(method);
    }
    return false;
}

} // namespace

SmtpSender::SmtpSender(SmtpSettings settings)
    : m_settings(std::move(settings))
{
}

QString SmtpSender::newMessageId(const QString& fromAddress)
{
    QString domain = fromAddress.section(u'@', -1).trimmed().toLower();
    if (domain.isEmpty() || domain == fromAddress.trimmed().toLower() || !isAscii(domain))
        domain = u"iris-desk.invalid"_s;
    return u"iris.%1@%2"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces), domain);
}

Result<void> SmtpSender::checkMail(const OutgoingMail& mail) const
{
    if (!m_settings.isConfigured()) {
        return Error(ErrorCode::InvalidArgument,
            tr("Le serveur d'envoi des courriels n'est pas configuré (Paramètres › Envoi des courriels)."));
    }
    if (!isAddress(m_settings.fromAddress.trimmed())) {
        return Error(ErrorCode::InvalidArgument,
            tr("L'adresse d'expédition « %1 » des paramètres d'envoi n'est pas valide.")
                .arg(m_settings.fromAddress));
    }
    QList<FieldError> fields;
    if (!isAddress(mail.toAddress.trimmed()))
        fields << FieldError { u"to"_s,
            tr("L'adresse du destinataire « %1 » n'est pas valide.").arg(mail.toAddress) };
    if (oneLine(mail.subject).isEmpty())
        fields << FieldError { u"subject"_s, tr("L'objet de la réponse est vide.") };
    if (mail.body.trimmed().isEmpty())
        fields << FieldError { u"body"_s, tr("Le texte de la réponse est vide.") };
    if (!fields.isEmpty())
        return Error::validation(fields);
    return {};
}

QByteArray SmtpSender::compose(
    const OutgoingMail& mail, const QString& messageId, const QDateTime& date) const
{
    Poco::Net::MailMessage message;
    message.setSender(mailbox(m_settings.fromName, m_settings.fromAddress.trimmed()));
    message.set("To", mailbox(mail.toName, mail.toAddress.trimmed()));
    const QString subject = oneLine(mail.subject);
    message.setSubject(
        isAscii(subject) ? utf8(subject) : Poco::Net::MailMessage::encodeWord(utf8(subject), "UTF-8"));
    message.setDate(Poco::Timestamp::fromEpochTime(std::time_t(date.toSecsSinceEpoch())));
    message.set("Message-ID", angle(messageId));
    QStringList references;
    for (const QString& r : mail.references) {
        if (!oneLine(r).isEmpty())
            references << QString::fromStdString(angle(r));
    }
    if (!oneLine(mail.inReplyTo).isEmpty()) {
        const QString original = QString::fromStdString(angle(mail.inReplyTo));
        message.set("In-Reply-To", utf8(original));
        if (!references.contains(original))
            references << original;
    }
    if (!references.isEmpty())
        message.set("References", utf8(references.join(u"\r\n "_s)));
    message.set("MIME-Version", "1.0");
    message.set("Auto-Submitted", "no");
    message.set("X-Mailer", "IRIS Desk");
    // Plain text, UTF-8, quoted-printable: accents survive any 7-bit relay.
    QString body = mail.body;
    body.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    body.replace(u"\n"_s, u"\r\n"_s);
    if (!body.endsWith(u"\r\n"_s))
        body += u"\r\n"_s;
    message.setContentType("text/plain; charset=UTF-8");
    message.setContent(utf8(body), Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    std::ostringstream out;
    message.write(out);
    const std::string wire = out.str();
    return QByteArray(wire.data(), qsizetype(wire.size()));
}

namespace {

/// One conversation with the server: connect, EHLO, STARTTLS, AUTH — then, when a
/// message is given, MAIL FROM, RCPT TO, DATA. Poco exceptions are turned into French
/// errors by the phase they happened in.
class Conversation final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::SmtpSender)
public:
    explicit Conversation(const SmtpSettings& settings)
        : m_s(settings)
        , m_timeout(qMax(1, settings.timeoutSeconds), 0)
    {
    }

    Result<void> run(const QByteArray* message, const QString& recipient)
    {
        if (m_s.security != SmtpSecurity::None && !m_s.caFile.isEmpty()
            && !QFileInfo(m_s.caFile).isReadable())
            return Error(ErrorCode::InvalidArgument,
                tr("Le certificat d'autorité « %1 » des paramètres d'envoi est introuvable ou illisible.")
                    .arg(m_s.caFile));
        // A password never crosses the network in clear (a relay on this machine may):
        // refused before connecting.
        const QString h = m_s.host.trimmed().toLower();
        const bool loopback = h == u"localhost"_s || h.startsWith(u"127."_s) || h == u"::1"_s;
        if (!m_s.user.isEmpty() && m_s.security == SmtpSecurity::None && !loopback)
            return Error(ErrorCode::AuthenticationFailed,
                tr("Le mot de passe ne sera pas envoyé en clair au serveur %1 : choisissez STARTTLS ou "
                   "SSL/TLS dans les réglages d'envoi.")
                    .arg(where()));
        try {
            return exchange(message, recipient);
        } catch (const Poco::Net::ConnectionRefusedException& e) {
            return fail(
                tr("Le serveur d'envoi %1 refuse la connexion (serveur arrêté ou port fermé).").arg(where()),
                e);
        } catch (const Poco::TimeoutException& e) {
            if (m_phase == Phase::Connect)
                return fail(tr("Le serveur d'envoi %1 ne répond pas (délai de %2 s dépassé).")
                                .arg(where())
                                .arg(m_s.timeoutSeconds),
                    e);
            return fail(tr("Le serveur d'envoi %1 a cessé de répondre (délai de %2 s dépassé) ; "
                           "le courriel n'a pas été envoyé.")
                            .arg(where())
                            .arg(m_s.timeoutSeconds),
                e);
        } catch (const Poco::Net::DNSException& e) {
            return fail(tr("Le serveur d'envoi « %1 » est introuvable (nom inconnu).").arg(m_s.host), e);
        } catch (const Poco::Net::SSLException& e) {
            return fail(tr("La connexion sécurisée avec le serveur d'envoi %1 a échoué (certificat refusé ou "
                           "protocole incompatible).")
                            .arg(where()),
                e);
        } catch (const Poco::Net::SMTPException& e) {
            if (m_phase == Phase::Auth)
                return Error(ErrorCode::AuthenticationFailed,
                    tr("Le serveur d'envoi a refusé l'identification de « %1 » (identifiant ou mot de "
                       "passe incorrect).")
                        .arg(m_s.user),
                    {}, QString::fromStdString(e.displayText()));
            if (e.code() == 0)
                return fail(
                    tr("La connexion avec le serveur d'envoi %1 a été interrompue ; le courriel n'a pas été "
                       "envoyé.")
                        .arg(where()),
                    e);
            if (m_phase == Phase::Data)
                return fail(tr("Le serveur d'envoi a refusé le message : %1").arg(fromUtf8(e.message())), e);
            return fail(tr("Le serveur d'envoi a refusé la session : %1").arg(fromUtf8(e.message())), e);
        } catch (const Poco::Exception& e) {
            if (m_phase == Phase::Connect)
                return fail(tr("Impossible de joindre le serveur d'envoi %1 : %2.")
                                .arg(where(), QString::fromStdString(e.displayText())),
                    e);
            return fail(
                tr("La connexion avec le serveur d'envoi %1 a été interrompue ; le courriel n'a pas été "
                   "envoyé.")
                    .arg(where()),
                e);
        } catch (const std::exception& e) {
            return Error(ErrorCode::IoError, tr("Erreur inattendue pendant l'envoi du courriel."), {},
                QString::fromLocal8Bit(e.what()));
        }
    }

private:
    QString where() const { return u"%1:%2"_s.arg(m_s.host).arg(m_s.port); }

    static Error fail(const QString& message, const Poco::Exception& e)
    {
        return Error(ErrorCode::IoError, message, {}, QString::fromStdString(e.displayText()));
    }

    Error lost() const
    {
        return Error(ErrorCode::IoError,
            tr("La connexion avec le serveur d'envoi %1 a été interrompue ; le courriel n'a pas été envoyé.")
                .arg(where()));
    }

    Result<void> exchange(const QByteArray* message, const QString& recipient)
    {
        m_phase = Phase::Connect;
        const std::string host = utf8(m_s.host.trimmed());
        const Poco::Net::SocketAddress address(host, Poco::UInt16(m_s.port));
        std::unique_ptr<Session> session;
        if (m_s.security == SmtpSecurity::Ssl) {
            Poco::Net::SecureStreamSocket socket(tlsContext(m_s.caFile));
            socket.setPeerHostName(host);
            socket.connect(address, m_timeout);
            socket.setReceiveTimeout(m_timeout);
            socket.completeHandshake();
            session = std::make_unique<Session>(socket);
        } else {
            Poco::Net::StreamSocket socket;
            socket.connect(address, m_timeout);
            session = std::make_unique<Session>(socket);
        }
        session->setTimeout(m_timeout);

        m_phase = Phase::Greeting;
        std::string hello = Poco::Environment::nodeName();
        if (hello.empty())
            hello = "localhost";
        session->open();
        std::string ehlo;
        int status = session->sendCommand("EHLO " + hello, ehlo);
        if (status == 0)
            return lost();
        if (!positive(status) && !positive(session->sendCommand("HELO " + hello, ehlo)))
            return Error(
                ErrorCode::IoError, tr("Le serveur d'envoi a refusé la session : %1").arg(fromUtf8(ehlo)));

        if (m_s.security == SmtpSecurity::StartTls) {
            m_phase = Phase::Tls;
            if (!offers(ehlo, u"STARTTLS"_s))
                return Error(ErrorCode::IoError,
                    tr("Le serveur d'envoi %1 ne propose pas STARTTLS : choisissez une autre sécurité dans "
                       "les paramètres.")
                        .arg(where()));
            std::string answer;
            status = session->sendCommand("STARTTLS", answer);
            if (status == 0)
                return lost();
            if (!positive(status))
                return Error(ErrorCode::IoError,
                    tr("Le serveur d'envoi %1 a refusé STARTTLS : %2").arg(where(), fromUtf8(answer)));
            session->upgrade(host, tlsContext(m_s.caFile), m_timeout);
            status = session->sendCommand("EHLO " + hello, ehlo);
            if (!positive(status))
                return status == 0 ? lost()
                                   : Error(ErrorCode::IoError,
                                       tr("Le serveur d'envoi a refusé la session : %1").arg(fromUtf8(ehlo)));
        }

        if (!m_s.user.isEmpty()) {
            m_phase = Phase::Auth;
            const bool plain = offersAuth(ehlo, u"PLAIN"_s);
            if (!plain && !offersAuth(ehlo, u"LOGIN"_s))
                return Error(ErrorCode::AuthenticationFailed,
                    tr("Le serveur d'envoi %1 ne propose pas d'identification par mot de passe (sur une "
                       "connexion non chiffrée, essayez STARTTLS).")
                        .arg(where()));
            session->login(hello,
                plain ? Poco::Net::SMTPClientSession::AUTH_PLAIN : Poco::Net::SMTPClientSession::AUTH_LOGIN,
                utf8(m_s.user), utf8(m_s.password));
        }

        if (message) {
            std::string response;
            m_phase = Phase::Sender;
            status = session->sendCommand("MAIL FROM:<" + utf8(m_s.fromAddress.trimmed()) + ">", response);
            if (status == 0)
                return lost();
            if (!positive(status))
                return Error(ErrorCode::IoError,
                    tr("Le serveur d'envoi a refusé l'adresse d'expédition « %1 » : %2")
                        .arg(m_s.fromAddress, fromUtf8(response)));
            m_phase = Phase::Recipient;
            status = session->sendCommand("RCPT TO:<" + utf8(recipient.trimmed()) + ">", response);
            if (status == 0)
                return lost();
            if (!positive(status))
                return Error(ErrorCode::Validation,
                    tr("Le serveur d'envoi a refusé le destinataire « %1 » : %2")
                        .arg(recipient, fromUtf8(response)),
                    { FieldError { u"to"_s, tr("Destinataire refusé par le serveur d'envoi.") } });
            m_phase = Phase::Data;
            status = session->sendCommand("DATA", response);
            if (status == 0)
                return lost();
            if (status != 354)
                return Error(ErrorCode::IoError,
                    tr("Le serveur d'envoi a refusé le message : %1").arg(fromUtf8(response)));
            std::istringstream in(std::string(message->constData(), size_t(message->size())));
            session->sendMessage(in); // dot-stuffing, final "." and the server's verdict
        }
        // Accepted: a failing QUIT must not make the agent send it twice.
        try {
            session->close();
        } catch (const Poco::Exception&) {
        }
        return {};
    }

    const SmtpSettings& m_s;
    Poco::Timespan m_timeout;
    Phase m_phase = Phase::Connect;
};

} // namespace

Result<SentMail> SmtpSender::send(const OutgoingMail& mail) const
{
    if (Result<void> ok = checkMail(mail); !ok)
        return ok.error();
    SentMail sent;
    sent.messageId = newMessageId(m_settings.fromAddress);
    sent.sentAt = QDateTime::currentDateTime();
    const QByteArray wire = compose(mail, sent.messageId, sent.sentAt);
    Conversation conversation(m_settings);
    if (Result<void> r = conversation.run(&wire, mail.toAddress); !r)
        return r.error();
    return sent;
}

Result<void> SmtpSender::testConnection() const
{
    if (m_settings.host.trimmed().isEmpty() || m_settings.port <= 0)
        return Error(ErrorCode::InvalidArgument, tr("Indiquez le serveur d'envoi et son port."));
    Conversation conversation(m_settings);
    return conversation.run(nullptr, {});
}

} // namespace iris::accueil
