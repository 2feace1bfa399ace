#pragma once

#include "core/modules/IModule.h"

#include <QObject>

namespace iris::shelltest {

/// Declares a dependency on a module that does not exist: must be reported, never loaded.
class ShellOrphanModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)
public:
    bool initialize(ModuleContext& context, QString* errorMessage) override;
};

} // namespace iris::shelltest
