#pragma once

#include "core/domain/Citizen.h"

#include <QAbstractTableModel>
#include <QList>

namespace iris::ui {

/// Thin table model over citizen search results: nom, prénoms, date de naissance,
/// téléphone ("01 41 23 80 00"), courriel, ville. Replaced wholesale on each search.
class CitizenSearchModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NomColumn, PrenomsColumn, BirthDateColumn, PhoneColumn, EmailColumn, CityColumn,
                  ColumnCount };
    enum Roles { CitizenIdRole = Qt::UserRole + 1, SortRole };

    explicit CitizenSearchModel(QObject* parent = nullptr);

    void setResults(const QList<CitizenSummary>& results);
    void clear();
    const QList<CitizenSummary>& results() const { return m_rows; }
    /// The summary at a row, or nullptr when out of range.
    const CitizenSummary* at(int row) const;
    qint64 citizenId(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CitizenSummary> m_rows;
};

} // namespace iris::ui
