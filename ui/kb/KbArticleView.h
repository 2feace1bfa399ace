#pragma once

#include <QTextBrowser>

namespace iris::ui {

/// Read-only article viewer: loads no resource at all (no image, no stylesheet, no
/// remote content) and opens web links in the system browser only when clicked.
class KbArticleView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit KbArticleView(QWidget* parent = nullptr);

    QVariant loadResource(int type, const QUrl& name) override;

Q_SIGNALS:
    /// An http(s) link was clicked (the panel opens it outside the application).
    void externalLinkActivated(const QUrl& url);
};

} // namespace iris::ui
