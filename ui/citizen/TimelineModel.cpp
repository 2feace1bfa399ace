#include "ui/citizen/TimelineModel.h"

#include <QFont>

#include <algorithm>

namespace iris::ui {

static bool newerFirst(const TimelineEntry& a, const TimelineEntry& b)
{
    return a.when > b.when;
}

TimelineModel::TimelineModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TimelineModel::setEntries(QList<TimelineEntry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), newerFirst);
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void TimelineModel::addEntry(const TimelineEntry& entry)
{
    const auto pos = std::upper_bound(m_entries.cbegin(), m_entries.cend(), entry, newerFirst);
    const int row = int(pos - m_entries.cbegin());
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
}

void TimelineModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

const TimelineEntry* TimelineModel::at(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry& e = m_entries.at(index.row());
    switch (role) {
    case EntryRole:
        return QVariant::fromValue(e);
    case WhenRole:
        return e.when;
    case Qt::FontRole:
        if (e.highlighted) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case WhenColumn:
            if (!e.when.isValid())
                return QString();
            // Midnight means "date only" (dossier due dates, birth events…).
            return e.when.time() == QTime(0, 0)
                ? e.when.toString(QStringLiteral("dd/MM/yyyy"))
                : e.when.toString(QStringLiteral("dd/MM/yyyy HH:mm"));
        case CategoryColumn:
            return e.category;
        case TitleColumn:
            return e.title;
        case DetailColumn:
            return e.detail;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("Date");
    case CategoryColumn:
        return tr("Nature");
    case TitleColumn:
        return tr("Objet");
    case DetailColumn:
        return tr("Détail");
    default:
        return {};
    }
}

} // namespace iris::ui
