#include "ui/citizen/CitizenSearchModel.h"

#include "ui/citizen/CitizenFormat.h"

namespace iris::ui {

CitizenSearchModel::CitizenSearchModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CitizenSearchModel::setResults(const QList<CitizenSummary>& results)
{
    beginResetModel();
    m_rows = results;
    endResetModel();
}

void CitizenSearchModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const CitizenSummary* CitizenSearchModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

qint64 CitizenSearchModel::citizenId(int row) const
{
    const CitizenSummary* c = at(row);
    return c ? c->id : 0;
}

int CitizenSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CitizenSearchModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CitizenSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CitizenSummary& c = m_rows.at(index.row());
    if (role == CitizenIdRole)
        return c.id;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (index.column()) {
        case NomColumn:
            return citizenformat::familyName(c.civilite, c.nomUsage, c.nomNaissance);
        case PrenomsColumn:
            return c.prenoms;
        case BirthDateColumn:
            if (role == SortRole)
                return c.birthDate;
            return citizenformat::date(c.birthDate);
        case PhoneColumn:
            return citizenformat::phone(c.phone);
        case EmailColumn:
            return c.email;
        case CityColumn:
            if (role == Qt::ToolTipRole)
                return QString(c.postcode + QLatin1Char(' ') + c.city).trimmed();
            return c.city;
        default:
            return {};
        }
    }
    return {};
}

QVariant CitizenSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NomColumn:
        return tr("Nom");
    case PrenomsColumn:
        return tr("Prénoms");
    case BirthDateColumn:
        return tr("Date de naissance");
    case PhoneColumn:
        return tr("Téléphone");
    case EmailColumn:
        return tr("Courriel");
    case CityColumn:
        return tr("Ville");
    default:
        return {};
    }
}

} // namespace iris::ui
