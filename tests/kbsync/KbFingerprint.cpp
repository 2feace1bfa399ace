#include "KbFingerprint.h"

#include "knowledgebase/KbStore.h"

#include <QCryptographicHash>

namespace iris::test {

QByteArray kbFingerprint(const QString& kbPath)
{
    auto store = iris::kb::KbStore::open(kbPath);
    if (!store)
        return QByteArray("unreadable: ") + store.error().message().toUtf8();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number((*store)->contentVersion()));
    auto uids = (*store)->allUids();
    if (!uids)
        return "no uids";
    QStringList sorted = *uids;
    sorted.sort();
    for (const QString& uid : std::as_const(sorted)) {
        const auto a = (*store)->article(uid);
        hash.addData(uid.toUtf8());
        hash.addData(a ? a->contentHash.toUtf8() : QByteArray("?"));
    }
    auto state = (*store)->connection().prepare(
        "SELECT key, value FROM kbsync_state WHERE key NOT IN ('checked_at', 'synced_at') ORDER BY key");
    while (state.step()) {
        hash.addData(state.text(0).toUtf8());
        hash.addData(state.text(1).toUtf8());
    }
    return hash.result().toHex();
}

qint64 kbVersion(const QString& kbPath)
{
    auto store = iris::kb::KbStore::open(kbPath);
    return store ? (*store)->contentVersion() : -1;
}

} // namespace iris::test
