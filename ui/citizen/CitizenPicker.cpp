#include "ui/citizen/CitizenPicker.h"

#include "ui/citizen/CitizenSearchModel.h"
#include "ui/widgets/DebouncedLineEdit.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace iris::ui {

CitizenPicker::CitizenPicker(QWidget* parent)
    : QWidget(parent)
    , m_field(new DebouncedLineEdit(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_model(new CitizenSearchModel(this))
    , m_runner(new CitizenSearchRunner(this))
{
    m_field->setObjectName(QStringLiteral("citizenSearchField"));
    m_field->setPlaceholderText(tr("Nom, prénom, téléphone, courriel ou référence de dossier"));
    m_field->installEventFilter(this);

    m_view->setObjectName(QStringLiteral("citizenResults"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    // One line per citizen: a value too long for its column is elided, whole in the tooltip.
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Dense rows: an agent scans many lines at once.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);  // its width decides the columns'

    m_status->setObjectName(QStringLiteral("citizenSearchStatus"));
    m_status->setText(tr("Tapez un nom, un téléphone ou un courriel."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_field);

    connect(m_field, &DebouncedLineEdit::queryChanged, this, &CitizenPicker::runQuery);
    connect(m_runner, &CitizenSearchRunner::resultsReady, this, &CitizenPicker::showResults);
    connect(m_runner, &CitizenSearchRunner::failed, this, &CitizenPicker::showFailure);
    connect(m_runner, &CitizenSearchRunner::started, this,
            [this] { m_status->setText(tr("Recherche…")); });
    connect(m_view, &QTableView::activated, this, [this] { activateCurrent(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                Q_EMIT currentCitizenChanged(m_model->citizenId(current.row()));
            });
}

CitizenPicker::~CitizenPicker() = default;

void CitizenPicker::setSearchFunction(CitizenSearchRunner::SearchFunction function)
{
    m_runner->setSearchFunction(std::move(function));
}

void CitizenPicker::setPlaceholderText(const QString& text)
{
    m_field->setPlaceholderText(text);
}

void CitizenPicker::setLimit(int limit)
{
    m_runner->setLimit(limit);
}

void CitizenPicker::setDebounce(int ms)
{
    m_field->setDelay(ms);
}

QString CitizenPicker::query() const
{
    return m_field->text();
}

void CitizenPicker::setQuery(const QString& text)
{
    {
        const QSignalBlocker noDebounce(m_field);  // searched right below, not again later
        m_field->setText(text);
    }
    runQuery(text);
}

void CitizenPicker::refresh()
{
    runQuery(m_field->text());
}

qint64 CitizenPicker::currentCitizenId() const
{
    return m_model->citizenId(m_view->currentIndex().row());
}

const CitizenSummary* CitizenPicker::currentCitizen() const
{
    return m_model->at(m_view->currentIndex().row());
}

void CitizenPicker::focusSearch()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void CitizenPicker::runQuery(const QString& text)
{
    const QString query = text.trimmed();
    if (query.size() < m_minLength) {
        m_runner->cancel();
        m_model->clear();
        m_status->setText(query.isEmpty() ? tr("Tapez un nom, un téléphone ou un courriel.")
                                          : tr("Tapez au moins %1 caractères.").arg(m_minLength));
        return;
    }
    m_runner->search(query);
}

void CitizenPicker::showResults(const QString& query, const QList<CitizenSummary>& results)
{
    Q_UNUSED(query);
    QList<CitizenSummary> rows;
    rows.reserve(results.size());
    for (const CitizenSummary& c : results) {
        if (!m_excluded.contains(c.id))
            rows.append(c);
    }
    m_model->setResults(rows);
    if (rows.isEmpty())
        m_status->setText(tr("Aucun usager trouvé."));
    else if (rows.size() >= m_runner->limit())
        m_status->setText(tr("Les %1 premiers résultats ; précisez la recherche.").arg(rows.size()));
    else
        m_status->setText(rows.size() > 1 ? tr("%1 usagers trouvés.").arg(rows.size()) : tr("Un usager trouvé."));
    if (!rows.isEmpty())
        m_view->setCurrentIndex(m_model->index(0, 0));
    fitColumns();
    Q_EMIT resultsShown(int(rows.size()));
}

void CitizenPicker::showFailure(const QString& query, const Error& error)
{
    Q_UNUSED(query);
    m_model->clear();
    m_status->setText(tr("La recherche a échoué : %1").arg(error.message()));
}

void CitizenPicker::activateCurrent()
{
    const qint64 id = currentCitizenId();
    if (id > 0)
        Q_EMIT citizenActivated(id);
}

void CitizenPicker::fitColumns()
{
    QHeaderView* header = m_view->horizontalHeader();
    const int columns = m_model->columnCount();
    QList<int> widths(columns);
    QList<int> floors(columns);
    int total = 0;
    int slack = 0;
    for (int c = 0; c < columns; ++c) {
        const int title = header->sectionSizeHint(c);
        const int content
            = m_model->rowCount() > 0 ? static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(c) : 0;
        widths[c] = qMax(title, content);
        const bool fixedFormat = c == CitizenSearchModel::BirthDateColumn || c == CitizenSearchModel::PhoneColumn;
        floors[c] = fixedFormat ? widths[c] : title;
        total += widths[c];
        slack += widths[c] - floors[c];
    }
    const int excess = total - m_view->viewport()->width();
    if (excess > 0 && slack > 0) {
        // Each elastic column gives up room in proportion to what it has above its header.
        for (int c = 0; c < columns; ++c) {
            const int room = widths[c] - floors[c];
            widths[c] -= qMin(room, int((qint64(excess) * room + slack - 1) / slack));
        }
    }
    for (int c = 0; c < columns; ++c)
        header->resizeSection(c, widths[c]);
}

bool CitizenPicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);

    if (watched == m_field) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_model->rowCount() > 0) {
                m_view->setFocus(Qt::TabFocusReason);
                if (!m_view->currentIndex().isValid())
                    m_view->setCurrentIndex(m_model->index(0, 0));
                return true;
            }
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // Enter in the field opens the highlighted match (the first one after a search).
            if (m_model->rowCount() > 0) {
                activateCurrent();
                return true;
            }
            break;
        default:
            break;
        }
        return false;
    }

    if (watched == m_view) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activateCurrent();
            return true;
        case Qt::Key_Up:
            if (m_view->currentIndex().row() <= 0) {
                m_field->setFocus(Qt::TabFocusReason);
                return true;
            }
            break;
        case Qt::Key_Backspace:
            m_field->setFocus(Qt::TabFocusReason);
            m_field->backspace();
            return true;
        default:
            // Typing while in the table refines the query instead of jumping rows.
            if (!key->text().isEmpty() && key->text().at(0).isPrint()
                && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
                m_field->setFocus(Qt::TabFocusReason);
                m_field->insert(key->text());
                return true;
            }
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace iris::ui
