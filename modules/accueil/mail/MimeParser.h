#pragma once

#include "modules/accueil/mail/MimeMessage.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Reads a received e-mail (RFC 5322 + MIME, RFC 2045–2047, 2231): headers with folding
/// and encoded-words, base64 / quoted-printable / 7bit / 8bit bodies, nested multipart
/// (mixed, alternative, related…), charsets, attachments.
///
/// Never throws and never drops data: whatever it cannot read (no headers, no closing
/// boundary, bad base64, unknown charset, binary garbage) is reported in
/// MimeMessage::warnings with `malformed` set where the message is not conforming, the
/// best-effort text is returned and MimeMessage::raw always holds the bytes as received.
/// Pure: no database, no files.
class MimeParser final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::MimeParser)
public:
    static MimeMessage parse(const QByteArray& raw);

    /// Quoted-printable (RFC 2045 §6.7): soft line breaks and =XX undone; stray '=' kept.
    static QByteArray decodeQuotedPrintable(const QByteArray& data);
};

} // namespace iris::accueil
