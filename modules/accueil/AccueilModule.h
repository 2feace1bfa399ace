#pragma once

#include "core/modules/IModule.h"

#include <QObject>

#include <memory>
#include <vector>

namespace iris::accueil {

class AccueilController;
class AccueilFeature;

/// Accueil multicanal: the counter queue (tickets, desks, public display), the phone
/// intake and callbacks, quick answers, the overdue list and the 360° panel. Each channel
/// is an AccueilFeature (shared/ui/AccueilFeature.h); this plugin owns the schema of owner
/// "accueil", the permissions and the controller they share.
class AccueilModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)
public:
    AccueilModule();
    ~AccueilModule() override;

    bool initialize(ModuleContext& context, QString* errorMessage) override;
    void extensionsInitialized(ModuleContext& context) override;
    void aboutToShutdown() override;

private:
    /// One demo-content entry that runs every feature's seedDemo() as the system.
    void registerDemoContent(ModuleContext& context);

    std::unique_ptr<AccueilController> m_controller;
    std::vector<std::unique_ptr<AccueilFeature>> m_features;
};

} // namespace iris::accueil
