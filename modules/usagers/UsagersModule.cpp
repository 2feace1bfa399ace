#include "modules/usagers/UsagersModule.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "modules/usagers/CitizenSearchProvider.h"
#include "modules/usagers/ContactsPanel.h"
#include "modules/usagers/DossierSearchProvider.h"
#include "modules/usagers/DossiersPanel.h"
#include "modules/usagers/UsagersController.h"
#include "modules/usagers/UsagersIds.h"

namespace iris::usagers {

namespace {

/// A named type, so the module can tell later whether this opener is still in place.
struct FallbackDossierOpener
{
    UsagersController* controller;
    void operator()(qint64 id) const { controller->openDossier(id); }
};

} // namespace

UsagersModule::UsagersModule() = default;
UsagersModule::~UsagersModule() = default;

bool UsagersModule::initialize(ModuleContext& context, QString* errorMessage)
{
    Q_UNUSED(errorMessage);
    m_controller = std::make_unique<UsagersController>(context);
    UsagersController* controller = m_controller.get();
    context.recordOpeners.insert(ids::CitizenKind, [controller](qint64 id) { controller->openCitizen(id); });
    // Modules that own dossier types come later and may register a richer opener;
    // until then a dossier opens on its citizen's 360° page.
    if (!context.recordOpeners.contains(ids::DossierKind))
        context.recordOpeners.insert(ids::DossierKind, FallbackDossierOpener{controller});
    return true;
}

void UsagersModule::extensionsInitialized(ModuleContext& context)
{
    UsagersController* c = m_controller.get();
    // Every other module has run both phases by now (this one is the root).
    c->setOwnsDossierOpener(context.recordOpeners.value(ids::DossierKind).target<FallbackDossierOpener>() != nullptr);

    PageSpec directory;
    directory.id = ids::DirectoryPage;
    directory.title = tr("Usagers");
    directory.iconName = QStringLiteral("usagers");
    directory.permission = perm::CitizenRead;
    directory.shortcut = QStringLiteral("Ctrl+U");
    directory.order = 20;
    directory.create = [c](QWidget* parent) { return c->createDirectoryPage(parent); };
    context.pages.add(directory);

    const auto action = [&context](const QString& id, const QString& text, const QString& shortcut,
                                   const QString& permission, std::function<void()> trigger) {
        ActionSpec spec;
        spec.id = id;
        spec.text = text;
        spec.shortcut = shortcut;
        spec.permission = permission;
        spec.menu = tr("Usagers");
        spec.trigger = std::move(trigger);
        context.actions.add(spec);
    };
    action(ids::FindCitizenAction, tr("Rechercher un usager"), QStringLiteral("Ctrl+Shift+U"), perm::CitizenRead,
           [c] { c->focusDirectorySearch(); });
    action(ids::NewCitizenAction, tr("Nouvel usager"), QStringLiteral("Ctrl+N"), perm::CitizenWrite,
           [c] { c->newCitizen(); });
    action(ids::EditCitizenAction, tr("Modifier la fiche de l'usager"), QStringLiteral("Ctrl+E"),
           perm::CitizenWrite, [c] { c->editCurrentCitizen(); });
    action(ids::HouseholdAction, tr("Foyer de l'usager…"), QStringLiteral("Ctrl+Shift+F"), perm::HouseholdWrite,
           [c] { c->manageCurrentHousehold(); });
    action(ids::MergeAction, tr("Fusionner deux fiches…"), QStringLiteral("Ctrl+Shift+M"), perm::CitizenMerge,
           [c] { c->mergeCitizens(c->currentCitizenId()); });

    CitizenPanelSpec contacts;
    contacts.id = ids::ContactsPanel;
    contacts.title = tr("Contacts");
    contacts.permission = perm::ContactRead;
    contacts.order = 10;
    contacts.create = [c](qint64 citizenId, QWidget* parent) { return new ContactsPanel(*c, citizenId, parent); };
    context.citizenPanels.add(contacts);

    CitizenPanelSpec dossiers;
    dossiers.id = ids::DossiersPanel;
    dossiers.title = tr("Dossiers");
    dossiers.permission = perm::DossierRead;
    dossiers.order = 20;
    dossiers.create = [c](qint64 citizenId, QWidget* parent) { return new DossiersPanel(*c, citizenId, parent); };
    context.citizenPanels.add(dossiers);

    context.searchProviders.append(std::make_shared<CitizenSearchProvider>(context.services));
    context.searchProviders.append(std::make_shared<DossierSearchProvider>(context.services, context.dossierTypes));
    // A logout: the 360° windows and dialogs belonged to the agent who left.
    context.sessionEnded.append([c] { c->closeViews(); });
}

void UsagersModule::aboutToShutdown()
{
    // Views hold references to the controller: close them while the services exist.
    if (m_controller)
        m_controller->closeViews();
}

} // namespace iris::usagers
