#include "CliCommand.h"

#include <QCoreApplication>

#include <cstdio>

using namespace iris::cli;

static void printUsage(const QList<CliCommand>& commands, QTextStream& s)
{
    s << "Usage : iris-cli <groupe> <commande> [options]\n\nCommandes :\n";
    for (const CliCommand& c : commands)
        s << "  " << c.group << ' ' << c.verb << QString(qMax(1, 22 - c.group.size() - c.verb.size()), QLatin1Char(' '))
          << c.summary << '\n';
    s << "\n« iris-cli <groupe> <commande> --help » détaille les options.\n";
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iris-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("IRIS Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IRIS_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    CliIO io{out, err, in};

    QList<CliCommand> commands;
    registerCitizenCommands(commands);
    registerDemoCommands(commands);
    registerKbCommands(commands);
    registerKbSyncCommands(commands);
#ifdef IRIS_CLI_WITH_ACCUEIL
    registerMailCommands(commands);
#endif

    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")) {
        printUsage(commands, args.size() < 2 ? err : out);
        return args.size() < 2 ? ExitUsage : ExitOk;
    }
    if (args.at(1) == QLatin1String("--version")) {
        out << "iris-cli " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (args.size() < 3) {
        err << "Commande incomplète : indiquez une commande après « " << args.at(1) << " ».\n";
        printUsage(commands, err);
        return ExitUsage;
    }
    for (const CliCommand& c : commands) {
        if (c.group == args.at(1) && c.verb == args.at(2)) {
            QStringList rest{args.at(0) + QLatin1Char(' ') + c.group + QLatin1Char(' ') + c.verb};
            rest += args.mid(3);
            const int rc = c.run(rest, io);
            out.flush();
            err.flush();
            return rc;
        }
    }
    err << "Commande inconnue : « " << args.at(1) << ' ' << args.at(2) << " ».\n";
    printUsage(commands, err);
    return ExitUsage;
}
