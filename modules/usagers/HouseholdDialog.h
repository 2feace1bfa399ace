#pragma once

#include "core/base/Result.h"
#include "core/domain/Household.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::usagers {

class UsagersController;

/// Views and changes the household of a citizen: create it (the citizen as chef de
/// famille), add members found in the directory with their link and dependants flag,
/// change a member's link or flag, remove a member, dissolve the household. Each change
/// is saved at once by HouseholdService (versioned; a conflict reloads the household).
///
/// Object names: householdDialog, householdNoneView, householdLabelEdit,
/// createHouseholdConfirmButton, householdView, householdTitle, householdMembersTable
/// (column 1: link combo "memberLink_<id>", column 2: check "memberDependant_<id>"),
/// removeMemberButton, dissolveHouseholdButton, householdPicker, newMemberLinkCombo,
/// newMemberDependantCheck, addMemberButton, householdError.
class HouseholdDialog final : public QDialog
{
    Q_OBJECT
public:
    HouseholdDialog(UsagersController& controller, QWidget* parent = nullptr);
    ~HouseholdDialog() override;

    /// Shows the household of this citizen, or the offer to create one.
    void startFor(qint64 citizenId);

    bool createHousehold(const QString& label = {});
    bool addMember(qint64 citizenId, HouseholdLink link, bool dependant);
    bool setMember(qint64 citizenId, HouseholdLink link, bool dependant);
    bool removeMember(qint64 citizenId);
    bool dissolve();

    const std::optional<Household>& household() const { return m_household; }

private:
    void reload();
    void showHousehold();
    bool apply(const Result<Household>& result);
    void showError(const Error& error);
    void clearError();

    UsagersController& m_controller;
    qint64 m_citizenId = 0;
    std::optional<Household> m_household;

    QStackedWidget* m_views = nullptr;
    QLineEdit* m_labelEdit = nullptr;
    QLabel* m_title = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_dissolve = nullptr;
    ui::CitizenPicker* m_picker = nullptr;
    QComboBox* m_newLink = nullptr;
    QCheckBox* m_newDependant = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace iris::usagers
