#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace iris::accueil {

class AccueilController;
class ServiceChooser;

/// Settings › "Réception des courriels": the reply deadline in working days, the service
/// new courriels go to and the Maildir the application watches (CourrielSettings).
///
/// Object names: intakeReplyDays, intakeServiceService, intakeMaildir, intakeBrowse,
/// intakeSave, intakeStatus.
class CourrielIntakeSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CourrielIntakeSettingsPage(AccueilController& controller, QWidget* parent = nullptr);

    void load();
    void save();

Q_SIGNALS:
    void saved();

private:
    AccueilController& m_controller;
    qint64 m_motiveThemeId = 0;
    QSpinBox* m_days;
    ServiceChooser* m_service;
    QLineEdit* m_maildir;
    QPushButton* m_browse;
    QPushButton* m_save;
    QLabel* m_status;
};

} // namespace iris::accueil
