#pragma once

#include "core/modules/Registries.h"

#include <QHash>
#include <QStackedWidget>

namespace iris::shell {

/// The central area: one widget per page, created by its module on first display
/// (so start-up does not pay for pages the agent never opens).
class PageStack final : public QStackedWidget
{
    Q_OBJECT
public:
    explicit PageStack(QWidget* parent = nullptr);

    void setPages(const QList<PageSpec>& pages);
    /// Creates the page if needed and shows it; false for an unknown or forbidden id.
    bool showPage(const QString& pageId);
    QString currentPageId() const { return m_currentId; }
    /// The page's widget if it was already created.
    QWidget* pageWidget(const QString& pageId) const { return m_widgets.value(pageId); }
    /// Creates every page not created yet, without showing it (the F1 list reads the
    /// shortcuts each page binds).
    void createAll();
    const QList<PageSpec>& pages() const { return m_pages; }

Q_SIGNALS:
    void currentPageChanged(const QString& pageId, const QString& title);

private:
    QWidget* widgetFor(const PageSpec& spec);

    QList<PageSpec> m_pages;
    QHash<QString, QWidget*> m_widgets;
    QString m_currentId;
    QWidget* m_placeholder = nullptr;
};

} // namespace iris::shell
