#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace iris::etatcivil {

class EtatCivilController;

/// "État civil" panel of the citizen 360° page: the acte requests where the citizen is
/// the requester or the person on the act, and the procedures of the citizen, with their
/// status; Enter opens the request or procedure in its page; a button starts a new
/// request with this citizen as the requester.
///
/// Object names: etatcivilCitizenPanel, etatcivilCitizenTable, etatcivilCitizenSummary,
/// etatcivilNewRequestButton.
class CitizenRequestsPanel final : public QWidget
{
    Q_OBJECT

public:
    CitizenRequestsPanel(EtatCivilController& controller, qint64 citizenId, QWidget* parent = nullptr);

    void reload();
    int rowCount() const;

private:
    EtatCivilController& m_controller;
    qint64 m_citizenId = 0;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace iris::etatcivil
