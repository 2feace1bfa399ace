#pragma once

#include "modules/accueil/shared/MotiveCatalog.h"

#include <QWidget>

class QLineEdit;
class QListWidget;

namespace iris::accueil {

/// Motive chooser for keyboard work: a filter field over the motive tree (accent- and
/// case-insensitive words of "Parent › Motif"), the agent's frequent motives first under
/// the keys 1–9 (while the field is empty). Enter or a digit chooses.
///
/// Object names: <prefix>MotiveFilter, <prefix>MotiveList.
class MotiveList final : public QWidget
{
    Q_OBJECT
public:
    explicit MotiveList(const QString& objectPrefix, QWidget* parent = nullptr);

    /// The motives offered, and the preferred ones listed first with their digit.
    void setCatalog(const MotiveCatalog& catalog, const QList<qint64>& preferred = {});
    /// The row the agent moved to or chose (none right after the list is filled: Entrée
    /// in the filter then takes the first match).
    qint64 currentMotiveId() const;
    QString pathOf(qint64 motiveId) const { return m_catalog.path(motiveId); }
    QLineEdit* filterField() const { return m_filter; }
    QListWidget* list() const { return m_list; }
    void focusFilter();
    void clearFilter();

Q_SIGNALS:
    void motiveChosen(qint64 motiveId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refill();
    void chooseCurrent();

    QLineEdit* m_filter;
    QListWidget* m_list;
    MotiveCatalog m_catalog;
    QList<qint64> m_preferred;
    QHash<qint64, QString> m_folded;
};

} // namespace iris::accueil
