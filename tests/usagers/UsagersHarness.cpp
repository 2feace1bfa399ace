#include "tests/usagers/UsagersHarness.h"

#include "core/demo/DemoSeeder.h"
#include "core/security/Permissions.h"
#include "core/services/AuthService.h"
#include "core/domain/Agent.h"
#include "core/domain/MotiveTheme.h"
#include "core/services/AgentService.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/DossierService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/schema/CoreSchema.h"
#include "tests/support/TestPaths.h"

#include <QApplication>
#include <QSqlQuery>
#include <QTest>

namespace iris::test {

UsagersHarness::UsagersHarness() = default;

UsagersHarness::~UsagersHarness()
{
    // Windows and dialogs first, then the modules, then the services they used.
    if (m_shell)
        m_shell->closeWindow();
    m_manager.shutdown();
    m_services.reset();
    m_system.reset();
    if (m_db)
        m_db->closeAll();
}

QString UsagersHarness::databasePath() const
{
    return m_dir.filePath(QStringLiteral("site.sqlite"));
}

bool UsagersHarness::start(int citizens, int contacts, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_dir.isValid())
        return fail(QStringLiteral("temporary folder"));
    DatabaseConfig config;
    config.path = databasePath();
    Result<std::shared_ptr<Database>> opened = Database::open(config);
    if (!opened)
        return fail(opened.error().toString());
    m_db = *opened;

    m_context.database = m_db;
    m_context.migrations = &m_migrations;
    m_context.permissions = std::make_shared<PermissionRegistry>();
    m_context.dossierTypes = &m_dossierTypes;
    m_context.services = [this] { return m_services.get(); };
    m_shell = std::make_unique<TestShell>(m_context);
    m_context.shell = m_shell.get();

    m_migrations.add(kCoreSchemaOwner, coreMigrations());
    m_manager.setIncludeStaticPlugins(false);
    m_manager.discover({QString(binaryDir() + QStringLiteral("/lib/iris-desk/modules"))});
    // The build's module folder holds every module; a test hosts only those it names.
    QStringList others;
    for (const ModuleSpec& spec : m_manager.modules()) {
        if (!m_wantedModules.contains(spec.id))
            others << spec.id;
    }
    m_manager.setDisabledModules(others);
    m_manager.loadAll(m_context);
    const ModuleSpec* usagers = m_manager.spec(QStringLiteral("usagers"));
    if (!usagers || usagers->state != ModuleState::Loaded)
        return fail(usagers ? usagers->describe() : QStringLiteral("module usagers introuvable"));

    if (const Result<void> migrated = m_migrations.run(*m_db); !migrated)
        return fail(migrated.error().toString());

    DemoSeedOptions options;
    options.citizens = citizens;
    options.contacts = contacts;
    options.seed = 7;
    if (const auto seeded = DemoSeeder(m_db).seed(options); !seeded)
        return fail(seeded.error().toString());

    m_system = std::make_unique<CoreServices>(m_db, Session::system(m_context.permissions), &m_dossierTypes);
    return true;
}

bool UsagersHarness::login(const QString& login, const QString& password, QString* error)
{
    const Result<AgentIdentity> agent = AuthService(m_db).login(login, password);
    if (!agent) {
        if (error)
            *error = agent.error().toString();
        return false;
    }
    const Session session(*agent, m_context.permissions);
    if (m_services)
        m_shell->resetWindow();
    m_shell->setSession(session);
    m_services = std::make_unique<CoreServices>(m_db, session, &m_dossierTypes);
    for (const std::function<void()>& started : std::as_const(m_context.sessionStarted))
        started();
    return true;
}

qint64 UsagersHarness::addCitizen(const QString& nom, const QString& prenoms, const QDate& birth,
                                  const QString& phone, const QString& email)
{
    Citizen c;
    c.civilite = QStringLiteral("Mme");
    c.nomUsage = nom;
    c.prenoms = prenoms;
    c.birthDate = birth;
    c.phone = phone;
    c.email = email;
    c.address.line1 = QStringLiteral("12 rue du Général Leclerc");
    c.address.postcode = QStringLiteral("92130");
    c.address.city = QStringLiteral("Issy-les-Moulineaux");
    const Result<Citizen> created = m_system->citizens().create(c);
    if (!created)
        qWarning("addCitizen: %s", qPrintable(created.error().toString()));
    return created ? created->id : 0;
}

