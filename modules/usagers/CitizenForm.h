#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFontMetrics;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace iris::ui {
class FieldErrorDisplay;
class FieldErrorLabel;
}

namespace iris::usagers {

/// The fields of a citizen record with an error line under each. It only collects
/// input and shows the core's verdict: validation itself is the core's job
/// (CitizenService), except turning the typed birth date into a date.
///
/// Inputs are named after the core field ids: civilite, nomUsage, nomNaissance,
/// prenoms, birthDate, birthPlace, addressLine1, addressLine2, postcode, city, phone,
/// phone2, email, preferredChannel, consentContact, notes, nir — each input's object
/// name is "<field>Edit" (…Combo, …Check) and its error label "<field>Error".
class CitizenForm final : public QWidget
{
    Q_OBJECT
public:
    explicit CitizenForm(QWidget* parent = nullptr);
    ~CitizenForm() override;

    /// Fills the inputs (phones shown in national form) and clears errors.
    void setCitizen(const Citizen& citizen);
    /// The record as typed, on top of the one given to setCitizen() (id, version,
    /// household kept). A birth date that cannot be read is left null and reported by
    /// inputErrors().
    Citizen citizen() const;
    /// Problems the core cannot see (a birth date that is not a date).
    QList<FieldError> inputErrors() const;

    /// Shows a core validation error next to each field; returns the messages
    /// that concern no field.
    QStringList showErrors(const Error& error);
    void clearErrors();
    bool hasErrors() const;
    QString errorMessage(const QString& field) const;
    /// The captions of the fields showing an error, in form order ("Téléphone", "Code postal").
    QStringList flaggedFieldLabels() const;
    void focusFirstError();

    bool isModified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }

Q_SIGNALS:
    /// Any input edited by the agent.
    void edited();
    /// Names, birth date, phone or e-mail edited (duplicate check inputs).
    void identityEdited();

private:
    QLineEdit* addLine(QFormLayout* form, const QString& field, const QString& label,
                       const QString& placeholder = {});
    void addErrorRow(QFormLayout* form, const QString& field, QWidget* input, const QString& label);
    static int captionWidth(const QString& label, const QFontMetrics& fm);

    Citizen m_base;
    QList<std::pair<QString, QString>> m_fieldLabels;  // field id, caption without its mnemonic
    bool m_modified = false;
    ui::FieldErrorDisplay* m_errors = nullptr;

    QComboBox* m_civilite = nullptr;
    QLineEdit* m_nomUsage = nullptr;
    QLineEdit* m_nomNaissance = nullptr;
    QLineEdit* m_prenoms = nullptr;
    QLineEdit* m_birthDate = nullptr;
    QLineEdit* m_birthPlace = nullptr;
    QLineEdit* m_line1 = nullptr;
    QLineEdit* m_line2 = nullptr;
    QLineEdit* m_postcode = nullptr;
    QLineEdit* m_city = nullptr;
    QLineEdit* m_phone = nullptr;
    QLineEdit* m_phone2 = nullptr;
    QLineEdit* m_email = nullptr;
    QComboBox* m_channel = nullptr;
    QCheckBox* m_consent = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLineEdit* m_nir = nullptr;
};

} // namespace iris::usagers
