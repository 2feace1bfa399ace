#pragma once

#include "modules/accueil/mail/Courriel.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <functional>

namespace iris::accueil {

/// The register of courriels as a table: received, sender, subject, citizen, assignee,
/// reply deadline, status. Courriels still to answer past their deadline are shown in
/// red (Qt::ForegroundRole, bold) and say "en retard" in the status column.
class CourrielListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Received, Sender, Subject, CitizenName, Assignee, Due, Status, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, OverdueRole };

    explicit CourrielListModel(QObject* parent = nullptr);
    void setClock(std::function<QDateTime()> clock) { m_now = std::move(clock); }

    void setCourriels(const QList<Courriel>& courriels);
    const QList<Courriel>& courriels() const { return m_rows; }
    const Courriel* at(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Courriel> m_rows;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTime(); };
};

} // namespace iris::accueil
