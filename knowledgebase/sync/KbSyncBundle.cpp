#include "KbSyncBundle.h"

#include "knowledgebase/KbJsonlReader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSyncBundle", text);
}

Error corrupt(const KbSyncBundleRef& ref, const QString& why)
{
    return Error(ErrorCode::DatabaseCorrupt,
        tr("Paquet %1 refusé : %2. La base locale n'a pas été modifiée.").arg(ref.path, why));
}

} // namespace

Result<KbSyncBundle> KbSyncBundle::decode(const QByteArray& bytes, const KbSyncBundleRef& ref)
{
    if (bytes.size() != ref.bytes)
        return corrupt(ref,
            tr("tronqué ou rallongé (%1 octets reçus, %2 annoncés par le manifeste signé)")
                .arg(bytes.size())
                .arg(ref.bytes));
    if (QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() != ref.sha256)
        return corrupt(ref, tr("contenu altéré (empreinte SHA-256 différente de celle du manifeste signé)"));

    const QByteArray raw = qUncompress(bytes);
    if (raw.isEmpty())
        return corrupt(ref, tr("décompression impossible"));

    KbSyncBundle bundle;
    qsizetype pos = raw.indexOf('\n');
    const QJsonObject header = QJsonDocument::fromJson(raw.left(pos)).object();
    bundle.snapshot = header.value(u"kind"_s).toString() == u"snapshot"_s;
    bundle.from = header.value(u"from"_s).toInteger(-1);
    bundle.to = header.value(u"to"_s).toInteger(-1);
    if (pos < 0 || header.value(u"format"_s).toString() != u"iris-kb-bundle/1"_s || bundle.from != ref.from
        || bundle.to != ref.to || bundle.snapshot != (ref.from == 0))
        return corrupt(ref, tr("en-tête inattendu"));

    static const QByteArray putPrefix = "{\"article\":";
    static const QByteArray hashMarker = ",\"hash\":\"";
    int lineNumber = 1;
    while (pos + 1 < raw.size()) {
        const qsizetype end = raw.indexOf('\n', pos + 1);
        if (end < 0)
            return corrupt(ref, tr("dernière ligne incomplète"));
        const QByteArray line = raw.mid(pos + 1, end - pos - 1);
        pos = end;
        ++lineNumber;
        if (line.startsWith(putPrefix)) {
            // The article's canonical JSON is hashed as sent: take it verbatim.
            const qsizetype marker = line.lastIndexOf(hashMarker);
            if (marker < 0)
                return corrupt(ref, tr("ligne %1 illisible").arg(lineNumber));
            const QByteArray article = line.mid(putPrefix.size(), marker - putPrefix.size());
            const QJsonObject tail = QJsonDocument::fromJson('{' + line.mid(marker + 1)).object();
            if (QCryptographicHash::hash(article, QCryptographicHash::Sha256).toHex()
                != tail.value(u"hash"_s).toString().toLatin1())
                return corrupt(ref, tr("empreinte de l'article ligne %1 incorrecte").arg(lineNumber));
            KbArticle a;
            QString message;
            if (!KbJsonlReader::parseLine(article, &a, &message))
                return corrupt(ref, tr("article ligne %1 : %2").arg(lineNumber).arg(message));
            if (a.uid != tail.value(u"id"_s).toString())
                return corrupt(ref, tr("identifiant incohérent ligne %1").arg(lineNumber));
            bundle.changes.upserts << a;
        } else {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"op"_s).toString() != u"del"_s || o.value(u"id"_s).toString().isEmpty()
                || bundle.snapshot)
                return corrupt(ref, tr("ligne %1 illisible").arg(lineNumber));
            bundle.changes.removals << o.value(u"id"_s).toString();
        }
    }
    if (bundle.changes.upserts.size() != header.value(u"upserts"_s).toInteger(-1)
        || bundle.changes.removals.size() != header.value(u"deletes"_s).toInteger(-1))
        return corrupt(ref, tr("nombre d'articles différent de l'en-tête"));
    return bundle;
}

} // namespace iris::kb
