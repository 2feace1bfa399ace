#include "CliCommand.h"

namespace iris::cli {

void registerKbCommands(QList<CliCommand>& commands)
{
    Q_UNUSED(commands);
}

} // namespace iris::cli
