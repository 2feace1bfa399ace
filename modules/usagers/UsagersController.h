#pragma once

#include "core/domain/Citizen.h"
#include "core/modules/Registries.h"
#include "ui/citizen/CitizenSearchRunner.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace iris {
class CoreServices;
class ModuleContext;
class Session;
}

namespace iris::usagers {

class Citizen360Page;
class DirectoryPage;

/// The module's single point of contact with the host: builds its pages and dialogs,
/// routes record openings and actions to them, and tells open views when a record
/// changed. Holds no widget it did not create; talks to the system only through
/// ModuleContext.
class UsagersController final : public QObject
{
    Q_OBJECT
public:
    explicit UsagersController(ModuleContext& context, QObject* parent = nullptr);
    ~UsagersController() override;

    ModuleContext& context() const { return m_context; }
    /// Session-bound services, or nullptr before login.
    CoreServices* services() const;
    /// Whether the logged-in agent holds `permission` (false before login).
    bool can(const QString& permission) const;
    QWidget* dialogParent() const;
    void showStatus(const QString& text) const;

    /// Citizen search for pickers, run on a worker thread with its own connection.
    ui::CitizenSearchRunner::SearchFunction searchFunction() const;

    /// How much hangs on a record (shown before a merge); -1 when unknown.
    struct Activity
    {
        int contacts = -1;
        int dossiers = -1;
    };
    Activity activity(qint64 citizenId) const;

    /// Factory of the "Usagers" page.
    QWidget* createDirectoryPage(QWidget* parent);
    /// The 360° panels the agent may see, sorted by order.
    QList<CitizenPanelSpec> visiblePanels() const;

    /// Record opener for kind "citizen": shows the 360° page.
    void openCitizen(qint64 citizenId);
    /// Fallback opener for kind "dossier": the 360° page of the dossier's citizen.
    void openDossier(qint64 dossierId);
    /// True while that fallback is the registered "dossier" opener (no module took it).
    bool ownsDossierOpener() const { return m_ownsDossierOpener; }
    void setOwnsDossierOpener(bool owns) { m_ownsDossierOpener = owns; }
    /// The citizen on screen (360° page, else the selected search result); 0 if none.
    qint64 currentCitizenId() const;

    void newCitizen(const Citizen& prefill = {});
    void editCitizen(qint64 citizenId);
    void editCurrentCitizen();
    /// Merge dialog, with the first record preset when non-zero.
    void mergeCitizens(qint64 firstId = 0);
    void manageHousehold(qint64 citizenId);
    void manageCurrentHousehold();
    void focusDirectorySearch();
    /// Closes the dialogs and windows this module opened (before shutdown).
    void closeViews();

Q_SIGNALS:
    void citizenSaved(const iris::Citizen& citizen);
    void citizenMerged(qint64 keptId, qint64 absorbedId);
    void householdChanged(qint64 householdId);

private:
    bool showDirectoryPage();
    Citizen360Page* openStandalone(qint64 citizenId);

    ModuleContext& m_context;
    QPointer<DirectoryPage> m_page;
    void track(QWidget* dialog);

    QPointer<QWidget> m_standaloneWindow;
    bool m_ownsDossierOpener = false;
    QList<QPointer<QWidget>> m_dialogs;
};

} // namespace iris::usagers
