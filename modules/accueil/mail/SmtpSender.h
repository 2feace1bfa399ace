#pragma once

#include "core/base/Result.h"
#include "modules/accueil/mail/SmtpSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace iris::accueil {

/// A plain-text e-mail to send: UTF-8 body, quoted-printable on the wire.
struct OutgoingMail
{
    QString toAddress;
    QString toName; ///< may be empty
    QString subject;
    QString body; ///< plain text; line ends normalised to CRLF
    QString inReplyTo; ///< Message-ID of the message answered, without <> (may be empty)
    QStringList references; ///< earlier Message-IDs of the thread, without <>; inReplyTo is appended
};

/// What the server accepted.
struct SentMail
{
    QString messageId; ///< generated Message-ID, without <>
    QDateTime sentAt;
};

/// Sends e-mails through the configured SMTP server with Poco (plain, STARTTLS or
/// SSL/TLS, optional AUTH LOGIN/PLAIN). Synchronous and blocking for at most the
/// settings' timeout per network step: call it from a worker thread, never from the GUI
/// thread. Every failure comes back as a French Error (server unreachable, refused
/// connection, timeout, identification refused, sender or recipient refused, connection
/// cut); nothing throws. The password never appears in an error or a log.
class SmtpSender final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::SmtpSender)
public:
    explicit SmtpSender(SmtpSettings settings);

    /// Sends one message; returns its generated Message-ID ("<uuid>@<from domain>").
    Result<SentMail> send(const OutgoingMail& mail) const;
    /// Connects, says hello, upgrades to TLS and authenticates as configured, then quits:
    /// the "Tester" button of the settings page.
    Result<void> testConnection() const;

    /// The message as it goes on the wire (headers and quoted-printable body, CRLF),
    /// with the given Message-ID and date. Exposed for tests and the raw view.
    QByteArray compose(const OutgoingMail& mail, const QString& messageId, const QDateTime& date) const;
    /// A new unique Message-ID (without <>) in the domain of `fromAddress`.
    static QString newMessageId(const QString& fromAddress);

private:
    Result<void> checkMail(const OutgoingMail& mail) const;

    SmtpSettings m_settings;
};

} // namespace iris::accueil
