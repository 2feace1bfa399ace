#pragma once

#include "core/base/Result.h"
#include "core/cli/CliCommand.h"
#include "core/security/Session.h"
#include "core/storage/Database.h"

#include <QList>
#include <memory>

namespace iris {
class CoreServices;
class Database;
class ModuleContext;
} // namespace iris

namespace iris::accueil {

/// The accueil module's iris-cli commands: `mail import`, `counter issue`,
/// `counter call-next`, `counter watch`. Registered in AccueilModule::initialize.
QList<cli::CliCommand> cliCommands(ModuleContext& context);

namespace cli_detail {
void addMailCommands(QList<cli::CliCommand>& commands, ModuleContext& context);
void addCounterCommands(QList<cli::CliCommand>& commands, ModuleContext& context);

/// Opens the site named by --database and brings every loaded schema up to date.
Result<std::shared_ptr<Database>> openAndMigrate(ModuleContext& context, const DatabaseConfig& config);
} // namespace cli_detail

} // namespace iris::accueil
