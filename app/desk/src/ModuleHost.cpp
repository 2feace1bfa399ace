#include "app/desk/src/ModuleHost.h"

#include "core/security/Permissions.h"
#include "core/storage/schema/CoreSchema.h"

namespace iris::shell {

ModuleHost::ModuleHost()
{
    m_migrations.add(kCoreSchemaOwner, coreMigrations());
    m_context.migrations = &m_migrations;
    m_context.permissions = std::make_shared<PermissionRegistry>();
    m_context.dossierTypes = &m_dossierTypes;
    m_context.services = [this] { return m_services; };
}

ModuleHost::~ModuleHost()
{
    shutdown();
}

void ModuleHost::load(const QStringList& directories, const QStringList& disabledModules,
    std::shared_ptr<Database> database, IShell* shell)
{
    m_context.database = std::move(database);
    m_context.shell = shell;
    m_manager.setDisabledModules(disabledModules);
    m_manager.discover(directories);
    m_manager.loadAll(m_context);
}

void ModuleHost::shutdown()
{
    m_manager.shutdown();
}

} // namespace iris::shell
