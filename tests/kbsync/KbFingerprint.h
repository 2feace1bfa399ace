#pragma once

#include <QByteArray>
#include <QString>

namespace iris::test {

/// A digest of everything a sync may change in a knowledge-base file: content
/// version, every article's uid and content hash, and the sync state rows.
/// Equal before and after a refused sync = "the local KB left exactly as it was".
QByteArray kbFingerprint(const QString& kbPath);
/// Content version of the file (KbStore::contentVersion).
qint64 kbVersion(const QString& kbPath);

} // namespace iris::test
