#pragma once

#include "core/base/Result.h"
#include "modules/accueil/post/PostLetter.h"

#include <QSqlDatabase>

namespace iris {
class Dialect;
}

namespace iris::accueil {

struct PostAttachment;

/// Inserts a document row (size and SHA-256 computed here) on the caller's transaction;
/// shared by the register (scan at registration, reply letter) and PostDocumentStore.
Result<PostDocument> insertPostDocument(QSqlDatabase& c, const Dialect& d, qint64 letterId,
    PostDocumentKind kind, const PostAttachment& file, const QDateTime& now, qint64 agentId);

} // namespace iris::accueil
