#include "modules/accueil/shared/ui/FollowUpFeature.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilCitizenPanel.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/OverduePage.h"

namespace iris::accueil {

void FollowUpFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    PageSpec page;
    page.id = ids::OverduePage;
    page.title = tr("À traiter");
    page.iconName = QStringLiteral("a-traiter");
    page.permission = ids::PermFollowUp;
    page.shortcut = QStringLiteral("Ctrl+Shift+E");
    page.order = 15;
    page.create = [c](QWidget* parent) { return new OverduePage(*c, parent); };
    context.pages.add(page);

    CitizenPanelSpec panel;
    panel.id = ids::CitizenPanel;
    panel.title = tr("Accueil");
    panel.permission = perm::ContactRead;
    panel.order = 15;
    panel.create = [c](qint64 citizenId, QWidget* parent) { return new AccueilCitizenPanel(*c, citizenId, parent); };
    context.citizenPanels.add(panel);
}

} // namespace iris::accueil
