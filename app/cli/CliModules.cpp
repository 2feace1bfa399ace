#include "CliModules.h"

#include "core/security/Permissions.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QDir>

namespace iris::cli {

CliModules::CliModules()
{
    m_migrations.add(kCoreSchemaOwner, coreMigrations());
    m_context.migrations = &m_migrations;
    m_context.permissions = std::make_shared<PermissionRegistry>();
    m_context.dossierTypes = &m_dossierTypes;
    m_context.services = [] { return nullptr; };
}

CliModules::~CliModules()
{
    if (m_loaded)
        m_manager.shutdown();
}

QString CliModules::installedDirectory()
{
    return QDir::cleanPath(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(IRIS_MODULE_RELDIR)));
}

void CliModules::load(const std::shared_ptr<Database>& database, const QString& directory)
{
    load(database, QStringList { directory.isEmpty() ? installedDirectory() : QDir::cleanPath(directory) });
}

void CliModules::load(const std::shared_ptr<Database>& database, const QStringList& directories)
{
    m_context.database = database;
    QStringList dirs;
    for (const QString& d : directories)
        dirs << QDir::cleanPath(d);
    dirs.removeDuplicates();
    m_manager.discover(dirs);
    m_manager.loadAll(m_context);
    m_loaded = true;
}

} // namespace iris::cli
