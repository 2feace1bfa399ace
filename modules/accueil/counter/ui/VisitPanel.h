#pragma once

#include "core/base/Result.h"
#include "modules/accueil/counter/Ticket.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::accueil {

class AccueilController;
class MotiveCatalog;
class MotiveList;

/// The visit at the desk: its ticket and timer, the citizen (search as you type, open the
/// 360° page), its motives, and the desk's actions with their shortcuts: F5 annoncer de
/// nouveau, F6 usager présent, F7 pause, Ctrl+B absent, Ctrl+T transférer, Ctrl+Entrée
/// clore, Ctrl+I chercher l'usager, Ctrl+O ouvrir sa fiche, Ctrl+M ajouter un motif.
///
/// Object names: visitPanel, visitTicket, visitRecall, visitStart, visitHold, visitAbsent,
/// visitTransfer, visitClose, visitCitizen, visitOpenCitizen, visitMotiveFilter,
/// visitMotiveList, visitMotivesChosen (the picker's own: citizenSearchField, citizenResults).
class VisitPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit VisitPanel(AccueilController& controller, QWidget* parent = nullptr);

    void setCatalog(const MotiveCatalog& catalog);
    /// The ticket at the desk (id 0 = none).
    void setTicket(const Ticket& ticket);
    const Ticket& ticket() const { return m_ticket; }
    void tick(const QDateTime& now);
    void focusCitizenSearch();

    void recall();
    void start();
    void hold();
    void markAbsent();
    void transfer();
    void closeVisit();

Q_SIGNALS:
    /// The ticket changed (or left the desk); the page reloads its lists.
    void ticketChanged();

private:
    void apply(const Result<Ticket>& result, const QString& done);
    void setCitizen(qint64 citizenId);
    void addMotive(qint64 motiveId);
    void removeSelectedMotive();
    void refresh();

    AccueilController& m_controller;
    Ticket m_ticket;
    QLabel* m_label;
    QLabel* m_citizen;
    ui::CitizenPicker* m_picker;
    MotiveList* m_motives;
    QListWidget* m_chosen;
    QList<QPushButton*> m_ticketButtons;
    QPushButton* m_openCitizen;
    qint64 m_namedCitizen = 0;  ///< citizen whose name is cached (opening is audited once)
    QString m_citizenName;
};

} // namespace iris::accueil
