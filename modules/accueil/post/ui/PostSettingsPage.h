#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace iris::accueil {

class AccueilController;

/// Settings of the post register (accueil.configure): reply and acknowledgement
/// deadlines in working days, the largest scan accepted, the administrative court named
/// in the appeal routes, and the site's own HTML templates (empty = built-in ones).
///
/// Object names: postSettingsPage, postSettingsReplyDays, postSettingsAckDays,
/// postSettingsMaxMegabytes, postSettingsCourt, postSettingsAckTemplate,
/// postSettingsReplyTemplate, postSettingsSave, postSettingsStatus.
class PostSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit PostSettingsPage(AccueilController& controller, QWidget* parent = nullptr);

    void load();
    void save();

private:
    AccueilController& m_controller;
    QSpinBox* m_replyDays;
    QSpinBox* m_ackDays;
    QSpinBox* m_maxMegabytes;
    QLineEdit* m_court;
    QPlainTextEdit* m_ackTemplate;
    QPlainTextEdit* m_replyTemplate;
    QLabel* m_status;
};

} // namespace iris::accueil
