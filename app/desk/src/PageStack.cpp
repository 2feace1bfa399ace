#include "app/desk/src/PageStack.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace iris::shell {

PageStack::PageStack(QWidget* parent)
    : QStackedWidget(parent)
{
    setObjectName(u"pageStack"_s);
    auto* placeholder = new QLabel(tr("Aucune page n'est disponible pour votre rôle."), this);
    placeholder->setObjectName(u"noPagePlaceholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    m_placeholder = placeholder;
    addWidget(m_placeholder);
}

void PageStack::setPages(const QList<PageSpec>& pages)
{
    m_pages = pages;
}

bool PageStack::showPage(const QString& pageId)
{
    const PageSpec* spec = nullptr;
    for (const PageSpec& page : m_pages) {
        if (page.id == pageId)
            spec = &page;
    }
    if (!spec)
        return false;

    QWidget* widget = widgetFor(*spec);
    setCurrentWidget(widget);
    if (m_currentId != pageId) {
        m_currentId = pageId;
        Q_EMIT currentPageChanged(pageId, spec->title);
    }
    return true;
}

QWidget* PageStack::widgetFor(const PageSpec& spec)
{
    QWidget* widget = m_widgets.value(spec.id);
    if (widget)
        return widget;
    widget = spec.create ? spec.create(this) : nullptr;
    if (!widget) {
        auto* failed = new QLabel(tr("La page « %1 » n'a pas pu être ouverte.").arg(spec.title), this);
        failed->setAlignment(Qt::AlignCenter);
        widget = failed;
    }
    if (widget->objectName().isEmpty())
        widget->setObjectName(u"page:"_s + spec.id);
    widget->setProperty("irisPageId", spec.id);
    addWidget(widget);
    m_widgets.insert(spec.id, widget);
    return widget;
}

void PageStack::createAll()
{
    QWidget* current = currentWidget();
    for (const PageSpec& spec : std::as_const(m_pages))
        widgetFor(spec);
    setCurrentWidget(current);
}

} // namespace iris::shell
