#include "KbSyncClient.h"

#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncBundle.h"
#include "knowledgebase/sync/KbSyncHttp.h"
#include "knowledgebase/sync/KbSyncManifest.h"
#include "knowledgebase/sync/KbSyncState.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>

using namespace Qt::StringLiterals;

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSyncClient", text);
}

Error httpError(const QString& what, int status)
{
    return Error(ErrorCode::IoError, tr("Le serveur a refusé %1 (HTTP %2).").arg(what).arg(status));
}

} // namespace

KbSyncClient::KbSyncClient(KbSyncConfig config)
    : m_config(std::move(config))
{
}

Result<KbSyncOutcome> KbSyncClient::sync(const QString& kbPath, const Progress& progress)
{
    auto store = KbStore::open(kbPath);
    if (!store)
        return store.error();
    return sync(**store, progress);
}

Result<KbSyncOutcome> KbSyncClient::sync(KbStore& store, const Progress& progress)
{
    if (m_config.publicKey.size() != 32)
        return Error(ErrorCode::InvalidArgument, tr("Clé publique du serveur absente ou invalide."));
    if (!m_config.server.isValid()
        || (m_config.server.scheme() != u"http"_s && m_config.server.scheme() != u"https"_s))
        return Error(ErrorCode::InvalidArgument,
            tr("Adresse du serveur invalide : « %1 ».").arg(m_config.server.toDisplayString()));
    QElapsedTimer clock;
    clock.start();
    const auto report = [&](Stage stage, qint64 done, qint64 total) {
        if (progress)
            progress(stage, done, total);
    };

    auto loaded = KbSyncState::load(store);
    if (!loaded)
        return loaded.error();
    const KbSyncStateData state = *loaded;
    // Content changed outside sync (a local import) or an interrupted earlier sync:
    // the local copy is no longer exactly the server's version, only a snapshot repairs it.
    const bool drift = state.serverVersion > 0 && store.contentVersion() != state.serverVersion;
    const qint64 local = drift ? 0 : state.serverVersion;

    KbSyncHttp http(m_config);
    KbSyncOutcome outcome;
    outcome.fromVersion = state.serverVersion;
    const auto finish = [&](KbSyncOutcome o) {
        o.requests = http.requests();
        o.bytes = http.bytesReceived();
        o.elapsedMs = clock.elapsed();
        return o;
    };

    report(Stage::Manifest, 0, 1);
    // A 304 proves nothing about keys: revalidate only what was verified with this very
    // key on this very server, so a changed key or server always gets a signed manifest.
    const bool revalidate = local > 0 && state.keyId == KbSyncManifest::keyIdOf(m_config.publicKey)
                            && state.server == m_config.server.toDisplayString();
    auto manifestReply = http.get(u"/v1/manifest"_s, revalidate ? state.etag : QByteArray(), 16 << 20);
    if (!manifestReply)
        return manifestReply.error();
    KbSyncStateData after = state;
    after.server = m_config.server.toDisplayString();
    after.checkedAt = QDateTime::currentDateTimeUtc();
    if (manifestReply->status == 304) {
        after.syncedAt = after.checkedAt;
        if (auto r = KbSyncState::touch(store, after); !r)
            return r.error();
        outcome.version = state.serverVersion;
        outcome.at = after.checkedAt;
        report(Stage::Manifest, 1, 1);
        return finish(outcome);
    }
    if (manifestReply->status != 200)
        return httpError(tr("le manifeste"), manifestReply->status);
    auto manifest = KbSyncManifest::fromEnvelope(manifestReply->body, m_config.publicKey);
    if (!manifest)
        return manifest.error();
    report(Stage::Manifest, 1, 1);

    if (manifest->version < state.serverVersion)
        return Error(ErrorCode::Conflict,
            tr("Le serveur propose la version %1, plus ancienne que la version locale %2 : "
               "retour en arrière refusé, base locale inchangée.")
                .arg(manifest->version)
                .arg(state.serverVersion));
    after.etag = manifestReply->etag;
    after.contentHash = manifest->contentHash;
    after.keyId = manifest->keyId;
    after.serverVersion = manifest->version;
    if (!drift && manifest->version == state.serverVersion) {
        if (manifest->contentHash != state.contentHash)
            return Error(ErrorCode::Conflict,
                tr("Le serveur publie un autre contenu sous la même version %1 : refusé, base locale "
                   "inchangée.")
                    .arg(manifest->version));
        after.syncedAt = after.checkedAt;
        if (auto r = KbSyncState::touch(store, after); !r)
            return r.error();
        outcome.version = manifest->version;
        outcome.at = after.checkedAt;
        return finish(outcome);
    }

    // Download: the delta from our version when the server has one, else the snapshot.
    std::optional<KbSyncBundleRef> ref = local > 0 ? manifest->deltaFrom(local) : std::nullopt;
    const auto download = [&](const KbSyncBundleRef& r) {
        return http.get(
            r.path, {}, r.bytes, [&](qint64 done, qint64) { report(Stage::Download, done, r.bytes); });
    };
    auto bundleReply = ref ? download(*ref) : Result<KbSyncHttp::Reply>(KbSyncHttp::Reply {});
    if (ref && bundleReply && bundleReply->status == 404)
        ref.reset(); // pruned by a publish since the manifest: the snapshot still serves
    if (!ref) {
        ref = manifest->snapshot;
        bundleReply = download(*ref);
    }
    if (!bundleReply)
        return bundleReply.error();
    if (bundleReply->status != 200)
        return httpError(ref->path, bundleReply->status);
    auto bundle = KbSyncBundle::decode(bundleReply->body, *ref);
    if (!bundle)
        return bundle.error();
    bundleReply->body.clear();

    if (bundle->snapshot) {
        // Everything not in the snapshot goes (demo content, local imports, deleted pages).
        auto uids = store.allUids();
        if (!uids)
            return uids.error();
        QSet<QString> keep;
        keep.reserve(bundle->changes.upserts.size());
        for (const KbArticle& a : std::as_const(bundle->changes.upserts))
            keep.insert(a.uid);
        for (const QString& uid : std::as_const(*uids)) {
            if (!keep.contains(uid))
                bundle->changes.removals << uid;
        }
    }

    report(Stage::Apply, 0, bundle->changes.upserts.size() + bundle->changes.removals.size());
    after.syncedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer applyClock;
    applyClock.start();
    auto applied = KbSyncState::apply(store, bundle->changes, manifest->version, after);
    if (!applied)
        return applied.error();
    report(Stage::Apply, bundle->changes.upserts.size() + bundle->changes.removals.size(),
        bundle->changes.upserts.size() + bundle->changes.removals.size());

    outcome.applyMs = applyClock.elapsed();
    outcome.kind = bundle->snapshot ? KbSyncOutcome::Kind::Snapshot : KbSyncOutcome::Kind::Delta;
    outcome.version = manifest->version;
    outcome.added = applied->added;
    outcome.updated = applied->updated;
    outcome.removed = applied->removed;
    outcome.at = after.syncedAt;
    return finish(outcome);
}

} // namespace iris::kb
