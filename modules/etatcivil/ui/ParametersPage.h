#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace iris::etatcivil {

class EtatCivilController;

/// "Paramètres de l'état civil" (administrators): every rule parameter with the value in
/// force today, its default and the text it comes from; the dated history; a new value
/// from a given day on (today or later), with the reason.
///
/// Object names: parameterTable, parameterHistoryTable, parameterKeyCombo,
/// parameterValueEdit, parameterFromEdit, parameterNoteEdit, parameterSaveButton,
/// parameterMessageLabel.
class ParametersPage final : public QWidget
{
    Q_OBJECT

public:
    ParametersPage(EtatCivilController& controller, QWidget* parent = nullptr);

    void reload();
    void save();

private:
    EtatCivilController& m_controller;
    QTableWidget* m_table = nullptr;
    QTableWidget* m_history = nullptr;
    QComboBox* m_key = nullptr;
    QLineEdit* m_value = nullptr;
    QLineEdit* m_from = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace iris::etatcivil
