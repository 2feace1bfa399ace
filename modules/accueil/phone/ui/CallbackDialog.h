#pragma once

#include "modules/accueil/phone/CallbackTask.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace iris::accueil {

class AccueilController;

/// Honours a callback: the number to dial, the citizen (Ctrl+O opens the 360° page),
/// what was promised; then "Fait" with the outcome (logged as an outgoing call) or
/// "Reporter" to a later time. Object names: callbackDialog, callbackInfo, callbackOutcome,
/// callbackSummary, callbackPostponePreset, callbackDone, callbackPostpone, callbackError.
class CallbackDialog final : public QDialog
{
    Q_OBJECT
public:
    CallbackDialog(AccueilController& controller, const CallbackTask& task, QWidget* parent = nullptr);

Q_SIGNALS:
    void handled();

private:
    void done();
    void postpone();

    AccueilController& m_controller;
    CallbackTask m_task;
    QComboBox* m_outcome;
    QPlainTextEdit* m_summary;
    QComboBox* m_preset;
    QLabel* m_error;
};

} // namespace iris::accueil
