#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace iris::accueil {

/// A file found in a message, decoded (base64 / quoted-printable undone).
struct MimeAttachment
{
    QString fileName; ///< decoded name; "piece-jointe-N.ext" when the message gave none
    QString mimeType; ///< lower-case "type/subtype"
    QByteArray data;
};

/// What MimeParser read from one received message. Always carries the raw bytes: a
/// message that cannot be fully read is still kept whole, flagged malformed.
struct MimeMessage
{
    QByteArray raw; ///< the message exactly as received

    QString messageId; ///< without <>; empty when the header is missing
    QDateTime date; ///< Date header; invalid when missing or unreadable
    QString fromAddress; ///< lower-case
    QString fromName;
    QString toAddress; ///< first recipient, lower-case
    QString subject;
    QString bodyText; ///< text/plain, or text drawn from text/html when only html
    bool bodyFromHtml = false;
    QList<MimeAttachment> attachments;

    bool malformed = false;
    QStringList warnings; ///< French, one per problem met

    /// The warnings joined as one French sentence list ("" when none).
    QString warningText() const { return warnings.join(u' '); }
};

} // namespace iris::accueil
