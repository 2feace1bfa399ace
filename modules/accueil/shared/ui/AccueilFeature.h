#pragma once

#include "core/base/Result.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace iris {
class CoreServices;
class MigrationRunner;
class ModuleContext;
class PermissionRegistry;
}

namespace iris::accueil {

class AccueilController;

/// One feature of the Accueil module (counter, phone, quick answers, follow-up; later
/// e-mail and post). The module creates every feature listed in AccueilFeatures.cpp and
/// drives them through its own lifecycle, so adding a channel is a folder of its own plus
/// one line there:
///   1. registerSchema(), declarePermissions() and initialize() during the module's
///      initialize(): tables (under an owner of the feature's own, e.g.
///      "accueil-courriel", so steps never collide), permissions, overdue sources
///      (controller.overdue().add(...), which registers them in the ModuleContext's
///      followUpSources beside other modules') and their openers (controller.setOverdueOpener()).
///   2. contribute() during extensionsInitialized(): pages, actions with shortcuts,
///      citizen 360° panels, settings pages.
///   3. sessionEnded() at each logout: stop what the session started (watchers…).
///   4. aboutToShutdown() before the database closes.
///   Demo databases: seedDemo() adds the feature's demo items as the system, once the
///   core's demo data is there (first start, `iris-cli demo seed`); French summary.
class AccueilFeature
{
public:
    virtual ~AccueilFeature() = default;
    virtual QString id() const = 0;
    virtual void registerSchema(MigrationRunner& migrations) { Q_UNUSED(migrations); }
    virtual void declarePermissions(PermissionRegistry& permissions) { Q_UNUSED(permissions); }
    virtual void initialize(AccueilController& controller) { Q_UNUSED(controller); }
    virtual void contribute(ModuleContext& context, AccueilController& controller) = 0;
    virtual void sessionEnded() { }
    virtual void aboutToShutdown() { }
    virtual Result<QString> seedDemo(CoreServices& system, const QDateTime& now)
    {
        Q_UNUSED(system);
        Q_UNUSED(now);
        return QString();
    }
};

/// Every feature of the module, in menu order (AccueilFeatures.cpp).
std::vector<std::unique_ptr<AccueilFeature>> createAccueilFeatures();

} // namespace iris::accueil
