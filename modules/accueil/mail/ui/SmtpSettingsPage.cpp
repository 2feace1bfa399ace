#include "modules/accueil/mail/ui/SmtpSettingsPage.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/SmtpSender.h"
#include "modules/accueil/mail/SmtpSettingsStore.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace iris::accueil {

SmtpSettingsPage::SmtpSettingsPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_fromAddress(new QLineEdit(this))
    , m_fromName(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_caFile(new QLineEdit(this))
    , m_signature(new QPlainTextEdit(this))
    , m_test(new QPushButton(tr("Tester la connexion"), this))
    , m_save(new QPushButton(tr("Enregistrer (Ctrl+S)"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"smtpSettingsPage"_s);
    m_host->setObjectName(u"smtpHost"_s);
    m_port->setObjectName(u"smtpPort"_s);
    m_security->setObjectName(u"smtpSecurity"_s);
    m_user->setObjectName(u"smtpUser"_s);
    m_password->setObjectName(u"smtpPassword"_s);
    m_fromAddress->setObjectName(u"smtpFromAddress"_s);
    m_fromName->setObjectName(u"smtpFromName"_s);
    m_timeout->setObjectName(u"smtpTimeout"_s);
    m_caFile->setObjectName(u"smtpCaFile"_s);
    m_caFile->setPlaceholderText(tr("vide = autorités du système ; sinon fichier PEM de l'autorité interne"));
    m_signature->setObjectName(u"smtpSignature"_s);
    m_test->setObjectName(u"smtpTest"_s);
    m_save->setObjectName(u"smtpSave"_s);
    m_status->setObjectName(u"smtpStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_host->setPlaceholderText(tr("smtp.ville.fr"));
    m_port->setRange(1, 65535);
    m_timeout->setRange(1, 300);
    m_timeout->setSuffix(tr(" s"));
    for (SmtpSecurity s : { SmtpSecurity::None, SmtpSecurity::StartTls, SmtpSecurity::Ssl })
        m_security->addItem(smtpSecurityLabel(s), int(s));
    m_password->setEchoMode(QLineEdit::Password);
    m_user->setPlaceholderText(tr("vide = pas d'identification"));
    m_signature->setMaximumHeight(110);

    auto* form = new QFormLayout;
    form->addRow(tr("Serveur :"), m_host);
    form->addRow(tr("Port :"), m_port);
    form->addRow(tr("Sécurité :"), m_security);
    form->addRow(tr("Identifiant :"), m_user);
    form->addRow(tr("Mot de passe :"), m_password);
    form->addRow(tr("Adresse d'expédition :"), m_fromAddress);
    form->addRow(tr("Nom d'expéditeur :"), m_fromName);
    form->addRow(tr("Délai d'attente :"), m_timeout);
    form->addRow(tr("Certificat d'autorité :"), m_caFile);
    form->addRow(tr("Signature des réponses :"), m_signature);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_test);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    // Usual ports follow the security chosen, unless a custom one was typed.
    connect(m_security, &QComboBox::activated, this, [this] {
        const int port = m_port->value();
        if (port == 25 || port == 465 || port == 587) {
            switch (SmtpSecurity(m_security->currentData().toInt())) {
            case SmtpSecurity::None:
                m_port->setValue(25);
                break;
            case SmtpSecurity::StartTls:
                m_port->setValue(587);
                break;
            case SmtpSecurity::Ssl:
                m_port->setValue(465);
                break;
            }
        }
    });
    connect(m_test, &QPushButton::clicked, this, &SmtpSettingsPage::test);
    connect(m_save, &QPushButton::clicked, this, &SmtpSettingsPage::save);
    auto* saveKey = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &SmtpSettingsPage::save);
    connect(&m_testing, &QFutureWatcher<Result<void>>::finished, this, &SmtpSettingsPage::onTested);
    load();
}

SmtpSettingsPage::~SmtpSettingsPage()
{
    m_testing.waitForFinished();
}

void SmtpSettingsPage::load()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<SmtpSettingsStore::Values> v = SmtpSettingsStore(*s).loadForEditing();
    if (!v) {
        m_status->setText(v.error().toString());
        return;
    }
    m_host->setText(v->smtp.host);
    m_port->setValue(v->smtp.port);
    m_security->setCurrentIndex(m_security->findData(int(v->smtp.security)));
    m_user->setText(v->smtp.user);
    m_password->clear();
    m_passwordStored = v->passwordStored;
    m_password->setPlaceholderText(
        m_passwordStored ? tr("enregistré — laisser vide pour le conserver") : tr("aucun"));
    m_fromAddress->setText(v->smtp.fromAddress);
    m_fromName->setText(v->smtp.fromName);
    m_timeout->setValue(v->smtp.timeoutSeconds);
    m_caFile->setText(v->smtp.caFile);
    m_signature->setPlainText(v->signature);
}

void SmtpSettingsPage::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    SmtpSettingsStore::Values v;
    v.smtp.host = m_host->text();
    v.smtp.port = m_port->value();
    v.smtp.security = SmtpSecurity(m_security->currentData().toInt());
    v.smtp.user = m_user->text();
    v.smtp.password = m_password->text();
    v.smtp.fromAddress = m_fromAddress->text();
    v.smtp.fromName = m_fromName->text();
    v.smtp.timeoutSeconds = m_timeout->value();
    v.smtp.caFile = m_caFile->text();
    v.signature = m_signature->toPlainText();
    // No user: no password to keep either.
    const bool replace
        = !m_password->text().isEmpty() || (v.smtp.user.trimmed().isEmpty() && m_passwordStored);
    const auto saved = SmtpSettingsStore(*s).save(
        v, replace ? SmtpSettingsStore::Password::Replace : SmtpSettingsStore::Password::Keep);
    if (!saved) {
        m_status->setText(saved.error().toString());
        return;
    }
    load();
    m_status->setText(tr("Paramètres d'envoi enregistrés."));
}

void SmtpSettingsPage::test()
{
    CoreServices* s = m_controller.services();
    if (!s || m_testing.isRunning())
        return;
    SmtpSettings settings;
    settings.host = m_host->text().trimmed();
    settings.port = m_port->value();
    settings.security = SmtpSecurity(m_security->currentData().toInt());
    settings.user = m_user->text().trimmed();
    settings.password = m_password->text();
    settings.fromAddress = m_fromAddress->text().trimmed();
    settings.timeoutSeconds = m_timeout->value();
    settings.caFile = m_caFile->text().trimmed();
    if (settings.password.isEmpty() && m_passwordStored && !settings.user.isEmpty()) {
        const Result<SmtpSettingsStore::Values> stored = SmtpSettingsStore(*s).load();
        if (!stored) {
            m_status->setText(stored.error().toString());
            return;
        }
        settings.password = stored->smtp.password;
    }
    m_test->setEnabled(false);
    m_status->setText(tr("Connexion à %1:%2…").arg(settings.host).arg(settings.port));
    m_testing.setFuture(QtConcurrent::run([settings] { return SmtpSender(settings).testConnection(); }));
}

void SmtpSettingsPage::onTested()
{
    m_test->setEnabled(true);
    const Result<void> r = m_testing.result();
    m_status->setText(r ? tr("Connexion réussie : le serveur accepte les envois.") : r.error().toString());
}

} // namespace iris::accueil
