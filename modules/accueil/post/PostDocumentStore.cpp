#include "modules/accueil/post/PostDocumentStore.h"

#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostDocumentSql.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/PostSettings.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

PostDocumentStore::PostDocumentStore(CoreServices& services)
    : m_services(services)
{
}

Result<PostDocument> PostDocumentStore::attach(
    qint64 letterId, PostDocumentKind kind, const PostAttachment& file)
{
    if (kind != PostDocumentKind::Scan && kind != PostDocumentKind::ReponseJointe)
        return Error(ErrorCode::InvalidArgument,
            tr("Seuls le courrier numérisé et une réponse au format PDF peuvent être joints."));
    PostService post(m_services);
    const Result<PostLetter> letter = post.get(letterId);
    if (!letter)
        return letter.error();
    const Result<PostSettings> config = post.settings();
    if (!config)
        return config.error();
    if (auto r = PostService::checkPdf(file, config->maxAttachmentBytes); !r)
        return r.error();
    const QDateTime now = m_now();
    const Dialect& d = m_services.database()->dialect();
    PostDocument doc;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<PostDocument> inserted
            = insertPostDocument(c, d, letterId, kind, file, now, m_services.session().agent().id);
        if (!inserted)
            return inserted.error();
        doc = *inserted;
        return m_services.audit().record(c, auditaction::Update, ids::PostEntity, letterId,
            { { u"document"_s, PostVocabulary::documentKindId(kind) }, { u"sha256"_s, doc.sha256 } });
    });
    if (!tx)
        return tx.error();
    return doc;
}

Result<PostDocument> PostDocumentStore::storeGenerated(
    qint64 letterId, PostDocumentKind kind, const PostAttachment& file)
{
    if (kind != PostDocumentKind::Accuse && kind != PostDocumentKind::Reponse)
        return Error(ErrorCode::InvalidArgument,
            tr("Seuls l'accusé de réception et la réponse sont produits par IRIS."));
    if (!file.content.startsWith("%PDF-"))
        return Error(ErrorCode::InvalidArgument, tr("Le document produit n'est pas un PDF."));
    const Result<PostLetter> letter = PostService(m_services).get(letterId);
    if (!letter)
        return letter.error();
    const QDateTime now = m_now();
    const Dialect& d = m_services.database()->dialect();
    PostDocument doc;
    Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<PostDocument> inserted
            = insertPostDocument(c, d, letterId, kind, file, now, m_services.session().agent().id);
        if (!inserted)
            return inserted.error();
        doc = *inserted;
        if (kind == PostDocumentKind::Accuse) {
            // The first acknowledgement dates it; a corrected one sent later does not.
            QSqlQuery q(c);
            q.prepare(u"UPDATE accueil_post_letters SET acknowledged_on = :on, version = version + 1 "
                      u"WHERE id = :id AND acknowledged_on IS NULL"_s);
            q.bindValue(u":on"_s, d.toDbDate(now.date()));
            q.bindValue(u":id"_s, letterId);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("enregistrement de l'accusé de réception"));
        }
        return m_services.audit().record(c, auditaction::Update, ids::PostEntity, letterId,
            { { u"document"_s, PostVocabulary::documentKindId(kind) }, { u"sha256"_s, doc.sha256 } });
    });
    if (!tx)
        return tx.error();
    return doc;
}

Result<QList<PostDocument>> PostDocumentStore::documents(qint64 letterId) const
{
    const Result<PostLetter> letter = PostService(m_services).find(letterId);
    if (!letter)
        return letter.error();
    const Dialect& d = m_services.database()->dialect();
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(c,
        u"SELECT id, kind, file_name, size, sha256, created_at, created_by FROM accueil_post_documents "
        u"WHERE letter_id = :l ORDER BY created_at, id"_s,
        tr("lecture des documents du courrier"));
    if (!q)
        return q.error();
    q->bindValue(u":l"_s, letterId);
    if (auto r = sql::exec(*q, tr("lecture des documents du courrier")); !r)
        return r.error();
    QList<PostDocument> docs;
    while (q->next()) {
        PostDocument doc;
        doc.id = q->value(0).toLongLong();
        doc.letterId = letterId;
        PostVocabulary::documentKindFromId(q->value(1).toString(), &doc.kind);
        doc.fileName = q->value(2).toString();
        doc.size = q->value(3).toLongLong();
        doc.sha256 = q->value(4).toString();
        doc.createdAt = d.fromDbDateTime(q->value(5));
        doc.createdBy = sql::id(q->value(6));
        docs << doc;
    }
    return docs;
}

Result<QByteArray> PostDocumentStore::content(qint64 documentId) const
{
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(c, u"SELECT letter_id, content FROM accueil_post_documents WHERE id = :id"_s,
        tr("lecture du document"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, documentId);
    if (auto r = sql::exec(*q, tr("lecture du document")); !r)
        return r.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, tr("Ce document n'existe plus."));
    const qint64 letterId = q->value(0).toLongLong();
    const QByteArray bytes = q->value(1).toByteArray();
    // get() checks the agent may see the letter and audits the reading of a citizen's letter.
    const Result<PostLetter> letter = PostService(m_services).get(letterId);
    if (!letter)
        return letter.error();
    return bytes;
}

} // namespace iris::accueil
