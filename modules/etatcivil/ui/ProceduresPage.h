#pragma once

#include "modules/etatcivil/data/Procedure.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTableWidget;

namespace iris::etatcivil {

class EtatCivilController;
class ProcedureForm;

/// "Démarches au guichet": opening a procedure (ProcedureForm), the list of procedures, and
/// for the selected one its checklist (tick = pièce vérifiée), the details a step needs
/// (birth acts' issue dates, witnesses, celebration date, tax stamp) and one button per move
/// its workflow allows; the recensement attestation is issued as a PDF.
///
/// Object names: procedureTable, procedureDetailLabel, checklistList, birthAct1Edit,
/// birthAct1AbroadCheck, birthAct2Edit, birthAct2AbroadCheck, witnessesEdit,
/// celebrationEdit, stampNumberEdit, stampEurosEdit, transitionButtons (buttons named
/// "transition_<state>"), attestationButton, procedureMessageLabel.
class ProceduresPage final : public QWidget
{
    Q_OBJECT

public:
    ProceduresPage(EtatCivilController& controller, QWidget* parent = nullptr);

    void reload();
    void select(qint64 dossierId);
    ProcedureForm* form() const { return m_form; }

private:
    const Procedure* current() const;
    void showCurrent();
    void advanceTo(const QString& to);
    void issueAttestation();
    void toggleDocument(QListWidgetItem* item);
    QJsonObject patch() const;

    EtatCivilController& m_controller;
    QList<Procedure> m_rows;
    ProcedureForm* m_form = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_detail = nullptr;
    QListWidget* m_checklist = nullptr;
    QLineEdit* m_act1 = nullptr;
    QCheckBox* m_act1Abroad = nullptr;
    QLineEdit* m_act2 = nullptr;
    QCheckBox* m_act2Abroad = nullptr;
    QLineEdit* m_witnesses = nullptr;
    QLineEdit* m_celebration = nullptr;
    QLineEdit* m_stampNumber = nullptr;
    QLineEdit* m_stampEuros = nullptr;
    QWidget* m_buttons = nullptr;
    QHBoxLayout* m_buttonsLayout = nullptr;
    QWidget* m_attestation = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace iris::etatcivil
