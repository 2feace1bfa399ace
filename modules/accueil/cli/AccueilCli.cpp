#include "modules/accueil/cli/AccueilCli.h"

#include "core/cli/SiteDatabase.h"
#include "core/modules/ModuleContext.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"

namespace iris::accueil {

QList<cli::CliCommand> cliCommands(ModuleContext& context)
{
    QList<cli::CliCommand> commands;
    cli_detail::addMailCommands(commands, context);
    cli_detail::addCounterCommands(commands, context);
    return commands;
}

Result<std::shared_ptr<Database>> cli_detail::openAndMigrate(
    ModuleContext& context, const DatabaseConfig& config)
{
    Result<std::shared_ptr<Database>> db = cli::openSite(config);
    if (!db)
        return db;
    if (context.migrations) {
        if (Result<void> r = context.migrations->run(**db); !r)
            return r.error();
    }
    return db;
}

} // namespace iris::accueil
