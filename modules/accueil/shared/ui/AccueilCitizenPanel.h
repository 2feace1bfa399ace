#pragma once

#include <QWidget>

class QListWidget;

namespace iris::accueil {

class AccueilController;

/// The "Accueil" panel of the citizen 360° page: callbacks still owed to the person (due
/// time, number) and the counter visits with their waiting and service times. The
/// contacts themselves are on the Usagers module's contacts panel. Object names:
/// accueilCitizenPanel, accueilCitizenCallbacks, accueilCitizenVisits.
class AccueilCitizenPanel final : public QWidget
{
    Q_OBJECT
public:
    AccueilCitizenPanel(AccueilController& controller, qint64 citizenId, QWidget* parent = nullptr);
    void reload();

private:
    AccueilController& m_controller;
    qint64 m_citizenId;
    QListWidget* m_callbacks;
    QListWidget* m_visits;
};

} // namespace iris::accueil
