#pragma once

#include <QString>

namespace iris::accueil {

/// How the connection to the SMTP server is protected.
enum class SmtpSecurity {
    None, ///< plain SMTP (a relay on the local network; port 25)
    StartTls, ///< plain connection upgraded with STARTTLS (submission, port 587)
    Ssl, ///< TLS from the first byte (SMTPS, port 465)
};

QString smtpSecurityId(SmtpSecurity security); ///< "none", "starttls", "ssl"
QString smtpSecurityLabel(SmtpSecurity security); ///< French
bool smtpSecurityFromId(const QString& id, SmtpSecurity* security);

/// The SMTP server every workstation sends replies through (stored in the site
/// database, see SmtpSettingsStore). `user` empty = no authentication.
struct SmtpSettings
{
    QString host;
    int port = 25;
    SmtpSecurity security = SmtpSecurity::None;
    QString user;
    QString password; ///< clear text in memory only; sealed at rest, never logged nor audited
    QString fromAddress; ///< "iris@ville-issy.fr"
    QString fromName; ///< "IRIS — Mairie d'Issy-les-Moulineaux"
    int timeoutSeconds = 20;
    /// PEM file of an extra certificate authority to trust (the city's internal PKI);
    /// empty = the system's authorities only. Certificates are always verified.
    QString caFile;

    bool isConfigured() const { return !host.isEmpty() && port > 0 && !fromAddress.isEmpty(); }
};

} // namespace iris::accueil
