#include "modules/accueil/counter/ui/WaitingListModel.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace iris::accueil {

WaitingListModel::WaitingListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void WaitingListModel::setNames(QHash<qint64, QString> categories, QHash<qint64, QString> services)
{
    beginResetModel();
    m_categories = std::move(categories);
    m_services = std::move(services);
    endResetModel();
}

void WaitingListModel::setTickets(const QList<Ticket>& tickets)
{
    beginResetModel();
    m_tickets = tickets;
    endResetModel();
}

void WaitingListModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_tickets.isEmpty())
        Q_EMIT dataChanged(index(0, WaitColumn), index(int(m_tickets.size()) - 1, WaitColumn), {Qt::DisplayRole});
}

const Ticket* WaitingListModel::ticketAt(int row) const
{
    return row >= 0 && row < m_tickets.size() ? &m_tickets.at(row) : nullptr;
}

int WaitingListModel::rowOf(qint64 ticketId) const
{
    for (qsizetype i = 0; i < m_tickets.size(); ++i) {
        if (m_tickets.at(i).id == ticketId)
            return int(i);
    }
    return -1;
}

QString WaitingListModel::formatDuration(qint64 seconds)
{
    const qint64 minutes = qMax<qint64>(0, seconds) / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    return tr("%1 h %2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

int WaitingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tickets.size());
}

int WaitingListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WaitingListModel::data(const QModelIndex& index, int role) const
{
    const Ticket* t = ticketAt(index.row());
    if (!t || !index.isValid())
        return {};
    if (role == Qt::UserRole)
        return t->id;
    if (role == Qt::FontRole && index.column() == TicketColumn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ForegroundRole && index.column() == WaitColumn && t->waitingSeconds(m_now) >= 10 * 60)
        return QBrush(Qt::darkRed);  // beyond the Qualivilles counter target (10 min)
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TicketColumn:
        return t->label;
    case CategoryColumn:
        return m_categories.value(t->categoryId);
    case WaitColumn:
        return formatDuration(t->waitingSeconds(m_now));
    case InfoColumn: {
        QStringList info;
        if (t->priority > 0)
            info << tr("Prioritaire");
        if (t->appointmentId > 0)
            info << tr("RDV %1").arg(t->appointmentAt.toLocalTime().toString(u"HH:mm"_s));
        if (t->serviceId > 0)
            info << m_services.value(t->serviceId);
        return info.join(u" · "_s);
    }
    case StatusColumn:
        return ticketStatusLabel(t->status);
    default:
        return {};
    }
}

QVariant WaitingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TicketColumn:
        return tr("Ticket");
    case CategoryColumn:
        return tr("Catégorie");
    case WaitColumn:
        return tr("Attente");
    case InfoColumn:
        return tr("Priorité, rendez-vous, service");
    case StatusColumn:
        return tr("État");
    default:
        return {};
    }
}

} // namespace iris::accueil
