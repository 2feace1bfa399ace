#include "core/demo/DemoSeeder.h"

#include "core/security/Permissions.h"

#include "core/demo/DemoActivity.h"
#include "core/demo/DemoPopulation.h"
#include "core/demo/DemoRandom.h"
#include "core/demo/DemoReferenceData.h"
#include "core/services/AuditLog.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::DemoSeeder", text);
}

constexpr int kMaxCitizens = 5'000'000;
constexpr int kMaxContacts = 50'000'000;

// A bulk load touches every page of several large indexes: give this connection a big
// page cache while it runs (restored afterwards).
class CacheBoost
{
public:
    CacheBoost(QSqlDatabase& db, bool sqlite)
        : m_db(db)
    {
        if (!sqlite)
            return;  // a PostgreSQL server sizes its own buffers
        QSqlQuery q(m_db);
        if (q.exec(u"PRAGMA cache_size"_s) && q.next()) {
            m_previous = q.value(0).toLongLong();
            m_active = QSqlQuery(m_db).exec(u"PRAGMA cache_size = -262144"_s); // 256 MiB
        }
    }
    ~CacheBoost()
    {
        if (m_active)
            QSqlQuery(m_db).exec(u"PRAGMA cache_size = "_s + QString::number(m_previous));
    }
    CacheBoost(const CacheBoost&) = delete;
    CacheBoost& operator=(const CacheBoost&) = delete;

private:
    QSqlDatabase& m_db;
    qint64 m_previous = 0;
    bool m_active = false;
};

} // namespace

DemoSeeder::DemoSeeder(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{
}

Result<DemoSeedReport> DemoSeeder::seed(
    const DemoSeedOptions& options, const std::function<bool(qint64, qint64)>& progress) const
{
    QElapsedTimer timer;
    timer.start();
    QList<FieldError> fields;
    if (options.citizens < 0 || options.citizens > kMaxCitizens)
        fields.append(
            { u"citizens"_s, tr("Le nombre d'usagers doit être compris entre 0 et %L1.").arg(kMaxCitizens) });
    if (options.contacts < 0 || options.contacts > kMaxContacts)
        fields.append({ u"contacts"_s,
            tr("Le nombre de contacts doit être compris entre 0 et %L1.").arg(kMaxContacts) });
    if (options.dossiers < -1 || options.dossiers > kMaxContacts)
        fields.append({ u"dossiers"_s, tr("Le nombre de dossiers est invalide.") });
    if (!fields.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Paramètres de génération invalides."), fields);

    auto installed = MigrationRunner::installedVersion(*m_db, kCoreSchemaOwner);
    if (!installed)
        return installed.error();
    if (*installed < 2)
        return Error(ErrorCode::InvalidArgument,
            tr("La base de données n'est pas initialisée : lancez les migrations avant de la remplir."));

    const QDate referenceDate
        = options.referenceDate.isValid() ? options.referenceDate : QDate::currentDate();
    const bool haveTypes = options.dossierTypes && !options.dossierTypes->types().isEmpty();
    const int dossiers = !haveTypes ? 0 : (options.dossiers >= 0 ? options.dossiers : options.contacts / 50);
    const qint64 total = qint64(options.citizens) + dossiers + options.contacts;

    // Independent streams: the population does not change when only the contact count does.
    demo::DemoRandom root(options.seed);
    demo::DemoRandom populationRandom = root.fork(1);
    demo::DemoRandom activityRandom = root.fork(2);

    DemoSeedReport report;
    QSqlDatabase connection = m_db->connection();
    CacheBoost cache(connection, !m_db->isServer());
    const Dialect& dialect = m_db->dialect();

    // One transaction: a cancelled or failed seed leaves the database as it was.
    auto tx = m_db->transaction([&](QSqlDatabase& db) -> Result<void> {
        auto reference = options.withReferenceData ? demo::DemoReferenceData::install(
                             db, dialect, QDateTime(referenceDate.addYears(-3), QTime(8, 0)))
                                                   : demo::DemoReferenceData::load(db);
        if (!reference)
            return reference.error();
        report.services = reference->servicesCreated;
        report.motiveThemes = reference->motivesCreated;
        report.agents = reference->agentsCreated;

        auto people = demo::DemoPopulation::generate(db, dialect, populationRandom, options.citizens,
            referenceDate, [&](int done) { return !progress || progress(done, total); });
        if (!people)
            return people.error();
        report.citizens = int(people->adults.size() + people->children.size());
        report.households = people->households;

        auto activity = demo::DemoActivity::generate(db, dialect, activityRandom, *reference, *people,
            options.dossierTypes, dossiers, options.contacts, referenceDate,
            [&](qint64 done) { return !progress || progress(options.citizens + done, total); });
        if (!activity)
            return activity.error();
        report.dossiers = activity->dossiers;
        report.contacts = activity->contacts;

        AgentIdentity system;
        system.login = u"systeme"_s;
        return AuditLog::recordAs(db, *m_db, system, u"demo_seed"_s, u"database"_s, 0,
            { { u"seed"_s, QString::number(options.seed) }, { u"citizens"_s, report.citizens },
                { u"contacts"_s, report.contacts }, { u"dossiers"_s, report.dossiers } });
    });
    if (!tx)
        return tx.error();

    DemoContentContext moduleContext;
    moduleContext.database = m_db;
    moduleContext.permissions = options.permissions ? options.permissions : std::make_shared<PermissionRegistry>();
    moduleContext.dossierTypes = options.dossierTypes;
    moduleContext.referenceDate = options.referenceDate.isValid() ? options.referenceDate : QDate::currentDate();
    moduleContext.seed = options.seed;
    for (const DemoContentSpec& content : options.moduleContent) {
        if (!content.seed)
            continue;
        if (progress && !progress(total, total))
            return Error(ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
        const Result<QString> added = content.seed(moduleContext);
        if (!added)
            return added.error();
        if (!added->isEmpty())
            report.moduleContent << *added;
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace iris
