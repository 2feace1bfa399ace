// core_households: composition of a household (links, dependants), one household per
// person, one chef de famille, optimistic locking and audit.
#include "CitizenFixture.h"

#include "core/services/HouseholdService.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestHouseholds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsAHousehold()
    {
        CitizenFixture f;
        HouseholdService households(f.db, f.session, f.audit);
        const auto chef = f.citizens.create(CitizenFixture::sample(u"Morel"_s, u"Sophie"_s, QDate(1985, 1, 1)));
        const auto spouse = f.citizens.create(CitizenFixture::sample(u"Morel"_s, u"Karim"_s, QDate(1983, 6, 1)));
        const auto child = f.citizens.create(CitizenFixture::sample(u"Morel"_s, u"Lina"_s, QDate(2015, 9, 9)));
        QVERIFY(chef.ok() && spouse.ok() && child.ok());

        Result<Household> h = households.create(chef->id);
        QVERIFY2(h.ok(), qPrintable(h.error().toString()));
        QCOMPARE(h->label, u"Foyer Morel"_s);
        QCOMPARE(h->version, 1);
        QCOMPARE(h->size(), 1);
        QCOMPARE(h->members.first().link, HouseholdLink::ChefDeFamille);

        h = households.addMember(h->id, h->version, child->id, HouseholdLink::Enfant, true);
        QVERIFY2(h.ok(), qPrintable(h.error().toString()));
        h = households.addMember(h->id, h->version, spouse->id, HouseholdLink::Conjoint, false);
        QVERIFY(h.ok());
        QCOMPARE(h->version, 3);
        QCOMPARE(h->size(), 3);
        QCOMPARE(h->dependantCount(), 1);
        // Chef, conjoint, enfant order.
        QCOMPARE(h->members.at(1).citizen.id, spouse->id);
        QCOMPARE(h->members.at(2).citizen.id, child->id);
        QVERIFY(h->member(child->id)->dependant);

        QCOMPARE(f.citizens.get(child->id)->householdId, h->id);
        QCOMPARE(households.forCitizen(spouse->id)->id, h->id);

        h = households.setMember(h->id, h->version, spouse->id, HouseholdLink::Conjoint, true);
        QVERIFY(h.ok());
        QCOMPARE(h->dependantCount(), 2);
        h = households.removeMember(h->id, h->version, spouse->id);
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 2);
        QCOMPARE(households.forCitizen(spouse->id).error().code(), ErrorCode::NotFound);

        const auto events = f.audit.events({.entityKind = u"household"_s, .entityId = h->id});
        QCOMPARE(events->size(), 5);
    }

    void refusesInconsistentCompositions()
    {
        CitizenFixture f;
        HouseholdService households(f.db, f.session, f.audit);
        const auto a = f.citizens.create(CitizenFixture::sample(u"Lopez"_s, u"Ana"_s));
        const auto b = f.citizens.create(CitizenFixture::sample(u"Lopez"_s, u"Pablo"_s));
        const auto c = f.citizens.create(CitizenFixture::sample(u"Simon"_s, u"Yves"_s));
        Result<Household> first = households.create(a->id);
        QVERIFY(first.ok());
        // A second chef de famille.
        Result<Household> r = households.addMember(first->id, first->version, b->id, HouseholdLink::ChefDeFamille,
                                                   false);
        QCOMPARE(r.error().code(), ErrorCode::Validation);
        QVERIFY(!r.error().fieldMessage(u"link"_s).isEmpty());
        // Someone already in another household.
        Result<Household> second = households.create(c->id);
        QVERIFY(second.ok());
        r = households.addMember(second->id, second->version, a->id, HouseholdLink::Conjoint, false);
        QCOMPARE(r.error().code(), ErrorCode::Duplicate);
        QVERIFY(r.error().message().contains(u"Foyer Lopez"_s));
        // A stale version.
        QVERIFY(households.addMember(first->id, first->version, b->id, HouseholdLink::Conjoint, false).ok());
        r = households.removeMember(first->id, first->version, b->id);
        QCOMPARE(r.error().code(), ErrorCode::Conflict);
        QCOMPARE(households.get(first->id)->size(), 2);
        // Deleting the household unlinks people, never deletes them.
        const Household now = *households.get(first->id);
        QVERIFY(households.remove(now.id, now.version).ok());
        QCOMPARE(f.count(u"household_members"_s), 1);
        QCOMPARE(f.count(u"citizens"_s), 3);
        QCOMPARE(households.get(now.id).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestHouseholds)
#include "TestHouseholds.moc"
