#pragma once

#include <QString>
#include <QtPlugin>

namespace iris {

class ModuleContext;

/// A business module (Qt plugin). Lifecycle, as in Qt Creator's ExtensionSystem:
///  1. initialize() root-to-leaf (dependencies first): register migrations, dossier
///     types, workflows, permissions, record openers.
///  2. extensionsInitialized() leaf-to-root: contribute UI through the registries
///     (pages, actions, citizen 360° panels, settings pages, search providers).
///  3. aboutToShutdown() before the database closes.
/// A module sees the host only through ModuleContext; it never includes the shell.
class IModule
{
public:
    virtual ~IModule() = default;

    /// Returns false and fills errorMessage (French) when the module cannot start;
    /// the manager then reports it and skips the modules that depend on it.
    virtual bool initialize(ModuleContext& context, QString* errorMessage) = 0;
    virtual void extensionsInitialized(ModuleContext& context) { Q_UNUSED(context); }
    virtual void aboutToShutdown() { }
};

} // namespace iris

#define IrisModule_iid "fr.issy.iris.desk.IModule/1.0"
Q_DECLARE_INTERFACE(iris::IModule, IrisModule_iid)
