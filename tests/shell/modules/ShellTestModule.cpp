#include "ShellTestModule.h"

#include "ShellTestSearchProvider.h"
#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/MigrationRunner.h"

#include <QLabel>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::shelltest {

namespace {
const QString AdminPermission = u"shelltest.admin"_s;

Result<void> exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Database::classify(q.lastError(), u"schéma du module de test"_s);
    return {};
}
} // namespace

bool ShellTestModule::initialize(ModuleContext& context, QString* errorMessage)
{
    Q_UNUSED(errorMessage);
    context.permissions->declare(
        AdminPermission, u"Administrer le module de test"_s, { Role::Administrateur, Role::Superviseur });
    Migration step;
    step.version = 1;
    step.description = u"Fiches de test"_s;
    step.apply = [](QSqlDatabase& db, const Dialect&) -> Result<void> {
        for (const QString& sql :
            { u"CREATE TABLE shelltest_records (id INTEGER PRIMARY KEY, title TEXT NOT NULL, secret INTEGER NOT NULL)"_s,
                u"INSERT INTO shelltest_records (id, title, secret) VALUES (41, 'Alice Martin', 0), "
                "(42, 'Alain Bernard', 0), (43, 'Bob Durand', 0), (44, 'Alice Secret', 1)"_s }) {
            if (Result<void> r = exec(db, sql); !r)
                return r;
        }
        return {};
    };
    context.migrations->add(u"shelltest"_s, { step });

    IShell* shell = context.shell;
    context.recordOpeners.insert(u"shelltest.record"_s, [shell](qint64 id) {
        if (!shell)
            return;
        shell->showPage(u"shelltest.home"_s);
        shell->showStatusMessage(u"Fiche de test n° %1 ouverte"_s.arg(id), 60000);
    });
    return true;
}

void ShellTestModule::extensionsInitialized(ModuleContext& context)
{
    PageSpec home;
    home.id = u"shelltest.home"_s;
    home.title = u"Accueil de test"_s;
    home.order = 10;
    home.create = [](QWidget* parent) {
        auto* label = new QLabel(u"Page d'accueil de test"_s, parent);
        label->setObjectName(u"shellTestHomePage"_s);
        return label;
    };
    context.pages.add(home);

    PageSpec admin;
    admin.id = u"shelltest.admin"_s;
    admin.title = u"Administration de test"_s;
    admin.permission = AdminPermission;
    admin.order = 20;
    admin.create = [](QWidget* parent) {
        auto* label = new QLabel(u"Page réservée"_s, parent);
        label->setObjectName(u"shellTestAdminPage"_s);
        return label;
    };
    context.pages.add(admin);

    // Two settings pages for administrators, registered out of title order.
    for (const auto& [id, title] : {std::pair{u"shelltest.settings.b"_s, u"Réglages B de test"_s},
                                    std::pair{u"shelltest.settings.a"_s, u"Réglages A de test"_s}}) {
        SettingsPageSpec settings;
        settings.id = id;
        settings.title = title;
        settings.permission = AdminPermission;
        settings.create = [id](QWidget* parent) {
            auto* label = new QLabel(u"Page de réglages "_s + id, parent);
            label->setObjectName(id);
            return label;
        };
        context.settingsPages.add(settings);
    }

    IShell* shell = context.shell;
    ActionSpec ping;
    ping.id = u"shelltest.ping"_s;
    ping.text = u"Envoyer un signal de test"_s;
    ping.shortcut = u"Ctrl+Shift+T"_s;
    ping.menu = u"Test"_s;
    ping.trigger = [shell] {
        if (shell)
            shell->showStatusMessage(u"Signal de test reçu"_s, 60000);
    };
    context.actions.add(ping);

    ActionSpec adminOnly;
    adminOnly.id = u"shelltest.adminOnly"_s;
    adminOnly.text = u"Action réservée"_s;
    adminOnly.permission = AdminPermission;
    adminOnly.menu = u"Test"_s;
    adminOnly.trigger = [] {};
    context.actions.add(adminOnly);

    ActionSpec thief;
    thief.id = u"shelltest.thief"_s;
    thief.text = u"Voleur de raccourci"_s;
    thief.shortcut = u"Ctrl+Q"_s;
    thief.menu = u"Test"_s;
    thief.trigger = [] {};
    context.actions.add(thief);

    context.searchProviders.append(std::make_shared<ShellTestSearchProvider>(
        context.database, u"shelltest.records"_s, u"Fiches de test"_s, QString(), false));
    context.searchProviders.append(std::make_shared<ShellTestSearchProvider>(
        context.database, u"shelltest.secret"_s, u"Fiches confidentielles"_s, AdminPermission, true));
}

} // namespace iris::shelltest
