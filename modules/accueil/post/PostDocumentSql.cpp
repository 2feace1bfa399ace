#include "modules/accueil/post/PostDocumentSql.h"

#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostService.h"

#include <QCryptographicHash>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace iris::accueil {

Result<PostDocument> insertPostDocument(QSqlDatabase& c, const Dialect& d, qint64 letterId,
    PostDocumentKind kind, const PostAttachment& file, const QDateTime& now, qint64 agentId)
{
    const QString context
        = QCoreApplication::translate("iris::accueil::PostService", "enregistrement du document");
    PostDocument doc;
    doc.letterId = letterId;
    doc.kind = kind;
    doc.fileName = QFileInfo(file.fileName).fileName();
    if (doc.fileName.isEmpty())
        doc.fileName = PostVocabulary::documentKindId(kind) + u".pdf"_s;
    doc.size = file.content.size();
    doc.sha256
        = QString::fromLatin1(QCryptographicHash::hash(file.content, QCryptographicHash::Sha256).toHex());
    doc.createdAt = now;
    doc.createdBy = agentId;
    auto q = sql::prepare(c,
        d.insertReturningId(u"accueil_post_documents"_s,
            { u"letter_id"_s, u"kind"_s, u"file_name"_s, u"size"_s, u"sha256"_s, u"content"_s,
                u"created_at"_s, u"created_by"_s }),
        context);
    if (!q)
        return q.error();
    q->bindValue(u":letter_id"_s, letterId);
    q->bindValue(u":kind"_s, PostVocabulary::documentKindId(kind));
    q->bindValue(u":file_name"_s, doc.fileName);
    q->bindValue(u":size"_s, doc.size);
    q->bindValue(u":sha256"_s, doc.sha256);
    q->bindValue(u":content"_s, file.content);
    q->bindValue(u":created_at"_s, d.toDbDateTime(now));
    q->bindValue(u":created_by"_s, sql::nullableId(agentId));
    if (auto r = sql::exec(*q, context); !r)
        return r.error();
    doc.id = d.insertedId(*q);
    return doc;
}

} // namespace iris::accueil
