#pragma once

#include "core/domain/Citizen.h"
#include "core/domain/Contact.h"
#include "core/domain/Dossier.h"
#include "core/modules/IShell.h"
#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/MigrationRunner.h"
#include "tests/support/TestShell.h"

#include <QHash>
#include <QPointer>
#include <QStackedWidget>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace iris {
class CoreServices;
class Database;
}

namespace iris::test {

/// A real site for the Usagers tests: a SQLite file in a temporary folder, migrated,
/// optionally seeded with demo data, and the real usagers plugin loaded from the build's
/// module directory by the ModuleManager into a ModuleContext, as the shell does.
class UsagersHarness final
{
public:
    UsagersHarness();
    ~UsagersHarness();

    /// Opens and migrates the database, loads the modules, installs the demo agents and
    /// reference data (and `citizens`/`contacts` synthetic records when non-zero).
    bool start(int citizens = 0, int contacts = 0, QString* error = nullptr);
    /// Modules to host (default: Usagers alone); the others in the build's folder are disabled.
    void setModules(const QStringList& ids) { m_wantedModules = ids; }
    /// Logs in through AuthService with a demo account ("accueil"/"accueil",
    /// "superviseur"/"superviseur"…) and binds the services handed to the module. A
    /// second login closes the pages and dialogs built for the previous agent.
    bool login(const QString& login, const QString& password, QString* error = nullptr);

    ModuleContext& context() { return m_context; }
    ModuleManager& manager() { return m_manager; }
    TestShell& shell() { return *m_shell; }
    const std::shared_ptr<Database>& database() const { return m_db; }
    QString databasePath() const;
    /// Services of the logged-in agent (null before login).
    CoreServices* services() const { return m_services.get(); }
    /// Services of the system account, for preparing test data.
    CoreServices& system() { return *m_system; }

    /// Creates a citizen through the core (system session); returns its id, 0 on failure.
    qint64 addCitizen(const QString& nom, const QString& prenoms, const QDate& birth = {},
                      const QString& phone = {}, const QString& email = {});
    /// Registers a dossier type as a business module would ("test.demande", prefix "TD",
    /// states recue → en_cours → traitee, due in 10 working days).
    bool addTestDossierType();
    /// Logs a contact for the citizen through the core (as agent "accueil"), `daysAgo`
    /// days back, on a leaf motive of the demo tree; returns its id.
    qint64 logContact(qint64 citizenId, ContactChannel channel, int daysAgo, const QString& summary = {});
    /// Opens a dossier of the test type for the citizen, `daysAgo` days back (its due
    /// date follows from that day); returns it (id 0 on failure).
    Dossier openDossier(qint64 citizenId, const QString& subject, int daysAgo = 0);

    /// Shows a page through the shell (creating it on first display).
    QWidget* showPage(const QString& pageId);
    const ActionSpec* action(const QString& id) const;
    /// Rows in citizens (straight from SQL, to check what was really saved).
    int citizenCount() const;
    /// Audit rows with this action and entity.
    int auditCount(const QString& action, const QString& kind, qint64 entityId) const;

private:
    QStringList m_wantedModules{QStringLiteral("usagers")};
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;
    MigrationRunner m_migrations;
    DossierTypeRegistry m_dossierTypes;
    std::unique_ptr<CoreServices> m_system;
    std::unique_ptr<CoreServices> m_services;
    ModuleContext m_context;
    std::unique_ptr<TestShell> m_shell;
    ModuleManager m_manager;
};

/// The top-level widget of this class and object name that is visible, else nullptr.
QWidget* findTopLevel(const QString& objectName);
/// Types text key by key like QTest::keyClicks, accented letters included
/// (keyClicks only takes ASCII).
void typeText(QWidget* widget, const QString& text);

} // namespace iris::test
