#include "core/security/Permissions.h"
#include "core/security/Session.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

Q_DECLARE_METATYPE(iris::Role)

class TestPermissions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleIdsRoundTrip();
    void matrix_data();
    void matrix();
    void everyCorePermissionIsDeclaredWithALabel();
    void modulesDeclareTheirOwn();
    void sessionRequire();
    void sessionWithoutRegistryDeniesEverything();
    void systemSessionMayDoEverything();
};

namespace {

// The documented default matrix (Permissions.cpp), restated independently here.
// Columns: agent d'accueil, téléconseiller, travailleur social, agent de service,
// superviseur, administrateur.
struct Row
{
    QString permission;
    std::array<bool, 6> allowed;
};

QList<Row> expectedMatrix()
{
    return {
        { perm::CitizenRead, { true, true, true, true, true, true } },
        { perm::CitizenWrite, { true, true, true, true, true, true } },
        { perm::CitizenMerge, { false, false, false, false, true, true } },
        { perm::CitizenDelete, { false, false, false, false, false, true } },
        { perm::HouseholdWrite, { true, false, true, true, true, true } },
        { perm::OrganisationWrite, { true, false, false, true, true, true } },
        { perm::ContactRead, { true, true, true, true, true, true } },
        { perm::ContactWrite, { true, true, true, true, true, true } },
        { perm::DossierRead, { true, true, true, true, true, true } },
        { perm::DossierWrite, { true, true, true, true, true, true } },
        { perm::AppointmentWrite, { true, true, true, true, true, true } },
        { perm::DirectoryWrite, { false, false, false, false, true, true } },
        { perm::AgentManage, { false, false, false, false, false, true } },
        { perm::AuditRead, { false, false, false, false, true, true } },
        { perm::SettingsWrite, { false, false, false, false, false, true } },
    };
}

AgentIdentity agent(Role role)
{
    AgentIdentity a;
    a.id = 7;
    a.login = u"cmartin"_s;
    a.displayName = u"Claire Martin"_s;
    a.role = role;
    return a;
}

} // namespace

void TestPermissions::roleIdsRoundTrip()
{
    const QList<Role> roles = allRoles();
    QCOMPARE(roles.size(), 6);
    QSet<QString> ids;
    for (Role r : roles) {
        Role back = Role::Administrateur;
        QVERIFY(roleFromId(roleId(r), &back));
        QCOMPARE(back, r);
        QVERIFY(!roleLabel(r).isEmpty());
        ids.insert(roleId(r));
    }
    QCOMPARE(ids.size(), 6);
    QCOMPARE(roleId(Role::AgentAccueil), u"agent_accueil"_s);
    QCOMPARE(roleLabel(Role::TravailleurSocial), u"Travailleur social (CCAS)"_s);
    Role untouched = Role::Superviseur;
    QVERIFY(!roleFromId(u"chef"_s, &untouched));
    QCOMPARE(untouched, Role::Superviseur);
}

void TestPermissions::matrix_data()
{
    QTest::addColumn<QString>("permission");
    QTest::addColumn<iris::Role>("role");
    QTest::addColumn<bool>("allowed");
    const QList<Role> roles = allRoles();
    for (const Row& row : expectedMatrix()) {
        for (int i = 0; i < roles.size(); ++i) {
            const QByteArray name = (row.permission + u" × "_s + roleId(roles[i])).toUtf8();
            QTest::newRow(name.constData()) << row.permission << roles[i] << row.allowed[size_t(i)];
        }
    }
}

void TestPermissions::matrix()
{
    QFETCH(QString, permission);
    QFETCH(iris::Role, role);
    QFETCH(bool, allowed);
    auto registry = std::make_shared<PermissionRegistry>();
    QCOMPARE(registry->allows(role, permission), allowed);
    const Session session(agent(role), registry);
    QCOMPARE(session.can(permission), allowed);
    QCOMPARE(session.require(permission).ok(), allowed);
}

void TestPermissions::everyCorePermissionIsDeclaredWithALabel()
{
    const PermissionRegistry registry;
    QStringList expected;
    for (const Row& row : expectedMatrix())
        expected << row.permission;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(registry.permissions(), expected);
    for (const QString& p : std::as_const(expected)) {
        QVERIFY(registry.isDeclared(p));
        QVERIFY2(registry.label(p) != p, qPrintable(p));
    }
    QVERIFY(!registry.isDeclared(u"nothing.here"_s));
    QCOMPARE(registry.label(u"nothing.here"_s), u"nothing.here"_s);
    for (Role r : allRoles())
        QVERIFY(!registry.allows(r, u"nothing.here"_s));
}

void TestPermissions::modulesDeclareTheirOwn()
{
    PermissionRegistry registry;
    registry.declare(u"etatcivil.deliver"_s, u"délivrer un acte d'état civil"_s,
        { Role::AgentAccueil, Role::AgentService });
    QVERIFY(registry.isDeclared(u"etatcivil.deliver"_s));
    QVERIFY(registry.allows(Role::AgentAccueil, u"etatcivil.deliver"_s));
    QVERIFY(!registry.allows(Role::Teleconseiller, u"etatcivil.deliver"_s));
    QCOMPARE(registry.label(u"etatcivil.deliver"_s), u"délivrer un acte d'état civil"_s);
    // Declaring again replaces the roles (a site may tighten a module's default).
    registry.declare(u"etatcivil.deliver"_s, u"délivrer un acte d'état civil"_s, { Role::AgentService });
    QVERIFY(!registry.allows(Role::AgentAccueil, u"etatcivil.deliver"_s));
}

void TestPermissions::sessionRequire()
{
    auto registry = std::make_shared<PermissionRegistry>();
    const Session session(agent(Role::Teleconseiller), registry);
    QCOMPARE(session.agent().login, u"cmartin"_s);
    QVERIFY(!session.isSystem());

    const Result<void> denied = session.require(perm::CitizenMerge);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);
    QCOMPARE(denied.error().message(),
        u"Action non autorisée : fusionner deux fiches d'usager. Le rôle « Téléconseiller » ne le permet pas."_s);
    QCOMPARE(denied.error().detail(), perm::CitizenMerge);

    const Result<void> unknown = session.require(u"kb.publish"_s);
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().message().contains(u"kb.publish"_s));

    QVERIFY(session.require(perm::ContactWrite).ok());
}

void TestPermissions::sessionWithoutRegistryDeniesEverything()
{
    const Session session(agent(Role::Administrateur), nullptr);
    QVERIFY(!session.can(perm::CitizenRead));
    const Result<void> r = session.require(perm::CitizenRead);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::PermissionDenied);
}

void TestPermissions::systemSessionMayDoEverything()
{
    auto registry = std::make_shared<PermissionRegistry>();
    const Session system = Session::system(registry);
    QVERIFY(system.isSystem());
    QCOMPARE(system.agent().displayName, u"système"_s);
    for (const QString& p : registry->permissions())
        QVERIFY(system.require(p).ok());
    QVERIFY(system.can(u"module.not.declared.yet"_s));
}

QTEST_APPLESS_MAIN(TestPermissions)
#include "TestPermissions.moc"
