#pragma once

#include "modules/accueil/post/PostLetter.h"

#include <QAbstractTableModel>
#include <QHash>

namespace iris::accueil {

/// The register as a table: number, received, sender, subject, assignee, due date,
/// status. Open letters past their due date are shown in dark red and bold.
class PostRegisterModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Reference, Received, Sender, Subject, Assignee, Due, Status, ColumnCount };
    enum Role { LetterIdRole = Qt::UserRole + 1, OverdueRole };

    explicit PostRegisterModel(QObject* parent = nullptr);

    /// Replaces the rows; `assignees` maps a letter id to its "agent, service" label.
    void setLetters(
        const QList<PostLetter>& letters, const QHash<qint64, QString>& assignees, const QDate& today);
    const PostLetter* letterAt(int row) const;
    int rowOf(qint64 letterId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PostLetter> m_letters;
    QHash<qint64, QString> m_assignees;
    QDate m_today;
};

} // namespace iris::accueil
