#include "app/desk/src/LoginDialog.h"

#include "core/services/AuthService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace iris::shell {

LoginDialog::LoginDialog(
    std::shared_ptr<const AuthService> auth, const QString& databaseDescription, QWidget* parent)
    : QDialog(parent)
    , m_auth(std::move(auth))
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("IRIS Desk — connexion"));

    auto* title = new QLabel(tr("<b>Connexion de l'agent</b>"), this);
    auto* base = new QLabel(tr("Base : %1").arg(databaseDescription), this);
    base->setObjectName(u"loginDatabase"_s);
    base->setWordWrap(true);
    base->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_login = new QLineEdit(this);
    m_login->setObjectName(u"loginField"_s);
    m_login->setAccessibleName(tr("Identifiant"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"passwordField"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Mot de passe"));

    m_error = new QLabel(this);
    m_error->setObjectName(u"loginError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Identifiant :"), m_login);
    form->addRow(tr("&Mot de passe :"), m_password);

    auto* buttons = new QDialogButtonBox(this);
    m_loginButton = buttons->addButton(tr("Se &connecter"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(u"loginButton"_s);
    m_loginButton->setDefault(true);
    QPushButton* quit = buttons->addButton(tr("&Quitter"), QDialogButtonBox::RejectRole);
    quit->setObjectName(u"loginQuitButton"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(base);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::attemptLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Result<AgentIdentity>>::finished, this, &LoginDialog::finishLogin);
    connect(m_login, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    updateButton();
    m_login->setFocus();
}

void LoginDialog::updateButton()
{
    m_loginButton->setEnabled(!m_login->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::attemptLogin()
{
    if (!m_loginButton->isEnabled() || m_watcher.isRunning())
        return;
    // Argon2id is deliberately slow: check off the GUI thread (AuthService uses that
    // thread's own connection).
    setBusy(true);
    m_watcher.setFuture(
        QtConcurrent::run([auth = m_auth, login = m_login->text().trimmed(), password = m_password->text()] {
            return auth->login(login, password);
        }));
}

void LoginDialog::setBusy(bool busy)
{
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (busy) {
        m_loginButton->setEnabled(false);
        m_error->setText(tr("Vérification…"));
        m_error->show();
    } else {
        updateButton();
    }
}

void LoginDialog::finishLogin()
{
    const Result<AgentIdentity> result = m_watcher.result();
    setBusy(false);
    if (!result) {
        // AuthService words the refusal without naming the wrong field; other failures
        // (database) keep their own message.
        m_error->setText(result.error().code() == ErrorCode::AuthenticationFailed
                ? tr("Identifiant ou mot de passe incorrect.")
                : result.error().message());
        m_error->show();
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_agent = result.value();
    m_error->hide();
    accept();
}

} // namespace iris::shell
