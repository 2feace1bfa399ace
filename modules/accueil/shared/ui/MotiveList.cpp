#include "modules/accueil/shared/ui/MotiveList.h"

#include "core/base/TextFold.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

MotiveList::MotiveList(const QString& objectPrefix, QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QString(objectPrefix + u"Motives"_s));
    m_filter->setObjectName(QString(objectPrefix + u"MotiveFilter"_s));
    m_list->setObjectName(QString(objectPrefix + u"MotiveList"_s));
    m_filter->setPlaceholderText(tr("Motif : tapez quelques lettres, ou 1–9 pour un motif fréquent"));
    m_filter->setClearButtonEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_filter);
    m_filter->installEventFilter(this);
    m_list->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, &MotiveList::refill);
    connect(m_list, &QListWidget::itemActivated, this, &MotiveList::chooseCurrent);
}

void MotiveList::setCatalog(const MotiveCatalog& catalog, const QList<qint64>& preferred)
{
    m_catalog = catalog;
    m_preferred.clear();
    for (qint64 id : preferred) {
        if (m_catalog.find(id) && m_preferred.size() < 9)
            m_preferred << id;
    }
    m_folded.clear();
    for (const MotiveCatalog::Entry& e : m_catalog.entries())
        m_folded.insert(e.theme.id, TextFold::fold(e.path));
    refill();
}

void MotiveList::refill()
{
    m_list->clear();
    const QStringList words = TextFold::tokens(m_filter->text());
    const auto add = [this](qint64 id, const QString& text) {
        auto* item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, id);
    };
    if (words.isEmpty()) {
        for (qsizetype i = 0; i < m_preferred.size(); ++i)
            add(m_preferred.at(i), u"%1. %2"_s.arg(i + 1).arg(m_catalog.path(m_preferred.at(i))));
    }
    for (const MotiveCatalog::Entry& e : m_catalog.entries()) {
        if (words.isEmpty() && m_preferred.contains(e.theme.id))
            continue;
        const QString& folded = m_folded[e.theme.id];
        bool all = true;
        for (const QString& w : words)
            all = all && folded.contains(w);
        if (all)
            add(e.theme.id, e.path);
    }
    // Nothing looks chosen until the agent moves in the list: Entrée in the filter still
    // takes the first row (chooseCurrent), but a highlighted row that is not the motive
    // would contradict "Choisissez le motif du contact".
    m_list->setCurrentRow(-1);
}

qint64 MotiveList::currentMotiveId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}


void MotiveList::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void MotiveList::clearFilter()
{
    m_filter->clear();
}

void MotiveList::chooseCurrent()
{
    const qint64 id = currentMotiveId();
    if (id > 0)
        Q_EMIT motiveChosen(id);
}

bool MotiveList::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_filter) {
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = qBound(0, m_list->currentRow() + (key->key() == Qt::Key_Down ? 1 : -1),
                                   qMax(0, m_list->count() - 1));
            m_list->setCurrentRow(row);
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // Typed then Entrée: the row the agent moved to, or else the first match,
            // which now shows as chosen.
            if (m_list->currentRow() < 0 && !m_filter->text().trimmed().isEmpty() && m_list->count() > 0)
                m_list->setCurrentRow(0);
            chooseCurrent();
            return true;
        }
        // Digits pick a frequent motive while nothing is typed.
        if (m_filter->text().isEmpty() && key->key() >= Qt::Key_1 && key->key() <= Qt::Key_9
            && key->modifiers() == Qt::NoModifier) {
            const int index = key->key() - Qt::Key_1;
            if (index < m_preferred.size()) {
                m_list->setCurrentRow(index);
                chooseCurrent();
                return true;
            }
        }
    } else if (watched == m_list && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        chooseCurrent();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace iris::accueil
