#pragma once

#include "tests/accueil/AccueilFixture.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace iris::test {

/// The Accueil fixture plus the e-mail feature: "accueil-courriel" schema, accueil.mail
/// permission, and a real Maildir (new/, cur/, tmp/) in a temporary folder that the
/// message files of tests/accueil/data/mail are delivered into.
class MailFixture final
{
public:
    bool start(QString* error = nullptr);

    AccueilFixture site;
    QTemporaryDir dir;
    QString maildir() const { return dir.filePath(QStringLiteral("Maildir")); }

    /// Bytes of a message file of tests/accueil/data/mail.
    static QByteArray message(const QString& name);
    /// Writes `content` as new/<uniqueName> (through tmp/ then rename, like a delivery agent).
    QString deliver(const QByteArray& content, const QString& uniqueName);
    /// File names in a subfolder of the Maildir ("new", "cur", "tmp").
    QStringList files(const QString& sub) const;
    qint64 addCitizen(const QString& nom, const QString& prenoms, const QString& email);
};

} // namespace iris::test