bool UsagersHarness::addTestDossierType()
{
    DossierType type;
    type.id = QStringLiteral("test.demande");
    type.label = QStringLiteral("Demande de test");
    type.referencePrefix = QStringLiteral("TD");
    type.module = QStringLiteral("test");
    type.workflow.state(QStringLiteral("recue"), QStringLiteral("Reçue"))
        .state(QStringLiteral("en_cours"), QStringLiteral("En cours"))
        .state(QStringLiteral("traitee"), QStringLiteral("Traitée"), true)
        .initial(QStringLiteral("recue"))
        .transition(QStringLiteral("recue"), QStringLiteral("en_cours"), QStringLiteral("Instruire"))
        .transition(QStringLiteral("en_cours"), QStringLiteral("traitee"), QStringLiteral("Clore"));
    type.deadline = DeadlineRule::workingDays(10);
    const Result<void> added = m_dossierTypes.registerType(type);
    if (!added)
        qWarning("addTestDossierType: %s", qPrintable(added.error().toString()));
    return added.ok();
}

qint64 UsagersHarness::logContact(qint64 citizenId, ContactChannel channel, int daysAgo, const QString& summary)
{
    const Result<Agent> agent = m_system->agents().findByLogin(QStringLiteral("accueil"));
    const Result<QList<MotiveTheme>> themes = m_system->contacts().motiveThemes();
    if (!agent || !themes)
        return 0;
    qint64 motive = 0;
    for (const MotiveTheme& t : *themes) {
        if (t.parentId > 0) {
            motive = t.id;
            break;
        }
    }
    Contact c;
    c.channel = channel;
    c.startedAt = QDateTime::currentDateTime().addDays(-daysAgo);
    c.endedAt = c.startedAt.addSecs(240);
    c.agentId = agent->id;
    c.serviceId = agent->serviceId;
    c.motiveThemeId = motive;
    c.summary = summary;
    c.outcome = ContactOutcome::Repondu;
    c.citizenId = citizenId;
    const Result<Contact> logged = m_system->contacts().log(c);
    if (!logged)
        qWarning("logContact: %s", qPrintable(logged.error().toString()));
    return logged ? logged->id : 0;
}

Dossier UsagersHarness::openDossier(qint64 citizenId, const QString& subject, int daysAgo)
{
    m_system->dossiers().setClock([daysAgo] { return QDateTime::currentDateTime().addDays(-daysAgo); });
    Dossier draft;
    draft.typeId = QStringLiteral("test.demande");
    draft.subject = subject;
    draft.citizenId = citizenId;
    const Result<Dossier> created = m_system->dossiers().create(draft);
    m_system->dossiers().setClock(&sql::systemNow);
    if (!created)
        qWarning("openDossier: %s", qPrintable(created.error().toString()));
    return created ? *created : Dossier{};
}

QWidget* UsagersHarness::showPage(const QString& pageId)
{
    m_shell->showPage(pageId);
    return m_shell->page(pageId);
}

const ActionSpec* UsagersHarness::action(const QString& id) const
{
    for (const ActionSpec& spec : m_context.actions.items()) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

int UsagersHarness::citizenCount() const
{
    QSqlQuery q(m_db->connection());
    q.exec(QStringLiteral("SELECT COUNT(*) FROM citizens"));
    return q.next() ? q.value(0).toInt() : -1;
}

int UsagersHarness::auditCount(const QString& action, const QString& kind, qint64 entityId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ? AND entity_kind = ? AND entity_id = ?"));
    q.addBindValue(action);
    q.addBindValue(kind);
    q.addBindValue(entityId);
    q.exec();
    return q.next() ? q.value(0).toInt() : -1;
}

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(widget, char(ch.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

QWidget* findTopLevel(const QString& objectName)
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget* w : widgets) {
        if (w->objectName() == objectName && w->isVisible())
            return w;
    }
    return nullptr;
}

} // namespace iris::test
