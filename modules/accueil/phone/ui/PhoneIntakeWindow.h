#pragma once

#include "core/domain/Citizen.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace iris::ui {
class CitizenSearchRunner;
class DebouncedLineEdit;
}

namespace iris::accueil {

class AccueilController;
class MotiveList;
class ServiceChooser;

/// "Appel entrant": an intake with a running timer. The caller's number finds the
/// matching citizens as it is typed (or records a caller known by number only); motive
/// (which also searches the knowledge base beside), notes, outcome — orientation to a
/// service shows its phone, hours and whether it is open now; a callback with its due
/// time and who calls back. Ctrl+Entrée saves; Ctrl+O opens the citizen's 360° page;
/// Ctrl+M goes to the motive; Ctrl+Maj+B shows the knowledge base; Échap (or
/// "Abandonner") ends the intake without saving, after confirmation when anything was
/// typed. A caller found by the last digits of their number is called back on their own.
///
/// Object names: phoneIntake, phoneTimer, phoneNumber, phoneMatches, phoneCreateCitizen,
/// phoneCallerNom, phoneCallerPrenom, phoneCitizen, phoneOpenCitizen, phoneMotiveFilter,
/// phoneMotiveList, phoneMotive, phoneKnowledge, phoneNotes, phoneOutcome, phoneService,
/// phoneServiceInfo, phoneCallbackPreset, phoneCallbackDue, phoneCallbackAssignee,
/// phoneSave, phoneError.
class PhoneIntakeWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit PhoneIntakeWindow(AccueilController& controller, QWidget* parent = nullptr);
    ~PhoneIntakeWindow() override;

    /// A new call: clears the form and restarts the timer.
    void startCall();
    qint64 citizenId() const { return m_citizenId; }
    qint64 motiveId() const { return m_motiveId; }
    qint64 elapsedSeconds() const;

Q_SIGNALS:
    void saved(qint64 contactId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    bool hasInput() const;
    void numberChanged(const QString& text);
    void showMatches(const QString& query, const QList<iris::CitizenSummary>& results);
    void chooseMatch();
    void createCitizen();
    void setCitizen(qint64 id, const QString& name, const QString& phone);
    void setMotive(qint64 id);
    void updateOutcomeFields();
    void save();
    void tick();

    AccueilController& m_controller;
    QDateTime m_startedAt;
    QTimer m_timer;
    QLabel* m_timerLabel;
    ui::DebouncedLineEdit* m_number;
    ui::CitizenSearchRunner* m_runner;
    QListWidget* m_matches;
    QLineEdit* m_nom;
    QLineEdit* m_prenom;
    QPushButton* m_create;
    QLabel* m_citizen;
    QPushButton* m_openCitizen;
    MotiveList* m_motives;
    QLabel* m_motive;
    QPushButton* m_knowledge;
    QPlainTextEdit* m_notes;
    QComboBox* m_outcome;
    ServiceChooser* m_service;
    QComboBox* m_preset;
    QDateTimeEdit* m_due;
    QComboBox* m_assignee;
    QLabel* m_error;
    QList<QWidget*> m_serviceRow;
    QList<QWidget*> m_callbackRow;
    QList<CitizenSummary> m_found;
    qint64 m_citizenId = 0;
    QString m_citizenPhone; ///< the identified caller's stored number (E.164)
    qint64 m_motiveId = 0;
    bool m_saved = false;
};

} // namespace iris::accueil
