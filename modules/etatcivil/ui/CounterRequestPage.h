#pragma once

#include "modules/etatcivil/data/ActRequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace iris::etatcivil {

class EtatCivilController;

/// "Nouvelle demande d'acte" at the counter: the act, the document, the person on the act,
/// the requester and their link, the channel and the delivery mode. The entitlement verdict
/// (décret 2017-890 art. 30) and where the act is kept are shown live as the agent types
/// (an act kept elsewhere is never "autorisée" here: it is to be oriented); the requester's
/// name may stay empty only when the requester is the person on the act, and its hint says
/// so. Ctrl+Entrée records the request, writes its acknowledgement (PDF, opened with the
/// button or Ctrl+O) and empties the form for the next requester.
///
/// Object names: actCombo, documentCombo, copiesSpin, personNomEdit, personPrenomsEdit,
/// personBirthDateEdit, personBirthPlaceEdit, parent1Edit, parent2Edit, singleParentCheck,
/// eventDateEdit, eventCommuneEdit, eventCountryEdit, frenchNationalCheck, lastDomicileEdit,
/// requesterNomEdit, requesterPrenomsEdit, linkCombo, requesterAddressEdit,
/// requesterEmailEdit, channelCombo, deliveryCombo, verdictLabel, locationLabel,
/// formErrorLabel, registerButton, lastRequestLabel, openReceiptButton.
class CounterRequestPage final : public QWidget
{
    Q_OBJECT

public:
    CounterRequestPage(EtatCivilController& controller, QWidget* parent = nullptr);

    /// Pre-fills the requester from a citizen record (from the 360° page).
    void setRequester(qint64 citizenId, const QString& nom, const QString& prenoms);
    ActRequest draft() const;
    qint64 lastDossierId() const { return m_lastId; }

    void updateVerdict();
    void submit();

private:
    QLineEdit* line(const char* name, const QString& placeholder = {});
    /// Empties every field after a save (person, act, requester, link, channel…).
    void clearForm();
    void openReceipt();

    EtatCivilController& m_controller;
    qint64 m_requesterCitizenId = 0;
    qint64 m_lastId = 0;
    QComboBox* m_act = nullptr;
    QComboBox* m_document = nullptr;
    QSpinBox* m_copies = nullptr;
    QLineEdit* m_personNom = nullptr;
    QLineEdit* m_personPrenoms = nullptr;
    QLineEdit* m_personBirthDate = nullptr;
    QLineEdit* m_personBirthPlace = nullptr;
    QLineEdit* m_parent1 = nullptr;
    QLineEdit* m_parent2 = nullptr;
    QCheckBox* m_singleParent = nullptr;
    QLineEdit* m_eventDate = nullptr;
    QLineEdit* m_eventCommune = nullptr;
    QLineEdit* m_eventCountry = nullptr;
    QCheckBox* m_french = nullptr;
    QLineEdit* m_lastDomicile = nullptr;
    QLineEdit* m_requesterNom = nullptr;
    QLineEdit* m_requesterPrenoms = nullptr;
    QComboBox* m_link = nullptr;
    QLineEdit* m_requesterAddress = nullptr;
    QLineEdit* m_requesterEmail = nullptr;
    QComboBox* m_channel = nullptr;
    QComboBox* m_delivery = nullptr;
    QLabel* m_verdict = nullptr;
    QLabel* m_location = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_last = nullptr;
    QPushButton* m_register = nullptr;
    QPushButton* m_openReceipt = nullptr;
    QString m_receiptPath;
};

} // namespace iris::etatcivil
