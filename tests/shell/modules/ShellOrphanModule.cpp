#include "ShellOrphanModule.h"

namespace iris::shelltest {

bool ShellOrphanModule::initialize(ModuleContext& context, QString* errorMessage)
{
    Q_UNUSED(context);
    Q_UNUSED(errorMessage);
    return true;
}

} // namespace iris::shelltest
