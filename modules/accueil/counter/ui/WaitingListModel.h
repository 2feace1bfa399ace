#pragma once

#include "modules/accueil/counter/Ticket.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace iris::accueil {

/// The tickets of a queue with their live waiting time (setNow() each second refreshes
/// only that column).
class WaitingListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TicketColumn, CategoryColumn, WaitColumn, InfoColumn, StatusColumn, ColumnCount };

    explicit WaitingListModel(QObject* parent = nullptr);

    void setNames(QHash<qint64, QString> categories, QHash<qint64, QString> services);
    void setTickets(const QList<Ticket>& tickets);
    void setNow(const QDateTime& now);
    const Ticket* ticketAt(int row) const;
    int rowOf(qint64 ticketId) const;
    const QList<Ticket>& tickets() const { return m_tickets; }
    /// "12 min", "1 h 05".
    static QString formatDuration(qint64 seconds);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Ticket> m_tickets;
    QHash<qint64, QString> m_categories;
    QHash<qint64, QString> m_services;
    QDateTime m_now = QDateTime::currentDateTime();
};

} // namespace iris::accueil
