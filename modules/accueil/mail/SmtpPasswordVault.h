#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>

namespace iris::accueil {

/// Seals the SMTP password before it is stored in the site database (libsodium
/// secretbox, XSalsa20-Poly1305). The key is a random 32-byte file kept beside the
/// database file ("<base>.mail-key", owner read/write only), never inside it: a copy or an
/// export of the database alone does not give the mail account away. Workstations that
/// open the shared database reach the key file in the same folder.
///
/// On a shared PostgreSQL site the workstations run under different OS accounts and have no
/// common folder beside the database: the key is then one site file, the same on every
/// workstation, readable by the group of the IRIS Desk accounts and by nobody else —
/// $IRIS_MAIL_KEY_FILE, by default /etc/iris-desk/mail-key (root:iris-desk, mode 0640), which
/// the administrator creates once and deploys with the workstations' configuration (README,
/// « Site partagé »). A key created by IRIS Desk itself on a shared site is group-readable.
class SmtpPasswordVault final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::SmtpPasswordVault)
public:
    /// `keyPath`: the key file (created on first seal(); readable by its group too when
    /// `groupReadable`, for a shared site's key).
    explicit SmtpPasswordVault(QString keyPath, bool groupReadable = false);
    /// The key file of a SQLite database file.
    static QString keyPathFor(const QString& databasePath);
    /// The key file of a shared PostgreSQL site: $IRIS_MAIL_KEY_FILE or /etc/iris-desk/mail-key.
    static QString sharedSiteKeyPath();

    /// "sb1:" + base64(nonce ‖ ciphertext).
    Result<QString> seal(const QString& password) const;
    /// The password; a French error when the key is missing or does not match.
    Result<QString> open(const QString& sealed) const;

private:
    Result<QByteArray> key(bool create) const;
    QString m_keyPath;
    bool m_groupReadable = false;
};

} // namespace iris::accueil
