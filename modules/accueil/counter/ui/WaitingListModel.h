#pragma once

#include "modules/accueil/counter/Ticket.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace iris::accueil {

/// The tickets of a queue, in call order, with their live waiting time (setNow() each
/// second refreshes only that column) and, for a ticket called before older arrivals,
/// why (priority, appointment), so the desk can tell the visitors who see it pass.
class WaitingListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Four columns, so that the queue stays readable beside the visit panel and the
    /// knowledge base: the service is the category's tool tip, the arrival time the
    /// waiting time's, and a transferred ticket says so in the call order.
    enum Column { TicketColumn, CategoryColumn, WaitColumn, ReasonColumn, ColumnCount };

    explicit WaitingListModel(QObject* parent = nullptr);

    void setNames(QHash<qint64, QString> categories, QHash<qint64, QString> services);
    void setTickets(const QList<Ticket>& tickets);
    void setNow(const QDateTime& now);
    const Ticket* ticketAt(int row) const;
    int rowOf(qint64 ticketId) const;
    const QList<Ticket>& tickets() const { return m_tickets; }
    /// "12 min", "1 h 05".
    static QString formatDuration(qint64 seconds);
    /// How many tickets after `row` in the call order arrived before it.
    int olderBehind(int row) const;
    /// The reason column's text: why the ticket passes older arrivals, or "Ordre d'arrivée"
    /// (with "transféré" for a ticket sent here by another desk).
    QString reason(int row) const;

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
