#pragma once

#include "core/domain/Citizen.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableWidget;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::usagers {

class MergePlan;
class UsagersController;

/// Merges two records of the same person in three steps: choose the two records,
/// choose the one to keep and review the preview (field by field, and how many
/// contacts and dossiers move), then confirm. The merge itself is
/// CitizenService::merge(), which checks citizen.merge and runs in one transaction.
///
/// Object names: citizenMergeDialog, mergePicker, mergeFirstLabel, mergeNextButton,
/// keepFirstRadio, keepSecondRadio, mergePreview, mergeCounts, mergeBackButton,
/// mergeConfirmButton, mergeError.
class MergeDialog final : public QDialog
{
    Q_OBJECT
public:
    MergeDialog(UsagersController& controller, QWidget* parent = nullptr);
    ~MergeDialog() override;

    /// Presets the first record (the citizen on screen); false when it cannot be read.
    bool setFirst(qint64 citizenId);
    /// Chooses the second record and goes to the preview.
    bool setSecond(qint64 citizenId);
    /// Which record is kept (the first by default).
    void setKeepFirst(bool keepFirst);
    /// Runs the merge; true when done (the dialog then closes).
    bool confirm();

    qint64 firstId() const;
    qint64 secondId() const;
    qint64 keptId() const;
    qint64 absorbedId() const;
    const MergePlan* plan() const { return m_plan.get(); }

Q_SIGNALS:
    void merged(const iris::Citizen& kept, qint64 absorbedId);

private:
    bool load(qint64 citizenId, std::optional<Citizen>* slot);
    void choose(qint64 citizenId);
    void showChooseStep();
    void showPreview();
    void showError(const QString& text);
    QString describe(const Citizen& citizen) const;

    UsagersController& m_controller;
    std::optional<Citizen> m_first;
    std::optional<Citizen> m_second;
    std::unique_ptr<MergePlan> m_plan;

    QStackedWidget* m_steps = nullptr;
    ui::CitizenPicker* m_picker = nullptr;
    QLabel* m_firstLabel = nullptr;
    QLabel* m_chooseHint = nullptr;
    QPushButton* m_next = nullptr;
    QRadioButton* m_keepFirst = nullptr;
    QRadioButton* m_keepSecond = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_confirm = nullptr;
};

} // namespace iris::usagers
