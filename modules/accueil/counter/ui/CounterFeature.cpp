#include "modules/accueil/counter/ui/CounterFeature.h"

#include "core/modules/ModuleContext.h"
#include "modules/accueil/counter/ui/CounterPage.h"
#include "modules/accueil/counter/ui/CounterSettingsPage.h"
#include "modules/accueil/counter/ui/PublicDisplayWindow.h"
#include "modules/accueil/shared/AccueilDemo.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilController.h"

namespace iris::accueil {

CounterPage* CounterFeature::page(AccueilController& controller)
{
    if (!m_page && controller.context().shell)
        controller.context().shell->showPage(ids::CounterPage);
    else if (m_page && controller.context().shell)
        controller.context().shell->showPage(ids::CounterPage);
    return m_page;
}

void CounterFeature::showDisplay(AccueilController& controller)
{
    if (!m_display) {
        m_display = new PublicDisplayWindow(controller);
        m_display->setAttribute(Qt::WA_DeleteOnClose);
        controller.track(m_display);
    }
    m_display->showOnSecondScreen();
}

void CounterFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    PageSpec spec;
    spec.id = ids::CounterPage;
    spec.title = tr("Guichet");
    spec.iconName = QStringLiteral("guichet");
    spec.permission = ids::PermCounter;
    spec.shortcut = QStringLiteral("Ctrl+G");
    spec.order = 10;
    spec.create = [this, c](QWidget* parent) {
        auto* page = new CounterPage(*c, parent);
        m_page = page;
        QObject::connect(page, &CounterPage::publicDisplayRequested, page, [this, c] { showDisplay(*c); });
        return page;
    };
    context.pages.add(spec);

    SettingsPageSpec settings;
    settings.id = ids::CounterSettingsPage;
    settings.title = tr("Accueil : catégories et guichets");
    settings.permission = ids::PermConfigure;
    settings.create = [c](QWidget* parent) { return new CounterSettingsPage(*c, parent); };
    context.settingsPages.add(settings);

    const auto action = [&context](const QString& id, const QString& text, const QString& shortcut,
                                   std::function<void()> trigger) {
        ActionSpec a;
        a.id = id;
        a.text = text;
        a.shortcut = shortcut;
        a.permission = ids::PermCounter;
        a.menu = tr("Accueil");
        a.trigger = std::move(trigger);
        context.actions.add(a);
    };
    action(ids::IssueTicketAction, tr("Émettre un ticket…"), QStringLiteral("F2"), [this, c] {
        if (CounterPage* p = page(*c))
            p->issueTicket();
    });
    action(ids::CallNextAction, tr("Appeler le suivant"), QStringLiteral("F4"), [this, c] {
        if (CounterPage* p = page(*c))
            p->callNext();
    });
    action(ids::PublicDisplayAction, tr("Affichage public des appels"), QStringLiteral("Ctrl+Shift+D"),
           [this, c] { showDisplay(*c); });
}

Result<QString> CounterFeature::seedDemo(CoreServices& system, const QDateTime& now)
{
    return AccueilDemo::seed(system, now);
}

} // namespace iris::accueil
