#include "modules/accueil/mail/ui/CourrielListModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CourrielListModel::CourrielListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CourrielListModel::setCourriels(const QList<Courriel>& courriels)
{
    beginResetModel();
    m_rows = courriels;
    endResetModel();
}

const Courriel* CourrielListModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CourrielListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int CourrielListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CourrielListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CourrielListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Courriel& c = m_rows.at(index.row());
    const bool overdue = c.isOverdue(m_now());
    switch (role) {
    case IdRole:
        return c.id;
    case OverdueRole:
        return overdue;
    case Qt::ForegroundRole:
        if (overdue)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (c.malformed && index.column() == Subject)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    case Qt::FontRole:
        if (overdue && (index.column() == Due || index.column() == Status)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (c.malformed)
            return c.warning;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Received:
        return c.receivedAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s);
    case Sender:
        return c.fromName.isEmpty() ? c.fromAddress : tr("%1 <%2>").arg(c.fromName, c.fromAddress);
    case Subject: {
        QString s = c.subject.isEmpty() ? tr("(sans objet)") : c.subject;
        if (!c.attachments.isEmpty())
            s = tr("%1 📎%2").arg(s).arg(c.attachments.size());
        if (c.malformed)
            s = tr("⚠ %1").arg(s);
        return s;
    }
    case CitizenName:
        return c.citizenName;
    case Assignee:
        return c.assignee;
    case Due:
        return c.dueAt.isValid() ? c.dueAt.toLocalTime().toString(u"dd/MM/yyyy"_s) : QString();
    case Status:
        return overdue ? tr("%1 — en retard").arg(courrielStatusLabel(c.status))
                       : courrielStatusLabel(c.status);
    default:
        return {};
    }
}

QVariant CourrielListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Received:
        return tr("Reçu le");
    case Sender:
        return tr("Expéditeur");
    case Subject:
        return tr("Objet");
    case CitizenName:
        return tr("Usager");
    case Assignee:
        return tr("Attribué à");
    case Due:
        return tr("Échéance");
    case Status:
        return tr("Statut");
    default:
        return {};
    }
}

} // namespace iris::accueil
