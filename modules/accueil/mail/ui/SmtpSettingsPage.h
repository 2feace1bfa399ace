#pragma once

#include "core/base/Result.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace iris::accueil {

class AccueilController;

/// Settings › "Envoi des courriels": the SMTP server every workstation sends replies
/// through, the sender, the signature of replies, and a "Tester" button that connects
/// and authenticates on a worker thread. The stored password is never shown: the field
/// stays empty and keeps it unless something is typed.
///
/// Object names: smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPassword, smtpFromAddress,
/// smtpFromName, smtpTimeout, smtpCaFile, smtpSignature, smtpTest, smtpSave, smtpStatus.
class SmtpSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SmtpSettingsPage(AccueilController& controller, QWidget* parent = nullptr);
    ~SmtpSettingsPage() override;

    void load();
    void save();
    void test();

private:
    void onTested();

    AccueilController& m_controller;
    bool m_passwordStored = false;
    QFutureWatcher<Result<void>> m_testing;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_fromAddress;
    QLineEdit* m_fromName;
    QSpinBox* m_timeout;
    QLineEdit* m_caFile;
    QPlainTextEdit* m_signature;
    QPushButton* m_test;
    QPushButton* m_save;
    QLabel* m_status;
};

} // namespace iris::accueil
