#include "tests/shell/support/ShellTestSupport.h"

#include "app/desk/src/LoginDialog.h"
#include "app/desk/src/MainWindow.h"
#include "core/domain/Agent.h"
#include "core/security/Session.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace iris::shelltest {

QString goodModuleDir()
{
    return QStringLiteral(SHELL_GOOD_MODULES);
}
QString brokenModuleDir()
{
    return QStringLiteral(SHELL_BROKEN_MODULES);
}
QString deskBinary()
{
    return QStringLiteral(IRIS_DESK_BINARY);
}

void prepareEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    qunsetenv("IRIS_MODULE_PATH");
}

TestAgent counterAgent()
{
    return { u"c.accueil"_s, u"Claire Accueil"_s, u"guichet-2026"_s, Role::AgentAccueil };
}

TestAgent adminAgent()
{
    return { u"a.admin"_s, u"Alain Admin"_s, u"admin-2026!"_s, Role::Administrateur };
}

Result<void> createSiteDatabase(const QString& target)
{
    const Result<DatabaseConfig> config = DatabaseConfig::fromTarget(target);
    if (!config)
        return config.error();
    Result<std::shared_ptr<Database>> opened = Database::open(*config);
    if (!opened)
        return opened.error();
    std::shared_ptr<Database> db = opened.value();
    MigrationRunner migrations;
    migrations.add(kCoreSchemaOwner, coreMigrations());
    if (Result<void> r = migrations.run(*db); !r)
        return r;

    auto permissions = std::make_shared<PermissionRegistry>();
    DossierTypeRegistry types;
    CoreServices services(db, Session::system(permissions), &types);
    for (const TestAgent& a : { counterAgent(), adminAgent() }) {
        Agent agent;
        agent.login = a.login;
        agent.displayName = a.displayName;
        agent.role = a.role;
        if (Result<Agent> created = services.agents().create(agent, a.password); !created)
            return created.error();
    }
    db->closeAll();
    return {};
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

StderrCapture::StderrCapture()
{
    QTemporaryFile file(QDir::temp().filePath(u"iris-stderr-XXXXXX"_s));
    file.setAutoRemove(false);
    if (!file.open())
        return;
    m_path = file.fileName();
    file.close();
    std::fflush(stderr);
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_TRUNC);
    if (fd < 0)
        return;
    m_saved = ::dup(STDERR_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
}

StderrCapture::~StderrCapture()
{
    finish();
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

QString StderrCapture::finish()
{
    if (m_saved >= 0) {
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        m_saved = -1;
        m_text = QString::fromLocal8Bit(fileBytes(m_path));
    }
    return m_text;
}

shell::LoginDialog* findLoginDialog()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<shell::LoginDialog*>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

shell::MainWindow* findMainWindow()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* window = qobject_cast<shell::MainWindow*>(w); window && window->isVisible())
            return window;
    }
    return nullptr;
}

void typeCredentials(shell::LoginDialog* dialog, const QString& login, const QString& password)
{
    auto* loginField = dialog->findChild<QLineEdit*>(u"loginField"_s);
    auto* passwordField = dialog->findChild<QLineEdit*>(u"passwordField"_s);
    auto* button = dialog->findChild<QPushButton*>(u"loginButton"_s);
    QVERIFY(loginField && passwordField && button);
    QTRY_VERIFY(loginField->isEnabled());
    loginField->clear();
    QTest::keyClicks(loginField, login);
    passwordField->clear();
    QTest::keyClicks(passwordField, password);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace iris::shelltest
