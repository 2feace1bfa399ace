#include "modules/etatcivil/EtatCivilModule.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/services/CitizenMergeRegistry.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/EtatCivilFollowUpSource.h"
#include "modules/etatcivil/data/EtatCivilPermissions.h"
#include "modules/etatcivil/data/EtatCivilSchema.h"
#include "modules/etatcivil/data/EtatCivilTypes.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/data/Procedure.h"
#include "modules/etatcivil/ui/CitizenRequestsPanel.h"
#include "modules/etatcivil/ui/CounterRequestPage.h"
#include "modules/etatcivil/ui/EtatCivilController.h"
#include "modules/etatcivil/ui/ParametersPage.h"
#include "modules/etatcivil/ui/ProceduresPage.h"
#include "modules/etatcivil/ui/RequestListPage.h"

#include <QApplication>
#include <QPointer>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

/// Merging two citizen records: the person on an act follows; two recensement
/// attestations cannot be merged silently (one person, one attestation).
Result<void> mergeRecensements(QSqlDatabase& db, const Dialect&, qint64 kept, qint64 absorbed)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT COUNT(*) FROM ec_recensements WHERE citizen_id IN (:k, :a)"_s);
    q.bindValue(u":k"_s, kept);
    q.bindValue(u":a"_s, absorbed);
    if (!q.exec() || !q.next())
        return {}; // table absent (module not installed on this file)
    if (q.value(0).toInt() > 1)
        return Error(ErrorCode::Conflict,
                     QCoreApplication::translate("iris::etatcivil::EtatCivilModule",
                                                 "Les deux fiches ont chacune une attestation de recensement : "
                                                 "vérifiez avec le service de l'état civil avant de les fusionner."));
    QSqlQuery u(db);
    u.prepare(u"UPDATE ec_recensements SET citizen_id = :k WHERE citizen_id = :a"_s);
    u.bindValue(u":k"_s, kept);
    u.bindValue(u":a"_s, absorbed);
    if (!u.exec())
        return Database::classify(u.lastError(), u"fusion des recensements"_s);
    return {};
}

} // namespace

EtatCivilModule::EtatCivilModule() = default;
EtatCivilModule::~EtatCivilModule() = default;

bool EtatCivilModule::initialize(ModuleContext& context, QString* errorMessage)
{
    if (context.permissions)
        EtatCivilPermissions::declare(*context.permissions);
    if (context.migrations)
        context.migrations->add(ids::SchemaOwner, EtatCivilSchema::migrations());
    m_parameters = std::make_shared<ParameterStore>(context.database);
    if (context.dossierTypes) {
        if (auto r = EtatCivilTypes::registerAll(*context.dossierTypes, context.database, m_parameters); !r) {
            if (errorMessage)
                *errorMessage = r.error().toString();
            return false;
        }
    }
    CitizenMergeRegistry::instance().addReference(u"ec_act_requests"_s, u"person_citizen_id"_s);
    CitizenMergeRegistry::instance().addHook(u"etatcivil.recensements"_s, &mergeRecensements);
    m_controller = std::make_unique<EtatCivilController>(context, m_parameters);

    // État civil dossiers open in their page; any other dossier goes to the opener that was
    // there before (the Usagers module's, which this module depends on).
    EtatCivilController* c = m_controller.get();
    const RecordOpener previous = context.recordOpeners.value(ids::DossierKind);
    context.recordOpeners.insert(ids::DossierKind, [c, previous](qint64 id) {
        CoreServices* s = c->services();
        const auto dossier = s ? s->dossiers().get(id) : Result<Dossier>(Error(ErrorCode::NotFound, {}));
        if (dossier && dossier->typeId == ids::ActeType)
            c->openRequest(id);
        else if (dossier && procedureFromTypeId(dossier->typeId, nullptr))
            c->openProcedure(id);
        else if (previous)
            previous(id);
    });
    return true;
}

