#include "CliCommand.h"
#include "CliModules.h"

#include <QCoreApplication>
#include <QDir>
#include <algorithm>
#include <cstdio>

using namespace iris::cli;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::main", text);
}

bool isHelp(const QString& arg)
{
    return arg == QLatin1String("--help") || arg == QLatin1String("-h");
}

/// The commands of one group, or of every group when `group` is empty.
void printUsage(const QList<CliCommand>& commands, QTextStream& s, const QString& group = {})
{
    const QString app = QCoreApplication::applicationName();
    s << tr("Utilisation : %1 %2 <commande> [options]").arg(app, group.isEmpty() ? tr("<groupe>") : group)
      << "\n\n"
      << tr("Commandes :") << '\n';
    for (const CliCommand& c : commands) {
        if (!group.isEmpty() && c.group != group)
            continue;
        s << "  " << c.group << ' ' << c.verb
          << QString(qMax(1, 22 - c.group.size() - c.verb.size()), QLatin1Char(' ')) << c.summary << '\n';
    }
    if (group.isEmpty()) {
        s << '\n'
          << tr("Options :") << '\n'
          << "  -h, --help              " << tr("Affiche cette aide.") << '\n'
          << "  --version               " << tr("Affiche la version.") << '\n';
    }
    s << '\n'
      << tr("« %1 %2 <commande> --help » détaille les options.")
             .arg(app, group.isEmpty() ? tr("<groupe>") : group)
      << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iris-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("IRIS Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IRIS_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    CliIO io { out, err, in };

    QList<CliCommand> commands;
    registerCitizenCommands(commands);
    registerDbCommands(commands);
    registerDemoCommands(commands);
    registerKbCommands(commands);
    registerKbSyncCommands(commands);

    // The modules' own groups (mail, counter…): iris-cli knows no module by name, it loads
    // the plugins and lists what they register, as the desk does with pages. Not for the
    // core's groups, whose commands load the modules themselves when they need them.
    const QStringList args = app.arguments();
    QStringList coreGroups;
    for (const CliCommand& c : std::as_const(commands))
        coreGroups << c.group;
    CliModules modules;
    if (args.size() < 2 || !coreGroups.contains(args.at(1))) {
        QStringList dirs
            = qEnvironmentVariable("IRIS_MODULE_PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
        dirs << CliModules::installedDirectory();
        modules.load(nullptr, dirs);
        commands += modules.context().cliCommands;
    }

    if (args.size() < 2 || isHelp(args.at(1))) {
        printUsage(commands, args.size() < 2 ? err : out);
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args.at(1) == QLatin1String("--version")) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    const QString group = args.at(1);
    const bool knownGroup = std::any_of(
        commands.cbegin(), commands.cend(), [&](const CliCommand& c) { return c.group == group; });
    if (!knownGroup) {
        err << tr("Groupe de commandes inconnu : « %1 ».").arg(group) << '\n';
        printUsage(commands, err);
        return ExitUsage;
    }
    if (args.size() < 3 || isHelp(args.at(2))) {
        // `iris-cli kb --help` lists the group's commands; `iris-cli kb` alone is incomplete.
        if (args.size() >= 3) {
            printUsage(commands, out, group);
            return ExitOk;
        }
        err << tr("Commande incomplète : indiquez une commande après « %1 ».").arg(group) << '\n';
        printUsage(commands, err, group);
        return ExitUsage;
    }
    for (const CliCommand& c : commands) {
        if (c.group == group && c.verb == args.at(2)) {
            // The command's name as its help shows it: no path to the executable.
            QStringList rest { QCoreApplication::applicationName() + QLatin1Char(' ') + c.group
                + QLatin1Char(' ') + c.verb };
            rest += args.mid(3);
            const int rc = c.run(rest, io);
            out.flush();
            err.flush();
            return rc;
        }
    }
    err << tr("Commande inconnue : « %1 %2 ».").arg(group, args.at(2)) << '\n';
    printUsage(commands, err, group);
    return ExitUsage;
}
