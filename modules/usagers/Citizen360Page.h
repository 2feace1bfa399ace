#pragma once

#include "core/domain/Citizen.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace iris::usagers {

class CitizenIdentityCard;
class HouseholdBlock;
class UsagersController;

/// The citizen 360° page: identity, household, and the panels every module registered
/// in ModuleContext::citizenPanels (sorted by order, only those the agent's role may
/// see): contacts and dossiers across modules first. Opening it reads the record
/// through CitizenService::get(), which the core audits.
///
/// Object names: citizen360Page, citizenTitle, citizenSubtitle, citizenError,
/// backButton, editCitizenButton, householdButton, mergeButton, identityCard,
/// householdBlock, citizenPanels (one tab per panel, tab widget named "panel:<id>").
class Citizen360Page final : public QWidget
{
    Q_OBJECT
public:
    Citizen360Page(UsagersController& controller, QWidget* parent = nullptr);
    ~Citizen360Page() override;

    /// Reads the record (audited) and rebuilds every block and panel; false when the
    /// record cannot be read (the reason is shown on the page).
    bool load(qint64 citizenId);
    /// Shows an already read record (after it was saved) without a new read.
    void setCitizen(const Citizen& citizen);
    qint64 citizenId() const { return m_citizen.id; }
    const Citizen& citizen() const { return m_citizen; }
    QTabWidget* panels() const { return m_panels; }
    QStringList panelIds() const;
    /// Brings the panel with this registry id to the front; false when not shown.
    bool showPanel(const QString& panelId);

Q_SIGNALS:
    void backRequested();

private:
    void showIdentity();
    void rebuildPanels();
    void showError(const QString& text);

    UsagersController& m_controller;
    Citizen m_citizen;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_error = nullptr;
    QWidget* m_body = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_household = nullptr;
    QPushButton* m_merge = nullptr;
    CitizenIdentityCard* m_identity = nullptr;
    HouseholdBlock* m_householdBlock = nullptr;
    QTabWidget* m_panels = nullptr;
};

} // namespace iris::usagers
