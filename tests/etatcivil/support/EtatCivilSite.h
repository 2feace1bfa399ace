#pragma once

#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/MigrationRunner.h"

#include <QTemporaryDir>

#include <memory>

namespace iris {
class CoreServices;
class Database;
}

namespace iris::etatcivil {
class ParameterStore;
}

namespace iris::test {

class TestShell;

/// A real site for the État civil tests: a SQLite file in a temporary folder with the core
/// and état civil schemas, the demo agents and services directory, and either
/// - the module's types and permissions registered straight from iris_etatcivil_lib
///   (service tests), or
/// - the real plugins (usagers, etatcivil) loaded by the ModuleManager from the build's
///   module directory into a ModuleContext, as the shell does (GUI tests).
class EtatCivilSite final
{
public:
    enum class Mode { Library, Plugins };

    EtatCivilSite();
    ~EtatCivilSite();

    bool start(Mode mode, QString* error = nullptr);
    /// Logs in a demo agent ("accueil"/"accueil", "admin"/"admin"…) and binds the services.
    bool login(const QString& login, const QString& password, QString* error = nullptr);

    CoreServices* services() const { return m_services.get(); }
    CoreServices& system() { return *m_system; }
    const std::shared_ptr<Database>& database() const { return m_db; }
    std::shared_ptr<etatcivil::ParameterStore> parameters() const { return m_parameters; }
    ModuleContext& context() { return m_context; }
    ModuleManager& manager() { return m_manager; }
    TestShell& shell() { return *m_shell; }
    QString folder() const { return m_dir.path(); }

    qint64 addCitizen(const QString& nom, const QString& prenoms, const QDate& birth);
    /// A single integer from SQL (counting what was really saved).
    qint64 scalar(const QString& sql) const;
    const ActionSpec* action(const QString& id) const;

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Database> m_db;
    MigrationRunner m_migrations;
    DossierTypeRegistry m_dossierTypes;
    std::shared_ptr<etatcivil::ParameterStore> m_parameters;
    std::unique_ptr<CoreServices> m_system;
    std::unique_ptr<CoreServices> m_services;
    ModuleContext m_context;
    std::unique_ptr<TestShell> m_shell;
    ModuleManager m_manager;
};

} // namespace iris::test
