// core_permissions_enforced: the core services refuse what the agent's role does not
// allow (not only the UI), with a French message, and write nothing.
#include "CitizenFixture.h"

#include "core/services/HouseholdService.h"
#include "core/services/OrganisationService.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestPermissionsEnforced final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleWithoutCitizenWriteCannotCreateOrUpdate()
    {
        // A site where only administrators may edit records.
        auto registry = std::make_shared<PermissionRegistry>();
        registry->declare(perm::CitizenWrite, u"créer ou modifier la fiche d'un usager"_s, {Role::Administrateur});
        CitizenFixture f(Role::AgentAccueil, registry);

        const Result<Citizen> created = f.citizens.create(CitizenFixture::sample(u"Blanc"_s, u"Inès"_s));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(created.error().message().contains(u"non autorisée"_s), qPrintable(created.error().message()));
        QCOMPARE(f.count(u"citizens"_s), 0);
        QCOMPARE(f.count(u"citizen_name_tokens"_s), 0);
        QCOMPARE(f.count(u"audit_events"_s), 0);

        // The record made by an administrator cannot be changed by the agent either.
        CitizenFixture admin(Role::Administrateur, registry);
        const Result<Citizen> made = admin.citizens.create(CitizenFixture::sample(u"Blanc"_s, u"Inès"_s));
        QVERIFY(made.ok());
        AuditLog audit(admin.db, f.session);
        CitizenService agentView(admin.db, f.session, audit);
        Citizen edit = *made;
        edit.prenoms = u"Agnès"_s;
        QCOMPARE(agentView.update(edit).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(agentView.get(made->id)->prenoms, u"Inès"_s);  // reading is still allowed
    }

    void defaultMatrixIsEnforcedPerRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("canDelete");
        QTest::addColumn<bool>("canMerge");
        QTest::addColumn<bool>("canHousehold");
        QTest::addColumn<bool>("canOrganisation");
        QTest::addColumn<bool>("canAudit");
        QTest::newRow("agent d'accueil") << int(Role::AgentAccueil) << false << false << true << true << false;
        QTest::newRow("téléconseiller") << int(Role::Teleconseiller) << false << false << false << false << false;
        QTest::newRow("travailleur social") << int(Role::TravailleurSocial) << false << false << true << false
                                            << false;
        QTest::newRow("agent de service") << int(Role::AgentService) << false << false << true << true << false;
        QTest::newRow("superviseur") << int(Role::Superviseur) << false << true << true << true << true;
        QTest::newRow("administrateur") << int(Role::Administrateur) << true << true << true << true << true;
    }

    void defaultMatrixIsEnforcedPerRole()
    {
        QFETCH(int, role);
        QFETCH(bool, canDelete);
        QFETCH(bool, canMerge);
        QFETCH(bool, canHousehold);
        QFETCH(bool, canOrganisation);
        QFETCH(bool, canAudit);
        CitizenFixture f{static_cast<Role>(role)};
        const Result<Citizen> a = f.citizens.create(CitizenFixture::sample(u"Roche"_s, u"Paul"_s));
        const Result<Citizen> b = f.citizens.create(CitizenFixture::sample(u"Roche"_s, u"Paul"_s));
        QVERIFY2(a.ok() && b.ok(), "every role may create a citizen by default");
        QVERIFY(f.citizens.search(u"roche"_s).ok());

        auto expect = [](bool allowed, ErrorCode code) { return allowed || code == ErrorCode::PermissionDenied; };

        HouseholdService households(f.db, f.session, f.audit);
        const Result<Household> h = households.create(a->id);
        QCOMPARE(h.ok(), canHousehold);
        QVERIFY(expect(canHousehold, h.error().code()));
        QCOMPARE(f.count(u"households"_s), canHousehold ? 1 : 0);

        OrganisationService organisations(f.db, f.session, f.audit);
        Organisation o;
        o.name = u"Les Amis du Fort"_s;
        const Result<Organisation> org = organisations.create(o);
        QCOMPARE(org.ok(), canOrganisation);
        QCOMPARE(f.count(u"organisations"_s), canOrganisation ? 1 : 0);

        const auto audit = f.audit.events({});
        QCOMPARE(audit.ok(), canAudit);

        const Result<Citizen> merged = f.citizens.merge(a->id, b->id);
        QCOMPARE(merged.ok(), canMerge);
        QVERIFY(expect(canMerge, merged.error().code()));
        QCOMPARE(f.count(u"citizens"_s), canMerge ? 1 : 2);

        const Result<void> removed = f.citizens.remove(a->id, canMerge ? 2 : 1);
        QCOMPARE(removed.ok(), canDelete);
        QVERIFY(expect(canDelete, removed.error().code()));
        QCOMPARE(f.count(u"citizens"_s), (canMerge ? 1 : 2) - (canDelete ? 1 : 0));
        QCOMPARE(scalar(f.db->connection(), u"SELECT count(*) FROM audit_events WHERE action = 'delete' AND "
                                            "entity_id = %1"_s.arg(a->id))
                     .toInt(),
                 canDelete ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestPermissionsEnforced)
#include "TestPermissionsEnforced.moc"
