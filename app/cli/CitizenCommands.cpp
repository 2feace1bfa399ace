#include "CliCommand.h"

namespace iris::cli {

void registerCitizenCommands(QList<CliCommand>& commands)
{
    Q_UNUSED(commands);
}

} // namespace iris::cli
