#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>

namespace iris::cli {

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// Standard streams, UTF-8.
struct CliIO
{
    QTextStream& out;
    QTextStream& err;
    QTextStream& in;
};

/// One `iris-cli <group> <verb>` command. `args` starts with "iris-cli <group> <verb>"
/// (the name its help shows) followed by the command's own options, ready for
/// CommandParser::parse. The core's commands are registered by iris-cli itself; a module
/// registers its own groups in ModuleContext::cliCommands, as it registers pages.
struct CliCommand
{
    QString group;
    QString verb;
    QString summary; ///< French, one line
    std::function<int(const QStringList& args, CliIO& io)> run;
};

} // namespace iris::cli
