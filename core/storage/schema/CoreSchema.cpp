#include "core/storage/schema/CoreSchema.h"

namespace iris {

QList<Migration> coreMigrations()
{
    // One function per step, each in its own file; append new steps, never edit a shipped one.
    return {coreSchemaStep1(), coreSchemaStep2()};
}

} // namespace iris
