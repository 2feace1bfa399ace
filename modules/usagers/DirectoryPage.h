#pragma once

#include <QPointer>
#include <QWidget>

class QPushButton;
class QStackedWidget;

namespace iris {
struct Citizen;
}

namespace iris::ui {
class CitizenPicker;
}

namespace iris::usagers {

class Citizen360Page;
class UsagersController;

/// The "Usagers" page: the directory search (type, Down/Enter to open) and, in its
/// place, the 360° page of the citizen opened; "Retour" (Alt+Gauche) goes back to the
/// results as they were.
///
/// Object names: usagersDirectoryPage, usagersSearchView, newCitizenButton,
/// mergeCitizensButton, citizenSearchField, citizenResults, citizen360Page.
class DirectoryPage final : public QWidget
{
    Q_OBJECT
public:
    DirectoryPage(UsagersController& controller, QWidget* parent = nullptr);
    ~DirectoryPage() override;

    void showSearch();
    /// Opens the 360° page (audited read by the core).
    void showCitizen(qint64 citizenId);
    bool isShowingCitizen() const;
    /// The citizen on the 360° page, else the selected result; 0 when none.
    qint64 currentCitizenId() const;
    Citizen360Page* citizenPage() const { return m_citizenPage; }
    ui::CitizenPicker* picker() const { return m_picker; }
    void focusSearch();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onCitizenSaved(const Citizen& citizen);
    void onCitizensMerged(qint64 keptId, qint64 absorbedId);

    UsagersController& m_controller;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_searchView = nullptr;
    ui::CitizenPicker* m_picker = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_mergeButton = nullptr;
    QPointer<Citizen360Page> m_citizenPage;
};

} // namespace iris::usagers
