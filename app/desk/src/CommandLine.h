#pragma once

#include "app/desk/src/DeskOptions.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace iris::shell {

/// Parses iris-desk's command line (help in French). --help and --version are
/// answered here; parse() then returns no options and exitCode() says how to leave.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::CommandLine)
public:
    /// `arguments` includes the program name, as QCoreApplication::arguments().
    std::optional<DeskOptions> parse(const QStringList& arguments);

    /// Exit code when parse() returned nothing: 0 after --help/--version, 2 on bad usage.
    int exitCode() const { return m_exitCode; }
    /// Text to print when parse() returned nothing (stdout for 0, stderr otherwise).
    const QString& output() const { return m_output; }

    /// True when the arguments ask for a console answer only (--list-modules, --help,
    /// --version): no QApplication is needed, so it works without a display.
    static bool isConsoleOnly(int argc, char** argv);

    /// ~/.local/share/IRIS Desk/iris-desk.sqlite (QStandardPaths::AppDataLocation).
    static QString defaultDatabasePath();
    /// The workstation's settings file (~/.config/IRIS Desk/iris-desk.ini), whose
    /// [database] target names the shared site when --database is not given.
    static QString workstationSettingsPath();
    static QString workstationDatabaseTarget();
    /// The folder the build or the package puts the module plugins in, beside the executable.
    static QString installedModulePath();

private:
    int m_exitCode = 0;
    QString m_output;
};

} // namespace iris::shell
