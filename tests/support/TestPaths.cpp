#include "tests/support/TestPaths.h"

#include <QDir>

namespace iris::test {

static QString fromEnv(const char* name)
{
    return QDir::cleanPath(qEnvironmentVariable(name));
}

QString sourceDir() { return fromEnv("IRIS_SOURCE_DIR"); }
QString binaryDir() { return fromEnv("IRIS_BINARY_DIR"); }
QString sharedDir() { return fromEnv("IRIS_SHARED_DIR"); }

} // namespace iris::test
