#include "modules/accueil/mail/ui/CourrielIntakeSettingsPage.h"

#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/mail/CourrielSettings.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CourrielIntakeSettingsPage::CourrielIntakeSettingsPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_days(new QSpinBox(this))
    , m_service(new ServiceChooser(u"intakeService"_s, this))
    , m_maildir(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Parcourir…"), this))
    , m_save(new QPushButton(tr("Enregistrer (Ctrl+S)"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"courrielIntakeSettingsPage"_s);
    m_days->setObjectName(u"intakeReplyDays"_s);
    m_maildir->setObjectName(u"intakeMaildir"_s);
    m_browse->setObjectName(u"intakeBrowse"_s);
    m_save->setObjectName(u"intakeSave"_s);
    m_status->setObjectName(u"intakeStatus"_s);
    m_status->setWordWrap(true);
    m_days->setRange(1, 60);
    m_days->setSuffix(tr(" jours ouvrés"));
    m_maildir->setPlaceholderText(tr("dossier Maildir (avec cur/, new/, tmp/) — vide : pas de relève"));

    auto* maildir = new QHBoxLayout;
    maildir->addWidget(m_maildir, 1);
    maildir->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Délai de réponse :"), m_days);
    form->addRow(tr("Service destinataire :"), m_service);
    form->addRow(tr("Boîte à relever :"), maildir);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Dossier Maildir"), m_maildir->text());
        if (!dir.isEmpty())
            m_maildir->setText(dir);
    });
    connect(m_save, &QPushButton::clicked, this, &CourrielIntakeSettingsPage::save);
    auto* saveKey = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &CourrielIntakeSettingsPage::save);
    load();
}

void CourrielIntakeSettingsPage::load()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    if (const Result<QList<MunicipalService>> services = s->directory().list(); services)
        m_service->setServices(*services);
    const Result<CourrielSettings::Values> v = CourrielSettings(*s).load();
    if (!v) {
        m_status->setText(v.error().toString());
        return;
    }
    m_days->setValue(v->replyDays);
    m_service->setCurrentService(v->defaultServiceId);
    m_maildir->setText(v->maildirPath);
    m_motiveThemeId = v->motiveThemeId;
}

void CourrielIntakeSettingsPage::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    CourrielSettings::Values v;
    v.replyDays = m_days->value();
    v.defaultServiceId = m_service->currentServiceId();
    v.motiveThemeId = m_motiveThemeId;
    v.maildirPath = m_maildir->text();
    const Result<CourrielSettings::Values> done = CourrielSettings(*s).save(v);
    if (!done) {
        m_status->setText(done.error().toString());
        return;
    }
    m_status->setText(tr("Réglages de réception enregistrés."));
    Q_EMIT saved();
}

} // namespace iris::accueil
