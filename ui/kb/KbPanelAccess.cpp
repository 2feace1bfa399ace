#include "ui/kb/KbPanelAccess.h"

#include "knowledgebase/KbStore.h"
#include "ui/kb/KbArticleHtml.h"
#include "ui/kb/KbPanel.h"

namespace iris::ui {

using namespace iris::kb;

KbPanelAccess::KbPanelAccess(KbPanel* panel, QString kbPath, std::function<void()> reveal)
    : m_panel(panel)
    , m_path(std::move(kbPath))
    , m_reveal(std::move(reveal))
{
}

KbPanelAccess::~KbPanelAccess() = default;

KbStore* KbPanelAccess::store() const
{
    if (!m_store) {
        auto opened = KbStore::open(m_path, KbConnection::Mode::ReadOnly);
        if (!opened)
            return nullptr;
        m_store = std::move(opened.value());
    }
    return m_store.get();
}

void KbPanelAccess::showPanel(const QString& query)
{
    if (m_reveal)
        m_reveal();
    if (!m_panel)
        return;
    if (!query.isEmpty())
        m_panel->search(query);
    m_panel->focusSearch();
}

std::optional<KbArticleRef> KbPanelAccess::currentArticle() const
{
    if (!m_panel)
        return std::nullopt;
    const auto article = m_panel->currentArticle();
    if (!article)
        return std::nullopt;
    return KbArticleRef { article->uid, article->title, article->url };
}

QString KbPanelAccess::articleText(const QString& articleId) const
{
    KbStore* s = store();
    if (!s)
        return {};
    auto article = s->article(articleId);
    return article ? KbArticleHtml::plainAnswer(*article) : QString();
}

QString KbPanelAccess::articleLink(const QString& articleId) const
{
    KbStore* s = store();
    if (!s)
        return {};
    auto article = s->article(articleId);
    return article ? article->url : QString();
}

void KbPanelAccess::setReplyTarget(QObject* owner, std::function<void(const QString& text)> insert)
{
    if (!m_panel)
        return;
    const quint64 generation = ++*m_generation;
    if (!owner || !insert) {
        m_panel->setInsertHandler({});
        return;
    }
    QPointer<QObject> guard(owner);
    m_panel->setInsertHandler([guard, insert = std::move(insert)](const QString& text) {
        if (guard)
            insert(text);
    });
    // When the editor goes away, the button goes with it — unless another editor
    // took its place in the meantime.
    QObject::connect(owner, &QObject::destroyed, m_panel,
        [panel = m_panel, current = std::weak_ptr<quint64>(m_generation), generation] {
            const auto latest = current.lock();
            if (panel && latest && *latest == generation)
                panel->setInsertHandler({});
        });
}

} // namespace iris::ui
