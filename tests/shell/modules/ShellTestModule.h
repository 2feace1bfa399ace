#pragma once

#include "core/modules/IModule.h"

#include <QObject>

namespace iris::shelltest {

/// A tiny module for the shell's tests: a schema step, two pages (one needing an
/// administrator's permission), actions with shortcuts (one clashing with Ctrl+Q on
/// purpose), a record opener and two search providers (one restricted).
class ShellTestModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)
public:
    bool initialize(ModuleContext& context, QString* errorMessage) override;
    void extensionsInitialized(ModuleContext& context) override;
};

} // namespace iris::shelltest
