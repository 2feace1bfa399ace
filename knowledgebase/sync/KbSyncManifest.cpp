#include "KbSyncManifest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSyncManifest", text);
}

bool readRef(const QJsonObject& o, KbSyncBundleRef* ref)
{
    ref->from = o.value(u"from"_s).toInteger(-1);
    ref->to = o.value(u"to"_s).toInteger(-1);
    ref->path = o.value(u"path"_s).toString();
    ref->sha256 = o.value(u"sha256"_s).toString().toLatin1();
    ref->bytes = o.value(u"bytes"_s).toInteger(-1);
    ref->upserts = o.value(u"upserts"_s).toInteger(0);
    ref->deletes = o.value(u"deletes"_s).toInteger(0);
    return ref->from >= 0 && ref->to > 0 && ref->path.startsWith(u"/v1/"_s) && ref->sha256.size() == 64
        && ref->bytes > 0;
}

} // namespace

std::optional<KbSyncBundleRef> KbSyncManifest::deltaFrom(qint64 fromVersion) const
{
    for (const KbSyncBundleRef& d : deltas) {
        if (d.from == fromVersion)
            return d;
    }
    return std::nullopt;
}

QString KbSyncManifest::keyIdOf(const QByteArray& publicKey)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256).toHex().left(16));
}

Result<KbSyncManifest> KbSyncManifest::fromEnvelope(const QByteArray& envelope, const QByteArray& publicKey)
{
    const QJsonObject outer = QJsonDocument::fromJson(envelope).object();
    if (outer.value(u"format"_s).toString() != u"iris-kb-signed/1"_s
        || !outer.value(u"manifest"_s).isString())
        return Error(ErrorCode::InvalidArgument,
            tr("Réponse du serveur illisible : ce n'est pas un manifeste de base de connaissances signé."));
    const QString serverKeyId = outer.value(u"keyId"_s).toString();
    if (serverKeyId != keyIdOf(publicKey))
        return Error(ErrorCode::AuthenticationFailed,
            tr("Le serveur signe avec une autre clé (%1) que la clé publique configurée (%2) : "
               "synchronisation refusée.")
                .arg(serverKeyId, keyIdOf(publicKey)));
    const QByteArray bytes = outer.value(u"manifest"_s).toString().toUtf8();
    const QByteArray signature = QByteArray::fromBase64(outer.value(u"signature"_s).toString().toLatin1());
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES
        || crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
               reinterpret_cast<const unsigned char*>(bytes.constData()),
               static_cast<unsigned long long>(bytes.size()),
               reinterpret_cast<const unsigned char*>(publicKey.constData()))
            != 0)
        return Error(ErrorCode::AuthenticationFailed,
            tr("Signature du manifeste invalide : contenu altéré ou clé erronée. Synchronisation refusée."));

    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    KbSyncManifest m;
    m.version = o.value(u"version"_s).toInteger(-1);
    m.articles = o.value(u"articles"_s).toInteger(-1);
    m.contentHash = o.value(u"contentHash"_s).toString();
    m.published = o.value(u"published"_s).toString();
    m.keyId = o.value(u"keyId"_s).toString();
    bool ok = o.value(u"format"_s).toString() == u"iris-kb-manifest/1"_s && m.version > 0 && m.articles >= 0
        && readRef(o.value(u"snapshot"_s).toObject(), &m.snapshot) && m.snapshot.to == m.version;
    const QJsonArray list = o.value(u"deltas"_s).toArray();
    for (const auto& value : list) {
        KbSyncBundleRef ref;
        ok = ok && readRef(value.toObject(), &ref) && ref.to == m.version && ref.from < m.version;
        m.deltas << ref;
    }
    if (!ok)
        return Error(
            ErrorCode::InvalidArgument, tr("Manifeste signé mais incomplet : synchronisation refusée."));
    return m;
}

} // namespace iris::kb
