#pragma once

#include "core/storage/Database.h"

#include <QString>
#include <QStringList>

namespace iris::shell {

/// What the command line asked for, with defaults resolved.
struct DeskOptions
{
    /// --database (alias --db), else the workstation's setting [database] target, else the
    /// SQLite file in the user's data folder.
    DatabaseConfig database;
    /// Where this workstation keeps its local files: the SQLite file itself, or for a shared
    /// PostgreSQL site the default file's place (site.ini and the knowledge base go beside it).
    QString databasePath;
    QStringList modulePaths; ///< --module-path, then $IRIS_MODULE_PATH, then the installed folder
    QStringList disabledModules; ///< --disable-module (added to the site setting)
    bool listModules = false; ///< --list-modules: print and exit, no window, no database
    bool seedDemo = true; ///< --no-demo turns the first-start demo data off
    int demoCitizens = 3000; ///< --demo-citizens
};

} // namespace iris::shell
