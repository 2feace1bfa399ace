#pragma once

#include "core/modules/KnowledgeBaseAccess.h"

#include <QPointer>
#include <functional>
#include <memory>

namespace iris::kb {
class KbStore;
}

namespace iris::ui {

class KbPanel;

/// KnowledgeBaseAccess over the KB panel: what modules get in ModuleContext.
class KbPanelAccess final : public KnowledgeBaseAccess
{
public:
    /// `reveal` shows the panel's container (the shell's dock).
    KbPanelAccess(KbPanel* panel, QString kbPath, std::function<void()> reveal);
    ~KbPanelAccess() override;

    void showPanel(const QString& query = {}) override;
    std::optional<KbArticleRef> currentArticle() const override;
    QString articleText(const QString& articleId) const override;
    QString articleLink(const QString& articleId) const override;
    void setReplyTarget(QObject* owner, std::function<void(const QString& text)> insert) override;

private:
    iris::kb::KbStore* store() const;
    QPointer<KbPanel> m_panel;
    QString m_path;
    std::function<void()> m_reveal;
    mutable std::unique_ptr<iris::kb::KbStore> m_store;
    std::shared_ptr<quint64> m_generation = std::make_shared<quint64>(0);
};

} // namespace iris::ui
