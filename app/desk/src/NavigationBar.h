#pragma once

#include "core/modules/Registries.h"

#include <QListWidget>

namespace iris::shell {

/// The list of module pages on the left ("navigationBar"); one item per page the
/// agent may use, carrying the page id in Qt::UserRole.
class NavigationBar final : public QListWidget
{
    Q_OBJECT
public:
    explicit NavigationBar(QWidget* parent = nullptr);

    /// `shortcuts[i]` is shown next to page i's title (may be empty).
    void setPages(const QList<PageSpec>& pages, const QStringList& shortcuts);
    QStringList pageIds() const;
    /// Selects the page's item without emitting pageActivated().
    void selectPage(const QString& pageId);

Q_SIGNALS:
    void pageActivated(const QString& pageId);
};

} // namespace iris::shell
