#pragma once

#include <QWidget>

class QListWidget;

namespace iris::accueil {

class AccueilController;

/// The citizen's courriels on the 360° page: date, subject, state (to answer by…, late,
/// answered on…, filed). Activating one opens it in the register.
/// Object name: courrielCitizenPanel (the list: courrielCitizenList).
class CourrielCitizenPanel final : public QWidget
{
    Q_OBJECT
public:
    CourrielCitizenPanel(AccueilController& controller, qint64 citizenId, QWidget* parent = nullptr);
    void reload();

Q_SIGNALS:
    void courrielActivated(qint64 courrielId);

private:
    AccueilController& m_controller;
    qint64 m_citizenId;
    QListWidget* m_list;
};

} // namespace iris::accueil
