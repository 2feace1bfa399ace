#include "AccueilModule.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/CoreServices.h"
#include "core/storage/MigrationRunner.h"
#include "modules/accueil/cli/AccueilCli.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AccueilPermissions.h"
#include "modules/accueil/shared/AccueilSchema.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/AccueilFeature.h"

using namespace Qt::StringLiterals;

namespace iris::accueil {

AccueilModule::AccueilModule() = default;

AccueilModule::~AccueilModule()
{
    m_features.clear();
    m_controller.reset();
}

bool AccueilModule::initialize(ModuleContext& context, QString* errorMessage)
{
    // The database may be absent (iris-desk --list-modules): it is only used once pages open.
    if (!context.permissions) {
        if (errorMessage)
            *errorMessage = tr("L'accueil a besoin du registre des droits.");
        return false;
    }
    declarePermissions(*context.permissions);
    if (context.migrations)
        context.migrations->add(ids::SchemaOwner, accueilMigrations());
    m_controller = std::make_unique<AccueilController>(context);
    m_features = createAccueilFeatures();
    registerDemoContent(context);
    context.cliCommands.append(cliCommands(context));
    for (const auto& feature : m_features) {
        if (context.migrations)
            feature->registerSchema(*context.migrations);
        feature->declarePermissions(*context.permissions);
        feature->initialize(*m_controller);
    }
    return true;
}

void AccueilModule::registerDemoContent(ModuleContext& context)
{
    DemoContentSpec demo;
    demo.id = ids::SchemaOwner;
    demo.seed = [this](const DemoContentContext& demoContext) -> Result<QString> {
        CoreServices system(demoContext.database, Session::system(demoContext.permissions), nullptr);
        // Today's demo is set at the seeding time; another reference day at mid-morning.
        const QDateTime now = demoContext.referenceDate == QDate::currentDate()
            ? QDateTime::currentDateTime()
            : QDateTime(demoContext.referenceDate, QTime(10, 30));
        QStringList summaries;
        for (const auto& feature : m_features) {
            const Result<QString> added = feature->seedDemo(system, now);
            if (!added)
                return added.error();
            if (!added->isEmpty())
                summaries << *added;
        }
        return summaries.join(u"\n"_s);
    };
    context.demoContent.append(demo);
}

void AccueilModule::extensionsInitialized(ModuleContext& context)
{
    for (const auto& feature : m_features)
        feature->contribute(context, *m_controller);
    // A logout: the next agent gets none of the last one's windows or watchers.
    context.sessionEnded.append([this] {
        for (const auto& feature : m_features)
            feature->sessionEnded();
        m_controller->closeViews();
    });
}

void AccueilModule::aboutToShutdown()
{
    for (const auto& feature : m_features)
        feature->aboutToShutdown();
    if (m_controller)
        m_controller->closeViews();
}

} // namespace iris::accueil
