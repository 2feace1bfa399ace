#pragma once

#include "modules/accueil/shared/OverdueItem.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace iris::accueil {

class AccueilController;

/// "À traiter": the items owed to citizens — every source of the ModuleContext's
/// follow-up registry (callbacks, e-mails and letters of this module, late acte requests
/// of état civil…) — for the agent, the agent's service, or everyone (supervisor), by due
/// date, overdue ones in red. Entrée opens the item with its source's opener. Object names: overduePage,
/// overdueScope, overdueHorizon, overdueTable, overdueStatus.
class OverduePage final : public QWidget
{
    Q_OBJECT
public:
    explicit OverduePage(AccueilController& controller, QWidget* parent = nullptr);

    void reload();
    const QList<OverdueItem>& items() const { return m_items; }

private:
    void openRow(int row);

    AccueilController& m_controller;
    QComboBox* m_scope;
    QComboBox* m_horizon;
    QTableWidget* m_table;
    QLabel* m_status;
    QList<OverdueItem> m_items;
};

} // namespace iris::accueil
