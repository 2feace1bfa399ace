#include "knowledgebase/KbJsonlReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbJsonlReader", text);
}

bool optionalString(const QJsonObject& o, const QString& key, QString* out, QString* message)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return true;
    }
    if (!v.isString()) {
        *message = tr("le champ « %1 » doit être un texte").arg(key);
        return false;
    }
    *out = v.toString().trimmed();
    return true;
}

bool optionalDate(const QJsonObject& o, const QString& key, QDate* out, QString* message)
{
    QString text;
    if (!optionalString(o, key, &text, message))
        return false;
    if (text.isEmpty()) {
        *out = QDate();
        return true;
    }
    *out = QDate::fromString(text.left(10), Qt::ISODate);
    if (!out->isValid()) {
        *message = tr("la date « %1 » du champ « %2 » n'est pas au format AAAA-MM-JJ").arg(text, key);
        return false;
    }
    return true;
}

} // namespace

bool KbJsonlReader::parseLine(const QByteArray& line, KbArticle* article, QString* message)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *message
            = tr("JSON invalide (%1, caractère %2)").arg(parseError.errorString()).arg(parseError.offset + 1);
        return false;
    }
    if (!doc.isObject()) {
        *message = tr("un objet JSON est attendu");
        return false;
    }
    const QJsonObject o = doc.object();
    KbArticle a;
    if (!optionalString(o, QStringLiteral("id"), &a.uid, message)
        || !optionalString(o, QStringLiteral("url"), &a.url, message)
        || !optionalString(o, QStringLiteral("title"), &a.title, message)
        || !optionalString(o, QStringLiteral("summary"), &a.summary, message)
        || !optionalString(o, QStringLiteral("section"), &a.section, message)
        || !optionalString(o, QStringLiteral("owner"), &a.ownerService, message)
        || !optionalDate(o, QStringLiteral("updated"), &a.updated, message)
        || !optionalDate(o, QStringLiteral("review_by"), &a.reviewBy, message))
        return false;
    const QJsonValue body = o.value(QStringLiteral("body"));
    if (body.isString()) {
        a.body = body.toString().trimmed();
    } else if (!body.isUndefined() && !body.isNull()) {
        *message = tr("le champ « body » doit être un texte");
        return false;
    }
    if (a.uid.isEmpty()) {
        *message = tr("le champ « id » est manquant ou vide");
        return false;
    }
    if (a.uid.size() > 200) {
        *message = tr("l'identifiant dépasse 200 caractères");
        return false;
    }
    if (a.title.isEmpty()) {
        *message = tr("le champ « title » est manquant ou vide");
        return false;
    }
    const QJsonValue tags = o.value(QStringLiteral("tags"));
    if (tags.isArray()) {
        const QJsonArray array = tags.toArray();
        for (const QJsonValue& t : array) {
            if (!t.isString()) {
                *message = tr("le champ « tags » doit être une liste de textes");
                return false;
            }
            const QString tag = t.toString().simplified();
            if (!tag.isEmpty() && !a.tags.contains(tag))
                a.tags << tag;
        }
    } else if (!tags.isUndefined() && !tags.isNull()) {
        *message = tr("le champ « tags » doit être une liste de textes");
        return false;
    }
    if (!a.reviewBy.isValid() && a.updated.isValid())
        a.reviewBy = a.updated.addMonths(KbArticle::DefaultReviewMonths);
    a.contentHash = a.computeContentHash();
    *article = std::move(a);
    return true;
}

KbJsonlReader::Output KbJsonlReader::read(QIODevice& device)
{
    Output out;
    QHash<QString, int> seen;
    while (!device.atEnd()) {
        QByteArray line = device.readLine();
        ++out.lines;
        if (out.lines == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.trimmed().isEmpty())
            continue;
        KbArticle article;
        QString message;
        if (!parseLine(line, &article, &message)) {
            out.issues.append({ out.lines, message });
            continue;
        }
        if (const auto it = seen.constFind(article.uid); it != seen.constEnd()) {
            out.issues.append({ out.lines,
                tr("l'identifiant « %1 » figure déjà ligne %2").arg(article.uid).arg(it.value()) });
            continue;
        }
        seen.insert(article.uid, out.lines);
        out.articles.append(std::move(article));
    }
    return out;
}

} // namespace iris::kb
