#include "modules/accueil/mail/MailDemo.h"
#include "modules/accueil/mail/ui/MailFeature.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielOverdueSource.h"
#include "modules/accueil/mail/CourrielSchema.h"
#include "modules/accueil/mail/CourrielSettings.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/MailPermissions.h"
#include "modules/accueil/mail/MailReplySchema.h"
#include "modules/accueil/mail/MaildirWatcher.h"
#include "modules/accueil/mail/ui/CourrielCitizenPanel.h"
#include "modules/accueil/mail/ui/CourrielIntakeSettingsPage.h"
#include "modules/accueil/mail/ui/CourrielRegisterPage.h"
#include "modules/accueil/mail/ui/MailUiIds.h"
#include "modules/accueil/mail/ui/ReplyTemplatesPage.h"
#include "modules/accueil/mail/ui/SmtpSettingsPage.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilController.h"

namespace iris::accueil {

MailFeature::MailFeature() = default;

MailFeature::~MailFeature() = default;

void MailFeature::registerSchema(MigrationRunner& migrations)
{
    registerCourrielSchema(migrations);
    registerMailReplySchema(migrations);
}

void MailFeature::declarePermissions(PermissionRegistry& permissions)
{
    declareMailPermissions(permissions);
}

void MailFeature::initialize(AccueilController& controller)
{
    controller.overdue().add(std::make_shared<CourrielOverdueSource>());
    AccueilController* c = &controller;
    controller.setOverdueOpener(
        ids::CourrielKind, [this, c](const OverdueItem& item) { showRegister(*c, item.id); });
}

void MailFeature::showRegister(AccueilController& controller, qint64 courrielId)
{
    ModuleContext& context = controller.context();
    if (!context.shell)
        return;
    context.shell->showPage(ids::MailRegisterPage);
    if (m_page && courrielId > 0)
        m_page->select(courrielId);
}

void MailFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    PageSpec page;
    page.id = ids::MailRegisterPage;
    page.title = tr("Courriels");
    page.iconName = QStringLiteral("courriel");
    page.permission = ids::PermMail;
    page.order = 17;
    page.create = [this, c](QWidget* parent) {
        auto* p = new CourrielRegisterPage(*c, parent);
        m_page = p;
        syncWatcher(*c, false);
        return p;
    };
    context.pages.add(page);

    ActionSpec open;
    open.id = ids::MailRegisterAction;
    open.text = tr("Registre des courriels");
    open.shortcut = QStringLiteral("Ctrl+Shift+I");
    open.permission = ids::PermMail;
    open.menu = tr("Accueil");
    open.trigger = [this, c] { showRegister(*c, 0); };
    context.actions.add(open);

    CitizenPanelSpec panel;
    panel.id = ids::MailCitizenPanel;
    panel.title = tr("Courriels");
    panel.permission = ids::PermMail;
    panel.order = 17;
    panel.create = [this, c](qint64 citizenId, QWidget* parent) {
        auto* p = new CourrielCitizenPanel(*c, citizenId, parent);
        QObject::connect(
            p, &CourrielCitizenPanel::courrielActivated, p, [this, c](qint64 id) { showRegister(*c, id); });
        return p;
    };
    context.citizenPanels.add(panel);

    SettingsPageSpec smtp;
    smtp.id = ids::MailSmtpSettings;
    smtp.title = tr("Envoi des courriels");
    smtp.permission = ids::PermConfigure;
    smtp.create = [c](QWidget* parent) { return new SmtpSettingsPage(*c, parent); };
    context.settingsPages.add(smtp);

    SettingsPageSpec templates;
    templates.id = ids::MailTemplatesSettings;
    templates.title = tr("Modèles de réponse aux courriels");
    templates.permission = ids::PermConfigure;
    templates.create = [c](QWidget* parent) { return new ReplyTemplatesPage(*c, parent); };
    context.settingsPages.add(templates);

    SettingsPageSpec intake;
    intake.id = ids::MailIntakeSettings;
    intake.title = tr("Réception des courriels");
    intake.permission = ids::PermConfigure;
    intake.create = [this, c](QWidget* parent) {
        auto* p = new CourrielIntakeSettingsPage(*c, parent);
        QObject::connect(p, &CourrielIntakeSettingsPage::saved, p, [this, c] { syncWatcher(*c, true); });
        return p;
    };
    context.settingsPages.add(intake);

    // Each login: watch the configured Maildir when the agent may handle courriels.
    context.sessionStarted.append([this, c] { syncWatcher(*c, false); });
}

void MailFeature::syncWatcher(AccueilController& controller, bool force)
{
    CoreServices* s = controller.services();
    const qint64 agent = s && s->session().can(ids::PermMail) ? s->session().agent().id : 0;
    if (agent == m_watchAgent && !force)
        return;
    m_watchAgent = agent;
    m_watcher.reset();
    if (agent == 0)
        return;
    const Result<CourrielSettings::Values> settings = CourrielSettings(*s).load();
    if (!settings || settings->maildirPath.isEmpty())
        return;
    m_watcher = std::make_unique<MaildirWatcher>(*s);
    AccueilController* c = &controller;
    QObject::connect(m_watcher.get(), &MaildirWatcher::failed, &controller,
        [c](const QString& message) { c->showStatus(message); });
    QObject::connect(
        m_watcher.get(), &MaildirWatcher::imported, &controller, [c](const MaildirImportReport& report) {
            if (report.imported > 0)
                c->showStatus(tr("%n nouveau(x) courriel(s) enregistré(s).", nullptr, report.imported));
        });
    if (const Result<void> started = m_watcher->start(settings->maildirPath); !started) {
        controller.showStatus(started.error().toString());
        m_watcher.reset();
    }
}

void MailFeature::sessionEnded()
{
    // The watcher imports with the session's services, which go away with the agent.
    m_watcher.reset();
    m_watchAgent = -1;
}

void MailFeature::aboutToShutdown()
{
    m_watcher.reset();
}

Result<QString> MailFeature::seedDemo(CoreServices& system, const QDateTime& now)
{
    return MailDemo::seed(system, now);
}

} // namespace iris::accueil
