#include "app/desk/src/NavigationBar.h"

#include <QIcon>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace iris::shell {

NavigationBar::NavigationBar(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(u"navigationBar"_s);
    setAccessibleName(tr("Navigation"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setIconSize(QSize(24, 24));
    setMinimumWidth(180);
    setMaximumWidth(260);
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* current) {
        if (current)
            Q_EMIT pageActivated(current->data(Qt::UserRole).toString());
    });
}

void NavigationBar::setPages(const QList<PageSpec>& pages, const QStringList& shortcuts)
{
    const QSignalBlocker blocker(this);
    clear();
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const PageSpec& page = pages.at(i);
        auto* item = new QListWidgetItem(page.title, this);
        item->setData(Qt::UserRole, page.id);
        if (!page.iconName.isEmpty())
            item->setIcon(QIcon(u":/iris/icons/"_s + page.iconName + u".svg"_s));
        const QString shortcut = shortcuts.value(i);
        item->setToolTip(shortcut.isEmpty() ? page.title : tr("%1 (%2)").arg(page.title, shortcut));
    }
}

QStringList NavigationBar::pageIds() const
{
    QStringList ids;
    for (int i = 0; i < count(); ++i)
        ids << item(i)->data(Qt::UserRole).toString();
    return ids;
}

void NavigationBar::selectPage(const QString& pageId)
{
    const QSignalBlocker blocker(this);
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(Qt::UserRole).toString() == pageId) {
            setCurrentRow(i);
            return;
        }
    }
}

} // namespace iris::shell
