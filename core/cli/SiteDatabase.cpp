#include "core/cli/SiteDatabase.h"

#include "core/cli/CommandParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace iris::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::SiteDatabase", text);
}
} // namespace

QCommandLineOption databaseOption()
{
    return QCommandLineOption({ u"database"_s, u"db"_s },
        tr("Base de données du site : fichier SQLite ou adresse PostgreSQL "
           "(postgresql://utilisateur@serveur:5432/base). --db est accepté."),
        tr("CIBLE"));
}

Result<DatabaseConfig> databaseConfig(const CommandParser& parser)
{
    const QString target = parser.value(u"database"_s).trimmed();
    if (target.isEmpty())
        return Error(ErrorCode::InvalidArgument,
            tr("Indiquez la base avec --database CIBLE (fichier SQLite ou adresse postgresql://…)."));
    Result<DatabaseConfig> config = DatabaseConfig::fromTarget(target);
    if (config && config->driver == DatabaseConfig::Driver::Sqlite)
        config->path = QFileInfo(config->path).absoluteFilePath();
    return config;
}

Result<std::shared_ptr<Database>> openSite(DatabaseConfig config, const SiteOpenOptions& options)
{
    config.busyTimeoutMs = options.busyTimeoutMs;
    if (config.driver == DatabaseConfig::Driver::Sqlite && !options.createIfMissing
        && !QFileInfo(config.path).isFile())
        return Error(ErrorCode::NotFound,
            tr("La base « %1 » n'existe pas : créez-la d'abord (iris-desk, « iris-cli db migrate » ou "
               "« iris-cli demo seed »).")
                .arg(QDir::toNativeSeparators(config.path)));
    Result<std::shared_ptr<Database>> opened = Database::open(config);
    if (!opened && options.readOnlyFallback && opened.error().code() == ErrorCode::DatabaseReadOnly
        && config.driver == DatabaseConfig::Driver::Sqlite) {
        config.readOnly = true;
        opened = Database::open(config);
    }
    return opened;
}

void printError(QTextStream& err, const Error& error)
{
    err << error.toString() << '\n';
    if (!error.detail().isEmpty())
        err << tr("Détail technique : %1").arg(error.detail()) << '\n';
}

} // namespace iris::cli
