#pragma once

#include "modules/accueil/counter/Ticket.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace iris::accueil {

class AccueilController;
class ServiceChooser;

/// Sends the visit to another desk or into a service's queue, with a note for the next
/// agent. Object names: transferDialog, transferToDesk, transferDesk, transferToService,
/// transferService, transferServiceInfo, transferNote, transferConfirm, transferError.
class TransferDialog final : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(AccueilController& controller, const Ticket& ticket, QWidget* parent = nullptr);

Q_SIGNALS:
    void transferred(const iris::accueil::Ticket& ticket);

private:
    void confirm();

    AccueilController& m_controller;
    Ticket m_ticket;
    QRadioButton* m_toDesk;
    QComboBox* m_desk;
    QRadioButton* m_toService;
    ServiceChooser* m_service;
    QLineEdit* m_note;
    QLabel* m_error;
};

} // namespace iris::accueil
