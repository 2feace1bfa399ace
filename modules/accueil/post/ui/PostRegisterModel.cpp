#include "modules/accueil/post/ui/PostRegisterModel.h"

#include <QBrush>
#include <QFont>

using namespace Qt::StringLiterals;

namespace iris::accueil {

PostRegisterModel::PostRegisterModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PostRegisterModel::setLetters(
    const QList<PostLetter>& letters, const QHash<qint64, QString>& assignees, const QDate& today)
{
    beginResetModel();
    m_letters = letters;
    m_assignees = assignees;
    m_today = today;
    endResetModel();
}

const PostLetter* PostRegisterModel::letterAt(int row) const
{
    return row >= 0 && row < m_letters.size() ? &m_letters.at(row) : nullptr;
}

int PostRegisterModel::rowOf(qint64 letterId) const
{
    for (int row = 0; row < m_letters.size(); ++row) {
        if (m_letters.at(row).id == letterId)
            return row;
    }
    return -1;
}

int PostRegisterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_letters.size());
}

int PostRegisterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostRegisterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PostLetter& l = m_letters.at(index.row());
    const bool overdue = l.isOverdue(m_today);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Reference:
            return l.reference;
        case Received:
            return l.receivedOn.toString(u"dd/MM/yyyy"_s);
        case Sender:
            return l.senderName;
        case Subject:
            return l.subject;
        case Assignee:
            return m_assignees.value(l.id);
        case Due:
            return l.isOpen() ? l.dueOn.toString(u"dd/MM/yyyy"_s) : QString();
        case Status:
            return overdue ? tr("%1 — en retard").arg(PostVocabulary::statusLabel(l.status))
                           : PostVocabulary::statusLabel(l.status);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Sender)
            return l.senderAddress;
        return {};
    case Qt::ForegroundRole:
        return overdue ? QVariant(QBrush(Qt::darkRed)) : QVariant();
    case Qt::FontRole:
        if (overdue) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case LetterIdRole:
        return l.id;
    case OverdueRole:
        return overdue;
    }
    return {};
}

QVariant PostRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Reference:
        return tr("N°");
    case Received:
        return tr("Reçu le");
    case Sender:
        return tr("Expéditeur");
    case Subject:
        return tr("Objet");
    case Assignee:
        return tr("Attribué à");
    case Due:
        return tr("Échéance");
    case Status:
        return tr("Statut");
    }
    return {};
}

} // namespace iris::accueil
