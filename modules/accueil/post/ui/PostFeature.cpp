#include "modules/accueil/post/PostDemo.h"
#include "modules/accueil/post/ui/PostFeature.h"

#include "core/modules/ModuleContext.h"
#include "core/storage/MigrationRunner.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostOverdueSource.h"
#include "modules/accueil/post/PostPermissions.h"
#include "modules/accueil/post/PostSchema.h"
#include "modules/accueil/post/ui/PostCitizenPanel.h"
#include "modules/accueil/post/ui/PostPage.h"
#include "modules/accueil/post/ui/PostSettingsPage.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilController.h"

namespace iris::accueil {

void PostFeature::registerSchema(MigrationRunner& migrations)
{
    migrations.add(PostSchemaOwner, postMigrations());
}

void PostFeature::declarePermissions(PermissionRegistry& permissions)
{
    declarePostPermissions(permissions);
}

PostPage* PostFeature::page(AccueilController& controller)
{
    if (controller.context().shell)
        controller.context().shell->showPage(ids::PostPage);
    return m_page;
}

void PostFeature::initialize(AccueilController& controller)
{
    controller.overdue().add(std::make_shared<PostOverdueSource>());
    AccueilController* c = &controller;
    controller.setOverdueOpener(ids::PostKind, [this, c](const OverdueItem& item) {
        if (PostPage* p = page(*c))
            p->showLetter(item.id);
    });
}

void PostFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    PageSpec spec;
    spec.id = ids::PostPage;
    spec.title = tr("Courrier");
    spec.iconName = QStringLiteral("courrier");
    // The counter keeps the register; a service's agent handles what is assigned to them.
    spec.permission = ids::PermPostHandle;
    spec.shortcut = QStringLiteral("Ctrl+Shift+P");
    spec.order = 25;
    spec.create = [this, c](QWidget* parent) {
        auto* p = new PostPage(*c, parent);
        m_page = p;
        return p;
    };
    context.pages.add(spec);

    CitizenPanelSpec panel;
    panel.id = ids::PostCitizenPanel;
    panel.title = tr("Courrier");
    panel.permission = ids::PermPostHandle;
    panel.order = 17;
    panel.create = [this, c](qint64 citizenId, QWidget* parent) {
        return new PostCitizenPanel(*c, citizenId, [this, c](qint64 letterId) {
            if (PostPage* p = page(*c))
                p->showLetter(letterId);
        }, parent);
    };
    context.citizenPanels.add(panel);

    SettingsPageSpec settings;
    settings.id = ids::PostSettingsPage;
    settings.title = tr("Accueil : registre du courrier");
    settings.permission = ids::PermConfigure;
    settings.create = [c](QWidget* parent) { return new PostSettingsPage(*c, parent); };
    context.settingsPages.add(settings);

    ActionSpec a;
    a.id = ids::RegisterLetterAction;
    a.text = tr("Enregistrer un courrier…");
    a.shortcut = QStringLiteral("Ctrl+Shift+C");
    a.permission = ids::PermPost;
    a.menu = tr("Accueil");
    a.trigger = [this, c] {
        if (PostPage* p = page(*c))
            p->registerLetter();
    };
    context.actions.add(a);
}

Result<QString> PostFeature::seedDemo(CoreServices& system, const QDateTime& now)
{
    return PostDemo::seed(system, now);
}

} // namespace iris::accueil
