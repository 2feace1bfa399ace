#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/post/PostLetter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

struct PostAttachment;

/// The documents kept with a register entry: the scan of the incoming letter, the
/// generated acknowledgement and reply letters, an outgoing letter made elsewhere. Same
/// permissions as PostService (the letter must be the agent's, the service's, or the
/// session supervises); opening a document of a citizen's letter is audited.
class PostDocumentStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostDocumentStore)
public:
    explicit PostDocumentStore(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Attaches a PDF (scan or outgoing letter): "%PDF-" magic and size limit checked.
    Result<PostDocument> attach(qint64 letterId, PostDocumentKind kind, const PostAttachment& file);
    /// Stores a letter generated from a template (acknowledgement or reply); storing an
    /// acknowledgement records the letter as acknowledged today.
    Result<PostDocument> storeGenerated(qint64 letterId, PostDocumentKind kind, const PostAttachment& file);
    /// Documents of a letter, oldest first (without their bytes; not audited).
    Result<QList<PostDocument>> documents(qint64 letterId) const;
    /// The bytes of one document.
    Result<QByteArray> content(qint64 documentId) const;

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
