#include "ui/kb/KbArticleView.h"

namespace iris::ui {

KbArticleView::KbArticleView(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            Q_EMIT externalLinkActivated(url);
    });
}

QVariant KbArticleView::loadResource(int type, const QUrl& name)
{
    Q_UNUSED(type);
    Q_UNUSED(name);
    return {}; // articles are text: nothing is ever fetched
}

} // namespace iris::ui
