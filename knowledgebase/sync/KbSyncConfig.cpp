#include "KbSyncConfig.h"

#include <QFile>

namespace iris::kb {

QByteArray KbSyncConfig::readPublicKeyFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto decoded
        = QByteArray::fromBase64Encoding(f.read(4096).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return {};
    return decoded.decoded;
}

} // namespace iris::kb
