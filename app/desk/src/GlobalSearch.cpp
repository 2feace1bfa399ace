#include "app/desk/src/GlobalSearch.h"

#include "app/desk/src/ShellController.h"
#include "ui/widgets/DebouncedLineEdit.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace iris::shell {

namespace {
constexpr int KindRole = Qt::UserRole;
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

GlobalSearch::GlobalSearch(
    GlobalSearchEngine* engine, ShellController& shell, QWidget* overlayHost, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_shell(shell)
    , m_host(overlayHost)
{
    setObjectName(u"globalSearch"_s);
    m_field = new ui::DebouncedLineEdit(this, 150);
    m_field->setObjectName(u"globalSearchField"_s);
    m_field->setPlaceholderText(tr("Rechercher un usager, un dossier… (Ctrl+K)"));
    m_field->setAccessibleName(tr("Recherche globale"));
    m_field->setMinimumWidth(320);
    m_field->installEventFilter(this);
    m_field->setEnabled(engine->providerCount() > 0);
    if (engine->providerCount() == 0)
        m_field->setPlaceholderText(tr("Aucune recherche disponible pour votre rôle"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);

    m_results = new QTreeWidget(m_host);
    m_results->setObjectName(u"globalSearchResults"_s);
    m_results->setAccessibleName(tr("Résultats de la recherche globale"));
    m_results->setColumnCount(2);
    m_results->header()->hide();
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(false);
    m_results->setRootIsDecorated(false);
    m_results->setFocusPolicy(Qt::NoFocus); // typing stays in the field
    m_results->setFrameShape(QFrame::StyledPanel);
    m_results->hide();

    connect(m_field, &ui::DebouncedLineEdit::queryChanged, this, [this](const QString& text) {
        if (text.trimmed().isEmpty())
            hideResults();
        m_engine->search(text);
    });
    connect(m_engine, &GlobalSearchEngine::resultsReady, this, &GlobalSearch::showResults);
    connect(m_results, &QTreeWidget::itemActivated, this, &GlobalSearch::openItem);
    connect(m_results, &QTreeWidget::itemClicked, this, &GlobalSearch::openItem);
}

void GlobalSearch::activate()
{
    if (!m_field->isEnabled())
        return;
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void GlobalSearch::showResults(const QString& text, const QList<SearchGroup>& groups)
{
    // A result for text the agent has since changed is of no use.
    if (text != m_field->text().trimmed())
        return;
    m_results->clear();
    m_shownText = text;
    if (groups.isEmpty()) {
        auto* none = new QTreeWidgetItem(m_results, { tr("Aucun résultat pour « %1 »").arg(text) });
        none->setFlags(Qt::ItemIsEnabled);
    }
    for (const SearchGroup& group : groups) {
        auto* heading = new QTreeWidgetItem(m_results, { group.title });
        heading->setFlags(Qt::ItemIsEnabled);
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setData(0, KindRole, QString());
        for (const SearchHit& hit : group.hits) {
            auto* item = new QTreeWidgetItem(heading, { hit.title, hit.subtitle });
            item->setData(0, KindRole, hit.kind);
            item->setData(0, IdRole, hit.id);
            item->setToolTip(
                0, hit.subtitle.isEmpty() ? hit.title : QString(hit.title + u" — "_s + hit.subtitle));
        }
    }
    m_results->expandAll();
    const QList<QTreeWidgetItem*> hits = hitItems();
    if (!hits.isEmpty())
        m_results->setCurrentItem(hits.constFirst());
    placeResults();
    m_results->show();
    m_results->raise();
    if (m_openWhenReady) {
        m_openWhenReady = false;
        openCurrent();
    }
}

void GlobalSearch::placeResults()
{
    const QPoint topLeft = m_field->mapTo(m_host, QPoint(0, m_field->height()));
    const int width = qMax(m_field->width(), 460);
    int rows = 0;
    for (QTreeWidgetItemIterator it(m_results); *it; ++it)
        ++rows;
    const int rowHeight = qMax(m_results->sizeHintForRow(0), m_field->fontMetrics().height() + 6);
    const int height = qMin(rows * rowHeight + 2 * m_results->frameWidth() + 4, 420);
    m_results->setGeometry(qMin(topLeft.x(), qMax(0, m_host->width() - width)), topLeft.y(), width, height);
}

void GlobalSearch::hideResults()
{
    m_openWhenReady = false;
    m_shownText.clear();
    m_results->hide();
    m_results->clear();
}

QList<QTreeWidgetItem*> GlobalSearch::hitItems() const
{
    QList<QTreeWidgetItem*> items;
    for (QTreeWidgetItemIterator it(m_results); *it; ++it) {
        if (!(*it)->data(0, KindRole).toString().isEmpty())
            items << *it;
    }
    return items;
}

void GlobalSearch::moveCurrent(int step)
{
    const QList<QTreeWidgetItem*> hits = hitItems();
    if (hits.isEmpty())
        return;
    const qsizetype index = hits.indexOf(m_results->currentItem());
    const qsizetype next = qBound<qsizetype>(0, index < 0 ? 0 : index + step, hits.size() - 1);
    m_results->setCurrentItem(hits.at(next));
    m_results->scrollToItem(hits.at(next));
}

void GlobalSearch::openCurrent()
{
    QTreeWidgetItem* item = m_results->currentItem();
    if (!item || item->data(0, KindRole).toString().isEmpty()) {
        const QList<QTreeWidgetItem*> hits = hitItems();
        item = hits.isEmpty() ? nullptr : hits.constFirst();
    }
    if (item)
        openItem(item);
}

void GlobalSearch::openItem(QTreeWidgetItem* item)
{
    const QString kind = item ? item->data(0, KindRole).toString() : QString();
    if (kind.isEmpty())
        return;
    const qint64 id = item->data(0, IdRole).toLongLong();
    hideResults();
    m_field->clear();
    m_shell.openRecord(kind, id);
}

bool GlobalSearch::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field) {
        if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            switch (key->key()) {
            case Qt::Key_Down:
                moveCurrent(+1);
                return true;
            case Qt::Key_Up:
                moveCurrent(-1);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                if (m_results->isVisible() && m_shownText == m_field->text().trimmed())
                    openCurrent();
                else if (!m_field->text().trimmed().isEmpty())
                    m_openWhenReady = true; // results are on their way
                return true;
            case Qt::Key_Escape:
                if (m_results->isVisible() || !m_field->text().isEmpty()) {
                    hideResults();
                    m_field->clear();
                    return true;
                }
                break;
            default:
                break;
            }
        } else if (event->type() == QEvent::FocusOut) {
            // Leave the list up while the agent clicks into it; anything else closes it.
            const auto* focus = static_cast<QFocusEvent*>(event);
            if (focus->reason() != Qt::PopupFocusReason && !m_results->underMouse())
                m_results->hide();
        } else if (event->type() == QEvent::FocusIn && m_results->topLevelItemCount() > 0) {
            placeResults();
            m_results->show();
            m_results->raise();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace iris::shell
