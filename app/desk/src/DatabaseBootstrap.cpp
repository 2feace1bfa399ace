#include "app/desk/src/DatabaseBootstrap.h"

#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace iris::shell {

Result<std::shared_ptr<Database>> DatabaseBootstrap::open()
{
    if (m_config.driver != DatabaseConfig::Driver::Sqlite)
        return Database::open(m_config);
    const QString path = m_config.path;
    const QFileInfo info(path);
    m_createdFile = !info.exists();
    if (m_createdFile && !QDir().mkpath(info.absolutePath())) {
        return Error(ErrorCode::IoError,
            tr("Impossible de créer le dossier de la base de données : %1").arg(info.absolutePath()));
    }
    if (info.exists() && info.isDir()) {
        return Error(ErrorCode::InvalidArgument,
            tr("%1 est un dossier, pas une base de données.").arg(QDir::toNativeSeparators(path)));
    }
    return Database::open(m_config);
}

Result<void> DatabaseBootstrap::migrate(const Database& database, const MigrationRunner& migrations)
{
    const Result<int> before = MigrationRunner::installedVersion(database, kCoreSchemaOwner);
    if (!before)
        return before.error();
    m_firstStart = before.value() == 0;
    return migrations.run(database);
}

void DatabaseBootstrap::discardCreatedFile(Database& database) const
{
    if (!m_createdFile)
        return;
    database.closeAll();
    for (const QString& suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s })
        QFile::remove(m_config.path + suffix);
}

} // namespace iris::shell
