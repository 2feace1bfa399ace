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
class SmtpPasswordVault final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::SmtpPasswordVault)
public:
    /// `keyPath`: the key file (created on first seal()).
    explicit SmtpPasswordVault(QString keyPath);
    /// The key file of a SQLite database file.
    static QString keyPathFor(const QString& databasePath);

    /// "sb1:" + base64(nonce ‖ ciphertext).
    Result<QString> seal(const QString& password) const;
    /// The password; a French error when the key is missing or does not match.
    Result<QString> open(const QString& sealed) const;

private:
    Result<QByteArray> key(bool create) const;
    QString m_keyPath;
};

} // namespace iris::accueil
