#include "tests/support/TestEngines.h"
#include "tests/etatcivil/support/EtatCivilSite.h"

#include "core/demo/DemoSeeder.h"
#include "core/security/Permissions.h"
#include "core/services/AuthService.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/schema/CoreSchema.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/EtatCivilPermissions.h"
#include "modules/etatcivil/data/EtatCivilSchema.h"
#include "modules/etatcivil/data/EtatCivilTypes.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "tests/support/TestShell.h"
#include "tests/support/TestPaths.h"

#include <QSqlQuery>

namespace iris::test {

EtatCivilSite::EtatCivilSite() = default;

EtatCivilSite::~EtatCivilSite()
{
    if (m_shell)
        m_shell->closeWindow();
    m_manager.shutdown();
    m_services.reset();
    m_system.reset();
    if (m_db)
        m_db->closeAll();
}

bool EtatCivilSite::start(Mode mode, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("temporary folder"));
    const Result<DatabaseConfig> config = test::freshDatabaseConfig(m_dir.filePath(QStringLiteral("site.sqlite")));
    if (!config)
        return fail(config.error().toString());
    auto opened = Database::open(*config);
    if (!opened)
        return fail(opened.error().toString());
    m_db = *opened;
    m_parameters = std::make_shared<etatcivil::ParameterStore>(m_db);

    m_context.database = m_db;
    m_context.migrations = &m_migrations;
    m_context.permissions = std::make_shared<PermissionRegistry>();
    m_context.dossierTypes = &m_dossierTypes;
    m_context.services = [this] { return m_services.get(); };
    m_shell = std::make_unique<TestShell>(m_context);
    m_context.shell = m_shell.get();
    m_migrations.add(kCoreSchemaOwner, coreMigrations());

    if (mode == Mode::Plugins) {
        m_manager.setIncludeStaticPlugins(false);
        m_manager.discover({QString(binaryDir() + QStringLiteral("/lib/iris-desk/modules"))});
        m_manager.loadAll(m_context);
        const ModuleSpec* ec = m_manager.spec(etatcivil::ids::ModuleId);
        if (!ec || ec->state != ModuleState::Loaded)
            return fail(ec ? ec->describe() : QStringLiteral("module etatcivil introuvable"));
    } else {
        m_migrations.add(etatcivil::ids::SchemaOwner, etatcivil::EtatCivilSchema::migrations());
        etatcivil::EtatCivilPermissions::declare(*m_context.permissions);
        if (auto r = etatcivil::EtatCivilTypes::registerAll(m_dossierTypes, m_db, m_parameters); !r)
            return fail(r.error().toString());
    }
    if (auto r = m_migrations.run(*m_db); !r)
        return fail(r.error().toString());
    DemoSeedOptions options;
    options.citizens = 0;
    options.contacts = 0;
    options.seed = 11;
    if (auto seeded = DemoSeeder(m_db).seed(options); !seeded)
        return fail(seeded.error().toString());
    m_system = std::make_unique<CoreServices>(m_db, Session::system(m_context.permissions), &m_dossierTypes);
    return true;
}

bool EtatCivilSite::login(const QString& login, const QString& password, QString* error)
{
    const Result<AgentIdentity> agent = AuthService(m_db).login(login, password);
    if (!agent) {
        if (error)
            *error = agent.error().toString();
        return false;
    }
    const Session session(*agent, m_context.permissions);
    m_shell->setSession(session);
    m_services = std::make_unique<CoreServices>(m_db, session, &m_dossierTypes);
    return true;
}

qint64 EtatCivilSite::addCitizen(const QString& nom, const QString& prenoms, const QDate& birth)
{
    Citizen c;
    c.civilite = QStringLiteral("M.");
    c.nomUsage = nom;
    c.prenoms = prenoms;
    c.birthDate = birth;
    c.address.line1 = QStringLiteral("5 rue Ernest Renan");
    c.address.postcode = QStringLiteral("92130");
    c.address.city = QStringLiteral("Issy-les-Moulineaux");
    const Result<Citizen> created = m_system->citizens().create(c);
    if (!created)
        qWarning("addCitizen: %s", qPrintable(created.error().toString()));
    return created ? created->id : 0;
}

qint64 EtatCivilSite::scalar(const QString& sql) const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

const ActionSpec* EtatCivilSite::action(const QString& id) const
{
    for (const ActionSpec& spec : m_context.actions.items()) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

} // namespace iris::test
