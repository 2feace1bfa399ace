#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace iris::kb {

/// One bundle listed by the manifest (see knowledgebase/server/Manifest.h).
struct KbSyncBundleRef
{
    qint64 from = 0;
    qint64 to = 0;
    QString path;
    QByteArray sha256; ///< hex
    qint64 bytes = 0;
    qint64 upserts = 0;
    qint64 deletes = 0;
};

/// The server's signed description of its current version.
struct KbSyncManifest
{
    qint64 version = 0;
    qint64 articles = 0;
    QString contentHash;
    QString published;
    QString keyId;
    KbSyncBundleRef snapshot;
    QList<KbSyncBundleRef> deltas;

    std::optional<KbSyncBundleRef> deltaFrom(qint64 version) const;

    /// Checks the envelope's Ed25519 signature over the exact manifest bytes with
    /// `publicKey`, then parses them. Any failure is an Error with a French message.
    static Result<KbSyncManifest> fromEnvelope(const QByteArray& envelope, const QByteArray& publicKey);
    /// First 16 hex digits of SHA-256(public key), as the server names its key.
    static QString keyIdOf(const QByteArray& publicKey);
};

} // namespace iris::kb
