#include "knowledgebase/KbArticle.h"

#include <QCryptographicHash>

namespace iris::kb {

QString KbArticle::computeContentHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString& field) {
        const QByteArray bytes = field.toUtf8();
        // Length-prefixed so that moving text between fields changes the hash.
        hash.addData(QByteArray::number(bytes.size()));
        hash.addData(QByteArrayView(":"));
        hash.addData(bytes);
    };
    add(uid);
    add(url);
    add(title);
    add(summary);
    add(body);
    add(section);
    add(tags.join(QLatin1Char('\n')));
    add(ownerService);
    add(updated.isValid() ? updated.toString(Qt::ISODate) : QString());
    add(reviewBy.isValid() ? reviewBy.toString(Qt::ISODate) : QString());
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace iris::kb
