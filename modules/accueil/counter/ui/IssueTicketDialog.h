#pragma once

#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/TicketCategory.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace iris::accueil {

class AccueilController;

/// The entrance's ticket machine: a category (its letter selects it, Enter issues),
/// "prioritaire", or the check-in of one of today's appointments. Stays open for the next
/// person; shows the number issued.
///
/// Object names: issueTicketDialog, issueCategories, issuePriority, issueAppointmentFilter,
/// issueAppointments, issueConfirm, issueResult.
class IssueTicketDialog final : public QDialog
{
    Q_OBJECT
public:
    IssueTicketDialog(AccueilController& controller, QWidget* parent = nullptr);

    void reload();
    QString lastIssued() const { return m_lastLabel; }

Q_SIGNALS:
    void issued(const iris::accueil::Ticket& ticket);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void issue();
    void fillArrivals();

    AccueilController& m_controller;
    QListWidget* m_categories;
    QCheckBox* m_priority;
    QLineEdit* m_arrivalFilter;
    QListWidget* m_arrivals;
    QLabel* m_result;
    QList<TicketCategory> m_categoryList;
    QList<QueueService::Arrival> m_arrivalList;
    QString m_lastLabel;
};

} // namespace iris::accueil
