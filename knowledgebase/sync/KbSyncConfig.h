#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace iris::kb {

/// Where and how a workstation syncs its knowledge base.
struct KbSyncConfig
{
    QUrl server; ///< e.g. https://kb.mairie.example:8470
    QByteArray publicKey; ///< raw 32-byte Ed25519 key the manifest must be signed with
    QString caFile; ///< extra CA certificates (PEM) trusted for HTTPS, e.g. the city's own CA
    int connectTimeoutMs = 5000; ///< until the request is sent
    int totalTimeoutMs = 120000; ///< the whole sync, all requests included

    /// Reads a public key file written by `iris-kbd keygen` (one line of base64).
    /// Returns an empty array when the file is unreadable or not a key.
    static QByteArray readPublicKeyFile(const QString& path);
};

} // namespace iris::kb
