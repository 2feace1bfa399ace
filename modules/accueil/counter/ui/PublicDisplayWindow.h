#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;

namespace iris::accueil {

class AccueilController;

/// The public display for a second screen: the ticket just called and its desk in large
/// type, the previous calls below. Updates live when any desk (of any machine sharing the
/// database) calls or announces a ticket. Object names: accueilPublicDisplay,
/// displayCurrent, displayHistory.
class PublicDisplayWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit PublicDisplayWindow(AccueilController& controller, QWidget* parent = nullptr);

    void reload();
    /// Full screen on the second screen when there is one.
    void showOnSecondScreen();
    QString currentText() const;
    QStringList historyTexts() const;

private:
    AccueilController& m_controller;
    QLabel* m_current;
    QListWidget* m_history;
    QHash<qint64, QString> m_deskNames;
};

} // namespace iris::accueil
