#pragma once

#include "app/desk/src/DeskOptions.h"

#include <QCoreApplication>

namespace iris::shell {

/// `iris-desk --list-modules`: loads the modules as a start would (site setting and
/// --disable-module honoured), prints one line per module found — id, version, name,
/// state and, when it did not load, why — and returns the exit code: 0 when every
/// module loaded or was disabled, 3 when one is in error. Opens no window and never
/// writes the database (opened read-only, if it exists, for modules that look at it).
class ModuleListCommand final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::ModuleListCommand)
public:
    static int run(const DeskOptions& options, const QStringList& disabledModules);
};

} // namespace iris::shell
