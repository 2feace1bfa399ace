#pragma once

#include "modules/accueil/counter/Desk.h"
#include "modules/accueil/counter/Ticket.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QSplitter;
class QTableView;

namespace iris::accueil {

class AccueilController;
class IssueTicketDialog;
class VisitPanel;
class WaitingListModel;

/// The desk agent's page: the desk, its waiting list with live waiting times, the tickets
/// on hold, and the visit in progress (VisitPanel). Live: reloads whenever the database
/// changes (another desk called, a ticket was issued at the entrance).
///
/// Shortcuts: F2 émettre un ticket, F4 appeler le suivant, Maj+F4 appeler le ticket
/// choisi, Ctrl+L parti sans attendre (ticket choisi), Ctrl+P prioritaire (ticket choisi).
/// Object names: counterPage, counterDesk, counterSummary, counterWaiting, counterIssue,
/// counterCallNext, counterCallSelected, counterMarkLeft, counterHeld, counterDisplay.
class CounterPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CounterPage(AccueilController& controller, QWidget* parent = nullptr);
    ~CounterPage() override;

    qint64 deskId() const;
    void setDesk(qint64 deskId);
    void reload();
    void callNext();
    void callSelected();
    void markSelectedLeft();
    void toggleSelectedPriority();
    IssueTicketDialog* issueTicket();
    VisitPanel* visitPanel() const { return m_visit; }
    WaitingListModel* waitingModel() const { return m_model; }

Q_SIGNALS:
    void publicDisplayRequested();

protected:
    /// The first time it is shown: the queue gets 3/5 of the width (splitter sizes set
    /// before that are scaled from the splitter's own hint, not from its room).
    void showEvent(QShowEvent* event) override;

private:
    void loadSetup();
    void tick();
    const Ticket* selectedTicket() const;

    AccueilController& m_controller;
    QComboBox* m_desk;
    QLabel* m_summary;
    QTableView* m_waiting;
    WaitingListModel* m_model;
    QListWidget* m_held;
    VisitPanel* m_visit;
    QSplitter* m_splitter = nullptr;
    bool m_sized = false;
    QTimer m_clock;
    QList<Desk> m_desks;
    QList<Ticket> m_heldTickets;
    QPointer<IssueTicketDialog> m_issueDialog;
};

} // namespace iris::accueil
