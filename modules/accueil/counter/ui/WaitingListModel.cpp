#include "modules/accueil/counter/ui/WaitingListModel.h"

#include "modules/accueil/counter/QueueService.h"

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
    // The reason may change too: an appointment enters its lead time.
    if (!m_tickets.isEmpty())
        Q_EMIT dataChanged(index(0, WaitColumn), index(int(m_tickets.size()) - 1, ReasonColumn),
            {Qt::DisplayRole, Qt::ToolTipRole});
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

int WaitingListModel::olderBehind(int row) const
{
    const Ticket* t = ticketAt(row);
    if (!t)
        return 0;
    int older = 0;
    for (qsizetype j = row + 1; j < m_tickets.size(); ++j)
        older += m_tickets.at(j).queuedAt < t->queuedAt ? 1 : 0;
    return older;
}

QString WaitingListModel::reason(int row) const
{
    const Ticket* t = ticketAt(row);
    if (!t)
        return {};
    const int older = olderBehind(row);
    QString why = tr("Ordre d'arrivée");
    if (older > 0) {
        switch (QueueService::rankOf(*t, m_now)) {
        case QueueService::CallRank::Priority:
            why = older == 1 ? tr("Prioritaire — avant 1 plus ancien")
                             : tr("Prioritaire — avant %1 plus anciens").arg(older);
            break;
        case QueueService::CallRank::Appointment: {
            const QString time = t->appointmentAt.toLocalTime().toString(u"HH:mm"_s);
            why = older == 1 ? tr("RDV de %1 — avant 1 plus ancien").arg(time)
                             : tr("RDV de %1 — avant %2 plus anciens").arg(time).arg(older);
            break;
        }
        case QueueService::CallRank::Arrival:
            break;
        }
    }
    if (t->status == TicketStatus::Transfere)
        why = tr("%1 · transféré").arg(why);
    return why;
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
    if (role == Qt::ToolTipRole && index.column() == CategoryColumn)
        return tr("File : %1").arg(t->serviceId > 0 ? m_services.value(t->serviceId) : tr("accueil polyvalent"));
    if (role == Qt::ToolTipRole && index.column() == WaitColumn)
        return tr("Arrivé à %1").arg(t->queuedAt.toLocalTime().toString(u"HH:mm"_s));
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return QString(reason(index.row()) + u"\n\n"_s
            + tr("Ordre d'appel : les tickets prioritaires d'abord, puis les rendez-vous à partir de "
                 "%1 minutes avant leur heure, puis l'ordre d'arrivée (chaque catégorie a ses numéros).")
                  .arg(QueueService::kAppointmentLeadMinutes));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TicketColumn:
        return t->label;
    case CategoryColumn:
        return m_categories.value(t->categoryId);
    case WaitColumn:
        return formatDuration(t->waitingSeconds(m_now));
    case ReasonColumn:
        return reason(index.row());
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
    case ReasonColumn:
        return tr("Ordre d'appel");
    default:
        return {};
    }
}

} // namespace iris::accueil
