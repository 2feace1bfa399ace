#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace iris {

/// An article of the knowledge base, as a module sees it.
struct KbArticleRef
{
    QString id; ///< stable article id
    QString title;
    QString url; ///< source page, may be empty
};

/// The knowledge base as modules see it (ModuleContext::knowledgeBase, null when the
/// shell has no knowledge base): open the panel on a query, take an article's text or
/// link, and offer a reply editor as the target of the panel's "Insérer dans la
/// réponse". Calls are made on the GUI thread.
class KnowledgeBaseAccess
{
public:
    virtual ~KnowledgeBaseAccess() = default;

    /// Shows the knowledge-base panel and, when `query` is not empty, searches it.
    virtual void showPanel(const QString& query = {}) = 0;
    /// The article open in the panel, if any.
    virtual std::optional<KbArticleRef> currentArticle() const = 0;
    /// Plain-text answer of an article (title, summary, body, source); empty if unknown.
    virtual QString articleText(const QString& articleId) const = 0;
    /// Link to the article's source page; empty when it has none or is unknown.
    virtual QString articleLink(const QString& articleId) const = 0;
    /// Makes `insert` the target of "Insérer dans la réponse" until `owner` is
    /// destroyed or another target is set (e.g. a reply editor gaining focus).
    virtual void setReplyTarget(QObject* owner, std::function<void(const QString& text)> insert) = 0;
};

} // namespace iris
