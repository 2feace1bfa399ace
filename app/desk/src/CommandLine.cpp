#include "app/desk/src/CommandLine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace iris::shell {

QString CommandLine::workstationSettingsPath()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, u"IRIS Desk"_s, u"iris-desk"_s).fileName();
}

QString CommandLine::workstationDatabaseTarget()
{
    // The user's file first, then the machine's (/etc/xdg/IRIS Desk/iris-desk.ini), as QSettings
    // falls back. A password never goes there: libpq reads ~/.pgpass or PGPASSFILE.
    const QSettings settings(QSettings::IniFormat, QSettings::UserScope, u"IRIS Desk"_s, u"iris-desk"_s);
    return settings.value(u"database/target"_s).toString().trimmed();
}

QString CommandLine::defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(u"iris-desk.sqlite"_s);
}

QString CommandLine::installedModulePath()
{
    // IRIS_MODULE_RELDIR is the install layout's path from bin/ to the modules folder;
    // the build tree mirrors it.
    return QDir::cleanPath(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(IRIS_MODULE_RELDIR)));
}

bool CommandLine::isConsoleOnly(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--list-modules" || arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

std::optional<DeskOptions> CommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("IRIS Desk — poste de travail de l'accueil multicanal municipal.\n\n"
           "Réglage du site : un fichier INI à côté de la base (site.sqlite → site.ini) peut désactiver\n"
           "des modules :\n  [modules]\n  disabled=id1, id2"));
    const QCommandLineOption helpOption({ u"h"_s, u"help"_s }, tr("Affiche cette aide et quitte."));
    const QCommandLineOption versionOption({ u"v"_s, u"version"_s }, tr("Affiche la version et quitte."));
    const QCommandLineOption dbOption({ u"database"_s, u"db"_s },
        tr("Base de données du site : fichier SQLite, ou adresse du serveur partagé\n"
           "(postgresql://utilisateur@serveur:5432/base ; mot de passe dans ~/.pgpass).\n"
           "Par défaut : le réglage [database] target du poste (%1), sinon %2.")
            .arg(workstationSettingsPath(), defaultDatabasePath()),
        tr("cible"));
    const QCommandLineOption modulePathOption(u"module-path"_s,
        tr("Dossier des modules (répétable). S'ajoute à IRIS_MODULE_PATH et au dossier installé (%1).")
            .arg(installedModulePath()),
        tr("dossier"));
    const QCommandLineOption listOption(u"list-modules"_s,
        tr("Liste les modules trouvés, leur version et leur état, puis quitte (sans fenêtre ni écriture)."));
    const QCommandLineOption disableOption(u"disable-module"_s,
        tr("Désactive un module pour cette session (répétable), en plus du réglage du site."), tr("id"));
    const QCommandLineOption noDemoOption(
        u"no-demo"_s, tr("Au premier démarrage, crée la base sans données de démonstration."));
    const QCommandLineOption demoCitizensOption(u"demo-citizens"_s,
        tr("Nombre d'usagers de démonstration créés au premier démarrage (3000 par défaut)."), tr("nombre"));
    parser.addOptions({ helpOption, versionOption, dbOption, modulePathOption, listOption, disableOption,
        noDemoOption, demoCitizensOption });

    if (!parser.parse(arguments)) {
        m_exitCode = 2;
        // Qt's own message is English unless its translations are installed: say it ourselves.
        const QStringList unknown = parser.unknownOptionNames();
        static const QRegularExpression missing(u"^Missing value after '(.*)'\\.$"_s);
        static const QRegularExpression unexpected(u"^Unexpected value after '(.*)'\\.$"_s);
        QString why = parser.errorText();
        if (!unknown.isEmpty())
            why = tr("Option inconnue : %1").arg(unknown.constFirst());
        else if (const QRegularExpressionMatch m = missing.match(why); m.hasMatch())
            why = tr("Valeur manquante après %1").arg(m.captured(1));
        else if (const QRegularExpressionMatch m = unexpected.match(why); m.hasMatch())
            why = tr("Valeur inattendue après %1").arg(m.captured(1));
        m_output = tr("%1\nVoir « iris-desk --help ».").arg(why);
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        m_exitCode = 0;
        m_output = parser.helpText();
        // Qt's usage line names the executable by its full path, in English unless Qt's
        // translations are installed: the program's name alone, in French.
        const QString program = QFileInfo(arguments.value(0)).fileName();
        const qsizetype firstLineEnd = m_output.indexOf(u'\n');
        m_output.replace(0, firstLineEnd < 0 ? m_output.size() : firstLineEnd,
            tr("Utilisation : %1 [options]").arg(program.isEmpty() ? u"iris-desk"_s : program));
        m_output.replace(u"\nOptions:\n"_s, tr("\nOptions :\n"));
        return std::nullopt;
    }
    if (parser.isSet(versionOption)) {
        m_exitCode = 0;
        m_output = tr("IRIS Desk %1").arg(QStringLiteral(IRIS_VERSION));
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_exitCode = 2;
        m_output = tr("Argument inattendu : %1\nVoir « iris-desk --help ».")
                       .arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }

    DeskOptions options;
    QString target = parser.value(dbOption).trimmed();
    if (!parser.isSet(dbOption))
        target = workstationDatabaseTarget();
    if (target.isEmpty())
        target = defaultDatabasePath();
    Result<DatabaseConfig> config = DatabaseConfig::fromTarget(target);
    if (!config) {
        m_exitCode = 2;
        m_output = tr("%1\nVoir « iris-desk --help ».").arg(config.error().message());
        return std::nullopt;
    }
    options.database = *config;
    if (options.database.driver == DatabaseConfig::Driver::Sqlite) {
        options.database.path = QDir::cleanPath(QDir::current().absoluteFilePath(options.database.path));
        options.databasePath = options.database.path;
    } else {
        options.databasePath = defaultDatabasePath();
    }
    options.modulePaths = parser.values(modulePathOption);
    const QString envPath = qEnvironmentVariable("IRIS_MODULE_PATH");
    for (const QString& dir : envPath.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        options.modulePaths << dir;
    options.modulePaths << installedModulePath();
    for (QString& dir : options.modulePaths)
        dir = QDir::cleanPath(QDir::current().absoluteFilePath(dir));
    options.modulePaths.removeDuplicates();

    options.disabledModules = parser.values(disableOption);
    options.listModules = parser.isSet(listOption);
    options.seedDemo = !parser.isSet(noDemoOption);
    if (parser.isSet(demoCitizensOption)) {
        bool ok = false;
        const int n = parser.value(demoCitizensOption).toInt(&ok);
        if (!ok || n < 0 || n > 1000000) {
            m_exitCode = 2;
            m_output = tr("--demo-citizens attend un nombre entre 0 et 1000000 (reçu : %1).")
                           .arg(parser.value(demoCitizensOption));
            return std::nullopt;
        }
        options.demoCitizens = n;
    }
    return options;
}

} // namespace iris::shell
