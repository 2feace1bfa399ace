#pragma once

#include "core/domain/Citizen.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace iris::usagers {

class UsagersController;

/// The household block of the 360° page: who lives with the citizen, their link and
/// dependants. Enter or double-click on a member opens their own 360° page.
///
/// Object names: householdBlock, householdSummary, householdMembers, createHouseholdButton.
class HouseholdBlock final : public QGroupBox
{
    Q_OBJECT
public:
    HouseholdBlock(UsagersController& controller, QWidget* parent = nullptr);

    /// Reads the citizen's household (none is fine).
    void setCitizen(const Citizen& citizen);
    int memberCount() const;

Q_SIGNALS:
    void citizenActivated(qint64 citizenId);

private:
    UsagersController& m_controller;
    qint64 m_citizenId = 0;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_members = nullptr;
    QPushButton* m_create = nullptr;
};

} // namespace iris::usagers
