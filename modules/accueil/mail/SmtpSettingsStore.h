#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/mail/SmtpPasswordVault.h"
#include "modules/accueil/mail/SmtpSettings.h"

#include <QCoreApplication>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The SMTP server and the signature of replies, stored in the site database
/// (accueil_mail_send_settings) so every workstation sends the same way. The password
/// is sealed with SmtpPasswordVault (key file beside the SQLite file, or the site key file of a
/// shared PostgreSQL site, see SmtpPasswordVault); it is never
/// audited, logged nor handed back to a settings form.
///
/// Permissions: load() needs accueil.mail (agents who send) or accueil.configure;
/// save() needs accueil.configure and is audited (without the password).
class SmtpSettingsStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::SmtpSettingsStore)
public:
    struct Values
    {
        SmtpSettings smtp; ///< password decrypted (empty when none is stored)
        QString signature; ///< the {signature} placeholder of reply templates
        bool passwordStored = false;
    };
    /// What save() does with the stored password.
    enum class Password { Keep, Replace };

    explicit SmtpSettingsStore(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Default signature: the IRIS counter's name, address and phone (DOMAIN.md).
    static QString defaultSignature();

    Result<Values> load() const;
    /// Same without decrypting the password (settings form: only "a password is stored").
    Result<Values> loadForEditing() const;
    /// Validates (host, port 1–65535, from address, timeout 1–300 s) and saves in one
    /// transaction; the password is replaced only with Password::Replace (empty = removed).
    Result<Values> save(const Values& values, Password password = Password::Keep);

private:
    Result<Values> read(bool decrypt) const;
    QString keyPath() const;
    SmtpPasswordVault vault() const;

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
