#pragma once

#include <QWidget>

#include <functional>

class QListWidget;

namespace iris::accueil {

class AccueilController;

/// The "Courrier" panel of the citizen 360° page: the letters the person sent, each with
/// where it really stands (to handle, acknowledgement sent, answered, filed, late) —
/// the contact logged at registration only says where the letter went. Entrée opens the
/// letter on the Courrier page. Object names: postCitizenPanel, postCitizenLetters.
class PostCitizenPanel final : public QWidget
{
    Q_OBJECT
public:
    PostCitizenPanel(AccueilController& controller, qint64 citizenId, std::function<void(qint64)> openLetter,
                     QWidget* parent = nullptr);
    void reload();

private:
    AccueilController& m_controller;
    qint64 m_citizenId;
    std::function<void(qint64)> m_openLetter;
    QListWidget* m_letters;
};

} // namespace iris::accueil
