#pragma once

#include <QString>
#include <QStringList>

namespace iris::test {

/// Records the lifecycle calls of the dummy modules, in order ("initialize:socle"…).
/// Lives in its own shared library so the plugins and the test see the same log.
class ModuleCallLog final
{
public:
    ModuleCallLog() = delete;
    static void append(const QString& entry);
    static QStringList entries();
    /// Entries starting with `prefix` ("initialize:"), with the prefix removed.
    static QStringList entries(const QString& prefix);
    static void clear();
};

} // namespace iris::test
