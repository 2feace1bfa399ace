#pragma once

#include <QString>

namespace iris::test {

/// Repository root (IRIS_SOURCE_DIR, set by ctest).
QString sourceDir();
/// Build root (IRIS_BINARY_DIR, set by ctest).
QString binaryDir();
/// The shared/ folder beside the repository (IRIS_SHARED_DIR, set by ctest).
QString sharedDir();

} // namespace iris::test
