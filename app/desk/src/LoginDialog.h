#pragma once

#include "core/security/Session.h"

#include <QDialog>
#include <QFutureWatcher>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace iris {
class AuthService;
}

namespace iris::shell {

/// Asks for the agent's login and password and checks them with AuthService.
/// A refusal shows one French message that never says which field was wrong.
/// Fields: "loginField", "passwordField", "loginButton", "loginError".
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(std::shared_ptr<const AuthService> auth, const QString& databaseDescription,
        QWidget* parent = nullptr);

    /// The identity of the agent, once accepted.
    const std::optional<AgentIdentity>& agent() const { return m_agent; }

private:
    void attemptLogin();
    void finishLogin();
    void setBusy(bool busy);
    void updateButton();

    std::shared_ptr<const AuthService> m_auth;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_loginButton = nullptr;
    std::optional<AgentIdentity> m_agent;
    QFutureWatcher<Result<AgentIdentity>> m_watcher;
};

} // namespace iris::shell
