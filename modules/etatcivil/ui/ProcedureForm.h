#pragma once

#include "modules/etatcivil/data/Procedure.h"

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::etatcivil {

class EtatCivilController;

/// Opening a counter procedure: the kind, the person, the usager concerned (search), and
/// the fields of that kind only; the rule that applies (deadline of a birth declaration,
/// recensement window, consent of a child…) is shown live.
///
/// Object names: procedureKindCombo, procNomEdit, procPrenomsEdit, procBirthDateEdit,
/// procCitizenPicker, declarantEdit, birthPlaceEdit, partner2NomEdit, partner2PrenomsEdit,
/// appointmentEdit, domicileCheck, livretReasonEdit, documentTitleEdit, signerPresentCheck,
/// identityCheckedCheck, guestNameEdit, newPrenomsEdit, filedInPersonCheck,
/// childConsentCheck, procedureRuleLabel, openProcedureButton, procedureFormError.
class ProcedureForm final : public QWidget
{
    Q_OBJECT

public:
    ProcedureForm(EtatCivilController& controller, QWidget* parent = nullptr);

    Procedure draft() const;
    void updateRule();
    void submit();

Q_SIGNALS:
    void opened(qint64 dossierId);

private:
    QLineEdit* line(const char* name, const QString& placeholder = {});
    QCheckBox* check(const char* name, const QString& text);
    void showFieldsOfKind();

    EtatCivilController& m_controller;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_nom = nullptr;
    QLineEdit* m_prenoms = nullptr;
    QLineEdit* m_birth = nullptr;
    ui::CitizenPicker* m_picker = nullptr;
    QLineEdit* m_declarant = nullptr;
    QLineEdit* m_birthPlace = nullptr;
    QLineEdit* m_partner2Nom = nullptr;
    QLineEdit* m_partner2Prenoms = nullptr;
    QLineEdit* m_appointment = nullptr;
    QCheckBox* m_domicile = nullptr;
    QLineEdit* m_livretReason = nullptr;
    QLineEdit* m_documentTitle = nullptr;
    QCheckBox* m_signerPresent = nullptr;
    QCheckBox* m_identityChecked = nullptr;
    QLineEdit* m_guest = nullptr;
    QLineEdit* m_newPrenoms = nullptr;
    QCheckBox* m_inPerson = nullptr;
    QCheckBox* m_consent = nullptr;
    QLabel* m_rule = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_open = nullptr;
    QList<std::pair<QWidget*, QList<ProcedureKind>>> m_kindFields;
};

} // namespace iris::etatcivil
