#pragma once

#include "core/modules/IModule.h"

#include <QObject>

#include <memory>

namespace iris::usagers {

class UsagersController;

/// The citizen directory module: the "Usagers" page, the citizen 360° page (opener
/// for kind "citizen"), the citizen actions, the core "Contacts" and "Dossiers"
/// panels of the 360° page, and the global-search providers for citizens and dossiers.
class UsagersModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)
public:
    UsagersModule();
    ~UsagersModule() override;

    bool initialize(ModuleContext& context, QString* errorMessage) override;
    void extensionsInitialized(ModuleContext& context) override;
    void aboutToShutdown() override;

private:
    std::unique_ptr<UsagersController> m_controller;
};

} // namespace iris::usagers
