#include "modules/accueil/mail/SmtpPasswordVault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <unistd.h>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kPrefix = u"sb1:"_s;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

SmtpPasswordVault::SmtpPasswordVault(QString keyPath, bool groupReadable)
    : m_keyPath(std::move(keyPath))
    , m_groupReadable(groupReadable)
{
}

QString SmtpPasswordVault::sharedSiteKeyPath()
{
    const QString configured = qEnvironmentVariable("IRIS_MAIL_KEY_FILE");
    return configured.isEmpty() ? u"/etc/iris-desk/mail-key"_s : configured;
}

QString SmtpPasswordVault::keyPathFor(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    return info.absoluteDir().filePath(info.completeBaseName() + u".mail-key"_s);
}

Result<QByteArray> SmtpPasswordVault::key(bool create) const
{
    if (!sodiumReady())
        return Error(ErrorCode::IoError, tr("La bibliothèque de chiffrement n'a pas pu être initialisée."));
    QFile file(m_keyPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error(
                ErrorCode::IoError, tr("La clé du mot de passe d'envoi (%1) est illisible.").arg(m_keyPath));
        const QByteArray k = file.readAll();
        if (k.size() != crypto_secretbox_KEYBYTES)
            return Error(
                ErrorCode::IoError, tr("La clé du mot de passe d'envoi (%1) est abîmée.").arg(m_keyPath));
        return k;
    }
    if (!create)
        return Error(ErrorCode::NotFound,
            tr("La clé du mot de passe du serveur d'envoi est absente (%1) : saisissez à nouveau le mot de "
               "passe dans les paramètres d'envoi des courriels.")
                .arg(m_keyPath));
    QByteArray k(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(k.data()));
    // Written whole beside the database, then published with link(2), which never
    // replaces an existing file: when two workstations create the key at once, the second
    // takes the first one's key instead of overwriting it (a password sealed with the
    // lost key could never be read again).
    QTemporaryFile out(m_keyPath + u".XXXXXX"_s);
    if (!out.open() || out.write(k) != k.size() || !out.flush()
        || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                               | (m_groupReadable ? QFileDevice::ReadGroup : QFileDevice::Permissions())))
        return Error(ErrorCode::IoError,
            tr("Impossible de créer la clé du mot de passe d'envoi (%1).").arg(m_keyPath));
    ::fsync(out.handle());
    if (::link(QFile::encodeName(out.fileName()).constData(), QFile::encodeName(m_keyPath).constData()) != 0) {
        if (errno == EEXIST)
            return key(false); // created meanwhile by another workstation: use that one
        return Error(ErrorCode::IoError,
            tr("Impossible de créer la clé du mot de passe d'envoi (%1).").arg(m_keyPath));
    }
    return k;
}

Result<QString> SmtpPasswordVault::seal(const QString& password) const
{
    if (password.isEmpty())
        return QString();
    const Result<QByteArray> k = key(true);
    if (!k)
        return k.error();
    const QByteArray plain = password.toUtf8();
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
        reinterpret_cast<const unsigned char*>(plain.constData()), quint64(plain.size()), nonce,
        reinterpret_cast<const unsigned char*>(k->constData()));
    return QString(kPrefix + QString::fromLatin1(out.toBase64()));
}

Result<QString> SmtpPasswordVault::open(const QString& sealed) const
{
    if (sealed.isEmpty())
        return QString();
    const Error broken(ErrorCode::IoError,
        tr("Le mot de passe enregistré du serveur d'envoi ne peut pas être déchiffré : saisissez-le "
           "à nouveau dans les paramètres d'envoi des courriels."));
    if (!sealed.startsWith(kPrefix))
        return broken;
    const QByteArray data = QByteArray::fromBase64(sealed.mid(kPrefix.size()).toLatin1());
    if (data.size() < qsizetype(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES))
        return broken;
    const Result<QByteArray> k = key(false);
    if (!k)
        return k.error();
    const auto* nonce = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype cipherSize = data.size() - qsizetype(crypto_secretbox_NONCEBYTES);
    QByteArray plain(cipherSize - qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
            nonce + crypto_secretbox_NONCEBYTES, quint64(cipherSize), nonce,
            reinterpret_cast<const unsigned char*>(k->constData()))
        != 0)
        return broken;
    return QString::fromUtf8(plain);
}

} // namespace iris::accueil
