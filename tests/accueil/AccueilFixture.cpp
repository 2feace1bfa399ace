#include "tests/accueil/AccueilFixture.h"
#include "tests/support/TestEngines.h"

#include "core/demo/DemoSeeder.h"
#include "core/domain/Agent.h"
#include "core/domain/Citizen.h"
#include "core/domain/MotiveTheme.h"
#include "core/services/AgentService.h"
#include "core/services/AppointmentService.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/DirectoryService.h"
#include "core/storage/schema/CoreSchema.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/AccueilPermissions.h"
#include "modules/accueil/shared/AccueilSchema.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::test {

AccueilFixture::AccueilFixture() = default;

AccueilFixture::~AccueilFixture()
{
    system.reset();
    if (db)
        db->closeAll();
}

QString AccueilFixture::path() const
{
    return db ? db->config().path : QString();
}

bool AccueilFixture::start(QString* error, const QString& path)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    accueil::declarePermissions(*permissions);
    DatabaseConfig config;
    if (path.isEmpty()) {
        // A new database of the suite's engine (SQLite file, or PostgreSQL for the _pg runs).
        Result<DatabaseConfig> fresh = test::freshDatabaseConfig(m_dir.filePath(u"site.sqlite"_s));
        if (!fresh)
            return fail(fresh.error().toString());
        config = *fresh;
    } else {
        config.path = path;
    }
    config.busyTimeoutMs = 20000;
    Result<std::shared_ptr<Database>> opened = Database::open(config);
    if (!opened)
        return fail(opened.error().toString());
    db = *opened;
    m_migrations.add(kCoreSchemaOwner, coreMigrations());
    m_migrations.add(accueil::ids::SchemaOwner, accueil::accueilMigrations());
    if (Result<void> r = m_migrations.run(*db); !r)
        return fail(r.error().toString());
    DemoSeedOptions options;
    options.citizens = 0;
    options.contacts = 0;
    if (const auto seeded = DemoSeeder(db).seed(options); !seeded)
        return fail(seeded.error().toString());
    system = std::make_unique<CoreServices>(db, Session::system(permissions), &dossierTypes);
    if (const Result<bool> r = accueil::CounterSetup(*system).installDefaults(); !r)
        return fail(r.error().toString());
    return true;
}

AgentIdentity AccueilFixture::identity(const QString& login)
{
    const Result<Agent> agent = system->agents().findByLogin(login);
    AgentIdentity id;
    if (!agent)
        return id;
    id.id = agent->id;
    id.login = agent->login;
    id.displayName = agent->displayName;
    id.role = agent->role;
    id.serviceId = agent->serviceId;
    return id;
}

std::unique_ptr<CoreServices> AccueilFixture::as(const QString& login)
{
    auto services = std::make_unique<CoreServices>(db, Session(identity(login), permissions), &dossierTypes);
    services->contacts().setClock(clock());
    services->appointments().setClock(clock());
    services->directory().setClock(clock());
    return services;
}

qint64 AccueilFixture::serviceId(const QString& code)
{
    const Result<MunicipalService> s = system->directory().findByCode(code);
    return s ? s->id : 0;
}

qint64 AccueilFixture::motiveId(const QString& code)
{
    const Result<MotiveTheme> m = system->contacts().motiveThemeByCode(code);
    return m ? m->id : 0;
}

qint64 AccueilFixture::deskId(int number)
{
    return scalar(u"SELECT id FROM accueil_desks WHERE number = %1"_s.arg(number)).toLongLong();
}

qint64 AccueilFixture::categoryId(const QString& prefix)
{
    return scalar(u"SELECT id FROM accueil_ticket_categories WHERE prefix = '%1' AND active = TRUE"_s.arg(prefix))
        .toLongLong();
}

qint64 AccueilFixture::addCitizen(const QString& nom, const QString& prenoms, const QString& phone)
{
    Citizen c;
    c.nomUsage = nom;
    c.prenoms = prenoms;
    c.phone = phone;
    const Result<Citizen> created = system->citizens().create(c);
    if (!created)
        qWarning("addCitizen: %s", qPrintable(created.error().toString()));
    return created ? created->id : 0;
}

QVariant AccueilFixture::scalar(const QString& sql)
{
    QSqlQuery q(db->connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace iris::test