void EtatCivilModule::extensionsInitialized(ModuleContext& context)
{
    EtatCivilController* c = m_controller.get();
    context.sessionEnded.append([c] { c->unbind(); });
    const auto page = [&context](const QString& id, const QString& title, const QString& icon,
                                 const QString& permission, const QString& shortcut, int order,
                                 std::function<QWidget*(QWidget*)> create) {
        PageSpec spec;
        spec.id = id;
        spec.title = title;
        spec.iconName = icon;
        spec.permission = permission;
        spec.shortcut = shortcut;
        spec.order = order;
        spec.create = std::move(create);
        context.pages.add(spec);
    };
    // The form and the list sit side by side in the navigation: their titles must not read alike.
    page(ids::CounterPage, tr("Nouvelle demande d'acte"), u"etatcivil-demande"_s, ids::WritePermission, QString(),
         40, [c](QWidget* parent) { return new CounterRequestPage(*c, parent); });
    page(ids::RequestsPage, tr("Demandes d'actes"), u"etatcivil"_s, ids::ReadPermission,
         u"Ctrl+Shift+L"_s, 41, [c](QWidget* parent) { return new RequestListPage(*c, parent); });
    page(ids::ProceduresPage, tr("Démarches d'état civil"), u"etatcivil-demarches"_s, ids::ReadPermission,
         QString(), 42, [c](QWidget* parent) { return new ProceduresPage(*c, parent); });

    // Dated parameters: in the shell's "Paramètres" dialog (Ctrl+,), for the roles that may change them.
    SettingsPageSpec settings;
    settings.id = ids::ParametersPage;
    settings.title = tr("État civil");
    settings.permission = ids::SettingsPermission;
    settings.create = [c](QWidget* parent) { return new ParametersPage(*c, parent); };
    context.settingsPages.add(settings);

    const auto action = [&context](const QString& id, const QString& text, const QString& shortcut,
                                   const QString& permission, std::function<void()> trigger) {
        ActionSpec spec;
        spec.id = id;
        spec.text = text;
        spec.shortcut = shortcut;
        spec.permission = permission;
        spec.menu = tr("État civil");
        spec.trigger = std::move(trigger);
        context.actions.add(spec);
    };
    ModuleContext* ctx = &context;
    const auto onRequests = [ctx](void (RequestListPage::*method)()) {
        return [ctx, method] {
            if (!ctx->shell)
                return;
            ctx->shell->showPage(ids::RequestsPage);
            for (QWidget* w : QApplication::allWidgets()) {
                if (auto* p = qobject_cast<RequestListPage*>(w); p && p->isVisible())
                    (p->*method)();
            }
        };
    };
    action(ids::NewRequestAction, tr("Nouvelle demande d'acte"), u"Ctrl+Shift+A"_s, ids::WritePermission,
           [ctx] { if (ctx->shell) ctx->shell->showPage(ids::CounterPage); });
    action(ids::DeliverAction, tr("Délivrer l'acte"), u"Ctrl+D"_s, ids::WritePermission, onRequests(&RequestListPage::deliver));
    action(ids::RefuseAction, tr("Refuser la demande"), u"Ctrl+Shift+R"_s, ids::WritePermission,
           onRequests(&RequestListPage::refuse));
    action(ids::OrientAction, tr("Orienter la demande"), u"Ctrl+Shift+O"_s, ids::WritePermission,
           onRequests(&RequestListPage::orient));
    action(ids::OverdueAction, tr("Demandes en retard"), u"Ctrl+Shift+T"_s, ids::ReadPermission, [ctx] {
        if (!ctx->shell)
            return;
        ctx->shell->showPage(ids::RequestsPage);
        for (QWidget* w : QApplication::allWidgets()) {
            if (auto* p = qobject_cast<RequestListPage*>(w); p && p->isVisible())
                p->setOverdueOnly(true);
        }
    });
    action(ids::NewProcedureAction, tr("Nouvelle démarche d'état civil"), u"Ctrl+Shift+G"_s, ids::WritePermission,
           [ctx] { if (ctx->shell) ctx->shell->showPage(ids::ProceduresPage); });

    // Late requests and procedures on the "À traiter" page of whichever module shows it;
    // activated, the dossier opens through the shell (this module's dossier opener).
    context.followUpSources.addSource(std::make_shared<EtatCivilFollowUpSource>(context.dossierTypes),
                                      [ctx](const FollowUpItem& item) {
                                          if (ctx->shell)
                                              ctx->shell->openRecord(ids::DossierKind, item.id);
                                      });

    CitizenPanelSpec panel;
    panel.id = ids::CitizenPanel;
    panel.title = tr("État civil");
    panel.permission = ids::ReadPermission;
    panel.order = 40;
    panel.create = [c](qint64 citizenId, QWidget* parent) { return new CitizenRequestsPanel(*c, citizenId, parent); };
    context.citizenPanels.add(panel);
}

void EtatCivilModule::aboutToShutdown()
{
    CitizenMergeRegistry::instance().addHook(u"etatcivil.recensements"_s, {});
    // Release our database references while Qt is still up.
    m_controller.reset();
    m_parameters.reset();
}

} // namespace iris::etatcivil
