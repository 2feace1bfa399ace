#pragma once

#include "core/modules/ModuleSpec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace iris {

class IModule;
class ModuleContext;

/// Finds, orders, loads and runs the business modules (Qt plugins implementing IModule),
/// in the manner of Qt Creator's ExtensionSystem::PluginManager. Qt Core only.
///
///   ModuleManager manager;
///   manager.setDisabledModules(siteSettings.disabledModules);   // e.g. {"creches"}
///   manager.discover({moduleDir});            // reads metadata, loads nothing
///   manager.loadAll(context);                 // initialize root-to-leaf, then
///                                             // extensionsInitialized leaf-to-root
///   ... run ...
///   manager.shutdown();                       // aboutToShutdown, reverse order
///   for (const ModuleSpec& spec : manager.modules()) qInfo() << spec.describe();
///
/// Every problem is reported on the ModuleSpec concerned, in French, and never stops the
/// other modules: an unreadable file, two modules with the same id, a missing dependency
/// ("Le module « B » requiert « a », qui est absent."), a dependency cycle (naming it), a
/// library that fails to load (with the loader's message), a plugin whose initialize()
/// returns false (with its message), a module disabled by the site. A module whose
/// dependency did not load is skipped with the reason. Libraries stay loaded until the
/// process ends (the registries hold code from them); a module whose initialize() failed
/// is never called again, but what it registered before failing is not withdrawn.
/// Messages go to the "iris.modules" logging category (failures as warnings).
class ModuleManager final
{
    Q_DECLARE_TR_FUNCTIONS(iris::ModuleManager)

public:
    ModuleManager();
    ~ModuleManager(); ///< calls shutdown() if loadAll() ran and shutdown() did not
    ModuleManager(const ModuleManager&) = delete;
    ModuleManager& operator=(const ModuleManager&) = delete;

    /// Ids of the modules the site turned off (call before loadAll()).
    void setDisabledModules(const QStringList& ids);
    QStringList disabledModules() const;

    /// Whether discover() also takes the plugins linked into the executable
    /// (QPluginLoader::staticPlugins() with the IModule IID). Default: true.
    void setIncludeStaticPlugins(bool include);

    /// Scans each directory (non-recursively) for files named iris-module-*.so (the
    /// platform's library suffix) and reads their metadata without loading them; adds the
    /// static plugins. May be called once; later calls add what was not seen yet.
    void discover(const QStringList& directories);

    /// Resolves dependencies, loads the libraries and runs initialize() root-to-leaf, then
    /// extensionsInitialized() leaf-to-root. Call once, after discover().
    void loadAll(ModuleContext& context);

    /// aboutToShutdown() on every loaded module, in reverse initialisation order. Idempotent.
    void shutdown();

    /// Every module found: loaded ones first in initialisation order, then the others
    /// in discovery order (directory order, then file name; static plugins last).
    QList<ModuleSpec> modules() const;
    /// The spec with this id; nullptr when unknown.
    const ModuleSpec* spec(const QString& id) const;
    /// The instance of a loaded module; nullptr when it is not loaded.
    IModule* module(const QString& id) const;
    /// Ids of the loaded modules in initialisation order (dependencies first).
    QStringList loadOrder() const;
    /// One describe() line per module, for `iris-desk --list-modules` (empty text when
    /// nothing was found: the caller says "Aucun module trouvé.").
    QString describe() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris
