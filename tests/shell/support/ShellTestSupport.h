#pragma once

#include "core/base/Result.h"
#include "core/security/Permissions.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

class QWidget;

namespace iris::shell {
class DeskApplication;
class LoginDialog;
class MainWindow;
} // namespace iris::shell

namespace iris::shelltest {

/// Folders holding the test plugins (built by tests/shell/CMakeLists.txt).
QString goodModuleDir();
QString brokenModuleDir();
/// The real iris-desk executable.
QString deskBinary();

/// Makes the test hermetic: QStandardPaths test mode (so QSettings goes to ~/.qttest),
/// no IRIS_MODULE_PATH from the caller's environment.
void prepareEnvironment();

struct TestAgent
{
    QString login;
    QString displayName;
    QString password;
    Role role = Role::AgentAccueil;
};

/// Agents created by createSiteDatabase().
TestAgent counterAgent(); ///< agent d'accueil "c.accueil"
TestAgent adminAgent(); ///< administrateur "a.admin"

/// Creates a migrated site database (core schema only) with the two test agents: target is a
/// SQLite file path or a PostgreSQL URI, as --database takes.
Result<void> createSiteDatabase(const QString& target);

QByteArray fileBytes(const QString& path);

/// Redirects the process's stderr (fd 2) into a file while alive; text() reads it back.
class StderrCapture final
{
public:
    StderrCapture();
    ~StderrCapture();
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;
    /// Restores stderr (idempotent) and returns what was written meanwhile.
    QString finish();

private:
    int m_saved = -1;
    QString m_path;
    QString m_text;
};

/// The application's windows, as a test finds them.
shell::LoginDialog* findLoginDialog();
shell::MainWindow* findMainWindow();

/// Types credentials into the visible login dialog and clicks "Se connecter".
void typeCredentials(shell::LoginDialog* dialog, const QString& login, const QString& password);

} // namespace iris::shelltest
