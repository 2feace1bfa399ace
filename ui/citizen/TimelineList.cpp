#include "ui/citizen/TimelineList.h"

#include "ui/citizen/TimelineModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace iris::ui {

TimelineList::TimelineList(QWidget* parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_view(new QTreeView(this))
    , m_placeholder(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholderText(tr("Rien à afficher."))
{
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);

    m_placeholder->setObjectName(QStringLiteral("timelinePlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_placeholder);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const TimelineEntry* entry = m_model->at(index.row());
        if (entry && !entry->kind.isEmpty())
            Q_EMIT entryActivated(*entry);
    });
    updatePlaceholder();
}

void TimelineList::setEntries(QList<TimelineEntry> entries)
{
    m_model->setEntries(std::move(entries));
    for (int c = 0; c < TimelineModel::DetailColumn; ++c)
        m_view->resizeColumnToContents(c);
    updatePlaceholder();
}

void TimelineList::setPlaceholderText(const QString& text)
{
    m_placeholderText = text;
    updatePlaceholder();
}

void TimelineList::showMessage(const QString& text)
{
    m_model->clear();
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

int TimelineList::count() const
{
    return m_model->rowCount();
}

void TimelineList::updatePlaceholder()
{
    m_placeholder->setText(m_placeholderText);
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget*>(m_view) : m_placeholder);
}

} // namespace iris::ui
