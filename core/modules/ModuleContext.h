#pragma once

#include "core/cli/CliCommand.h"
#include "core/demo/DemoContent.h"
#include "core/modules/FollowUpSources.h"
#include "core/modules/IShell.h"
#include "core/modules/Registries.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace iris {

class Database;
class MigrationRunner;
class PermissionRegistry;
class DossierTypeRegistry;
class CoreServices;
class KnowledgeBaseAccess;

/// Everything a module may use of the system. Owned by the shell (or a test).
class ModuleContext
{
public:
    std::shared_ptr<Database> database;
    MigrationRunner* migrations = nullptr;            ///< register the module's schema steps
    std::shared_ptr<PermissionRegistry> permissions;  ///< declare the module's permissions
    DossierTypeRegistry* dossierTypes = nullptr;      ///< register dossier types and workflows
    /// Session-bound core services; null until an agent logs in (valid in UI factories).
    std::function<CoreServices*()> services;
    IShell* shell = nullptr;                          ///< null in headless contexts (CLI)
    /// The knowledge base (panel, article text and links); null without a KB.
    KnowledgeBaseAccess* knowledgeBase = nullptr;

    PageRegistry pages;
    ActionRegistry actions;
    CitizenPanelRegistry citizenPanels;
    SettingsPageRegistry settingsPages;
    QList<std::shared_ptr<SearchProvider>> searchProviders;
    QHash<QString, RecordOpener> recordOpeners;       ///< kind → opener
    /// Items with a due time for the "À traiter" page (callbacks, courriels, letters,
    /// late acte requests…): register in initialize() or extensionsInitialized().
    FollowUpRegistry followUpSources;
    /// Called on the GUI thread each time an agent has logged in, once services() returns
    /// the session's services and the shell shows its window: start what needs a session
    /// (a mailbox watcher…). Register in initialize() or extensionsInitialized().
    QList<std::function<void()>> sessionStarted;
    /// Called on the GUI thread when the agent logs out (or the application closes), once
    /// the main window is gone and while services() still returns the session's services:
    /// stop what sessionStarted started and drop the session's windows. The next login
    /// may be another agent's.
    QList<std::function<void()>> sessionEnded;
    /// Demo content added after the core's demo data (register in initialize()).
    QList<DemoContentSpec> demoContent;
    /// The module's `iris-cli <group> <verb>` commands (register in initialize()). iris-cli
    /// loads the modules without a database (database is null): a command opens the site
    /// itself (core/cli/SiteDatabase.h) and upgrades it with `migrations`, which then holds
    /// the core's and every loaded module's steps.
    QList<cli::CliCommand> cliCommands;
};

} // namespace iris
