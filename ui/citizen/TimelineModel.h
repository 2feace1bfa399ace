#pragma once

#include "ui/citizen/TimelineEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace iris::ui {

/// Thin model over timeline entries, newest first: date, nature, objet, détail.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, CategoryColumn, TitleColumn, DetailColumn, ColumnCount };
    enum Roles { EntryRole = Qt::UserRole + 1, WhenRole };

    explicit TimelineModel(QObject* parent = nullptr);

    /// Replaces the entries (sorted newest first; stable for equal dates).
    void setEntries(QList<TimelineEntry> entries);
    /// Inserts one entry at its place in time.
    void addEntry(const TimelineEntry& entry);
    void clear();
    const QList<TimelineEntry>& entries() const { return m_entries; }
    const TimelineEntry* at(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<TimelineEntry> m_entries;
};

} // namespace iris::ui
