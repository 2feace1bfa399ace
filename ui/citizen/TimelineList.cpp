#include "ui/citizen/TimelineList.h"

#include "ui/citizen/TimelineModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

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
    m_view->viewport()->installEventFilter(this);  // its width decides the columns

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
    fitColumns();
    updatePlaceholder();
}

void TimelineList::fitColumns()
{
    QHeaderView* header = m_view->header();
    for (int c = 0; c < TimelineModel::DetailColumn; ++c)
        m_view->resizeColumnToContents(c);  // content or header text, whichever is wider
    const int title = TimelineModel::TitleColumn;
    // The stretched detail column never gets narrower than the header's default size.
    const int detailRoom = std::max({header->sectionSizeHint(TimelineModel::DetailColumn), header->defaultSectionSize(),
                                 m_view->fontMetrics().averageCharWidth() * 16});
    const int room = m_view->viewport()->width() - header->sectionSize(TimelineModel::WhenColumn)
        - header->sectionSize(TimelineModel::CategoryColumn) - detailRoom;
    if (header->sectionSize(title) > room)
        header->resizeSection(title, qMax(header->sectionSizeHint(title), room));
}

bool TimelineList::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize && m_model->rowCount() > 0)
        fitColumns();
    return QWidget::eventFilter(watched, event);
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
