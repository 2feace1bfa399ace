#pragma once

#include "core/modules/IModule.h"

#include <QObject>

namespace iris::shelltest {

/// Depends on "shelltest"; adds one page. Shows dependency order in --list-modules.
class ShellExtraModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)
public:
    bool initialize(ModuleContext& context, QString* errorMessage) override;
    void extensionsInitialized(ModuleContext& context) override;
};

} // namespace iris::shelltest
