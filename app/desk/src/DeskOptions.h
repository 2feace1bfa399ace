#pragma once

#include <QString>
#include <QStringList>

namespace iris::shell {

/// What the command line asked for, with defaults resolved.
struct DeskOptions
{
    QString databasePath; ///< --db, default in the user's data folder
    QStringList modulePaths; ///< --module-path, then $IRIS_MODULE_PATH, then the installed folder
    QStringList disabledModules; ///< --disable-module (added to the site setting)
    bool listModules = false; ///< --list-modules: print and exit, no window, no database
    bool seedDemo = true; ///< --no-demo turns the first-start demo data off
    int demoCitizens = 3000; ///< --demo-citizens
};

} // namespace iris::shell
