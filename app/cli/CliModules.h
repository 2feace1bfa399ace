#pragma once

#include "core/cli/CliCommand.h"
#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/MigrationRunner.h"

#include <QString>
#include <memory>

namespace iris::cli {

/// The module plugins as iris-cli sees them: their schemas, permissions and dossier types,
/// exactly as in the desk, without any window. Used by the commands that create, upgrade or
/// fill a site (`db migrate`, `db status`, `demo seed`).
class CliModules final
{
public:
    CliModules();
    ~CliModules();
    CliModules(const CliModules&) = delete;
    CliModules& operator=(const CliModules&) = delete;

    /// Loads the plugins of `directory` (empty: the installed folder beside iris-cli).
    void load(const std::shared_ptr<Database>& database, const QString& directory = {});
    /// Loads the plugins of these folders, in order.
    void load(const std::shared_ptr<Database>& database, const QStringList& directories);
    /// The installed module folder, beside the executable.
    static QString installedDirectory();

    MigrationRunner& migrations() { return m_migrations; }
    DossierTypeRegistry& dossierTypes() { return m_dossierTypes; }
    ModuleContext& context() { return m_context; }
    ModuleManager& manager() { return m_manager; }

private:
    MigrationRunner m_migrations;
    DossierTypeRegistry m_dossierTypes;
    ModuleContext m_context;
    ModuleManager m_manager;
    bool m_loaded = false;
};

} // namespace iris::cli
