#include "app/desk/src/ModuleListCommand.h"

#include "app/desk/src/ModuleHost.h"
#include "core/storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace iris::shell {

int ModuleListCommand::run(const DeskOptions& options, const QStringList& disabledModules)
{
    std::shared_ptr<Database> database;
    if (options.database.driver != DatabaseConfig::Driver::Sqlite || QFileInfo::exists(options.database.path)) {
        DatabaseConfig config = options.database;
        config.readOnly = true;
        Result<std::shared_ptr<Database>> opened = Database::open(config);
        if (opened)
            database = opened.value();
    }

    ModuleHost host;
    host.load(options.modulePaths, disabledModules, database, nullptr);

    QString text = host.manager().describe();
    if (text.trimmed().isEmpty()) {
        QStringList dirs;
        for (const QString& dir : options.modulePaths)
            dirs << QDir::toNativeSeparators(dir);
        text = tr("Aucun module trouvé (dossiers : %1).").arg(dirs.join(QStringLiteral(", ")));
    }
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);

    bool anyError = false;
    for (const ModuleSpec& spec : host.modules())
        anyError = anyError || spec.state == ModuleState::Error;
    host.shutdown();
    return anyError ? 3 : 0;
}

} // namespace iris::shell
