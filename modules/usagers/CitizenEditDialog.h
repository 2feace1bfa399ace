#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;

namespace iris {
class CoreServices;
}

namespace iris::usagers {

class CitizenForm;
class DuplicatePanel;
class UsagersController;

/// Create or edit a citizen. Ctrl+S saves, Esc cancels (asking first when something
/// was typed). The core validates: its field errors are shown under each input and
/// nothing is saved. While creating, possible duplicates are suggested with a way to
/// open the existing record instead; saving a new record that looks like an existing one
/// stops once, says so in the banner and asks the agent to confirm it is another person.
/// A stale-version conflict is explained in a banner that offers to reload the record.
///
/// Object names: citizenEditDialog, citizenForm, duplicatePanel, formBanner,
/// formBannerText, reloadButton, confirmDistinctButton, saveButton, cancelButton.
class CitizenEditDialog final : public QDialog
{
    Q_OBJECT
public:
    CitizenEditDialog(UsagersController& controller, QWidget* parent = nullptr);
    ~CitizenEditDialog() override;

    void startCreate(const Citizen& prefill = {});
    /// Loads the record (audited read); false and a banner when it cannot be read.
    bool startEdit(qint64 citizenId);

    bool isCreating() const { return m_creating; }
    CitizenForm* form() const { return m_form; }
    const Citizen& savedCitizen() const { return m_saved; }

    /// Validates through the core and saves; true when saved (the dialog then closes).
    bool save();

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void saved(const iris::Citizen& citizen);
    /// The agent chose an existing record from the duplicate suggestions.
    void openExistingRequested(qint64 citizenId);

private:
    void checkDuplicates();
    /// True when saving may go on: no possible duplicate the agent has not ruled out.
    bool duplicatesRuledOut(CoreServices& services, const Citizen& typed);
    void showBanner(const QString& text, bool offerReload, bool offerConfirm = false);
    void hideBanner();
    void reload();
    void showSaveError(const Error& error);

    UsagersController& m_controller;
    CitizenForm* m_form = nullptr;
    DuplicatePanel* m_duplicates = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_reload = nullptr;
    QPushButton* m_confirmDistinct = nullptr;
    QScrollArea* m_scroll = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
    QTimer* m_duplicateTimer = nullptr;
    bool m_creating = true;
    QList<qint64> m_distinctFrom;  // records the agent confirmed are someone else
    Citizen m_saved;
};

} // namespace iris::usagers
