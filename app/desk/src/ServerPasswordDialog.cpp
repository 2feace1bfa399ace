#include "app/desk/src/ServerPasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::shell {

ServerPasswordDialog::ServerPasswordDialog(
    const QString& target, const QString& user, const QString& error, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"serverPasswordDialog"_s);
    setWindowTitle(tr("IRIS Desk — serveur de données"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Le serveur du site partagé demande le mot de passe du compte « %1 » :\n%2").arg(user, target), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!error.isEmpty()) {
        auto* refused = new QLabel(error, this);
        refused->setObjectName(u"serverPasswordError"_s);
        refused->setWordWrap(true);
        layout->addWidget(refused);
    }
    auto* form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"serverPasswordField"_s);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Mot de passe :"), m_password);
    layout->addLayout(form);
    auto* hint = new QLabel(tr("Pour ne plus le saisir, l'administrateur peut le placer dans ~/.pgpass."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Se &connecter"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"serverPasswordOk"_s);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Abandonner"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_password->setFocus();
    setMinimumWidth(460); // the site's address on one line
}

QString ServerPasswordDialog::password() const
{
    return m_password->text();
}

} // namespace iris::shell
