#include "CliCommand.h"

namespace iris::cli {

void registerDemoCommands(QList<CliCommand>& commands)
{
    Q_UNUSED(commands);
}

} // namespace iris::cli
