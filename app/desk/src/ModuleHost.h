#pragma once

#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/MigrationRunner.h"

#include <QStringList>
#include <memory>

namespace iris {
class CoreServices;
}

namespace iris::shell {

/// Owns what the modules plug into: the ModuleContext and its registries, the
/// migration runner (core steps registered up front), the permission and dossier-type
/// registries, and helper A's ModuleManager that discovers and runs the plugins.
/// Knows no module by name.
class ModuleHost final
{
public:
    ModuleHost();
    ~ModuleHost();
    ModuleHost(const ModuleHost&) = delete;
    ModuleHost& operator=(const ModuleHost&) = delete;

    /// Discovers the plugins in `directories` and runs their initialize() then
    /// extensionsInitialized(). `database` may be null (--list-modules on no file),
    /// `shell` is null when there is no window.
    void load(const QStringList& directories, const QStringList& disabledModules,
        std::shared_ptr<Database> database, IShell* shell);

    /// Session-bound services handed to module UI factories (set after login).
    void setServices(CoreServices* services) { m_services = services; }

    ModuleContext& context() { return m_context; }
    const MigrationRunner& migrations() const { return m_migrations; }
    const DossierTypeRegistry& dossierTypes() const { return m_dossierTypes; }
    const std::shared_ptr<PermissionRegistry>& permissions() const { return m_context.permissions; }
    QList<ModuleSpec> modules() const { return m_manager.modules(); }
    const ModuleManager& manager() const { return m_manager; }

    /// aboutToShutdown() on every module (idempotent); call before the database closes.
    void shutdown();

private:
    MigrationRunner m_migrations;
    DossierTypeRegistry m_dossierTypes;
    CoreServices* m_services = nullptr;
    ModuleContext m_context;
    ModuleManager m_manager; // last: shut down before the registries it fed go away
};

} // namespace iris::shell
