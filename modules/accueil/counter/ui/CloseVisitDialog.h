#pragma once

#include "modules/accueil/counter/Ticket.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace iris::accueil {

class AccueilController;
class ServiceChooser;

/// Closes a visit with its outcome: répondu, orienté vers un service (its phone, hours and
/// whether it is open now shown), dossier créé (one of the citizen's dossiers), rendez-vous
/// pris, rappel prévu (due time from presets, number to call). Ctrl+Entrée confirms.
///
/// Object names: closeVisitDialog, closeOutcome, closeService, closeServiceInfo,
/// closeDossier, closeCallbackPreset, closeCallbackDue, closeCallbackPhone, closeSummary,
/// closeConfirm, closeError.
class CloseVisitDialog final : public QDialog
{
    Q_OBJECT
public:
    CloseVisitDialog(AccueilController& controller, const Ticket& ticket, QWidget* parent = nullptr);

    /// Pre-selects an outcome (the agent can still change it).
    void setOutcome(int outcomeIndex);

Q_SIGNALS:
    void closed(const iris::accueil::Ticket& ticket);

private:
    void updateFields();
    void confirm();

    AccueilController& m_controller;
    Ticket m_ticket;
    QComboBox* m_outcome;
    ServiceChooser* m_service;
    QComboBox* m_dossier;
    QComboBox* m_preset;
    QDateTimeEdit* m_due;
    QLineEdit* m_phone;
    QPlainTextEdit* m_summary;
    QLabel* m_error;
    QList<QWidget*> m_serviceRow, m_dossierRow, m_callbackRow;
};

} // namespace iris::accueil
