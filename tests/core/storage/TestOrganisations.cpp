// core_organisations: associations with a checked RNA / SIRET, a representative citizen,
// search, optimistic locking.
#include "CitizenFixture.h"

#include "core/services/OrganisationService.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestOrganisations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsWithCheckedIdentifiers()
    {
        CitizenFixture f;
        OrganisationService organisations(f.db, f.session, f.audit);
        const auto rep = f.citizens.create(CitizenFixture::sample(u"Faure"_s, u"Denis"_s));
        Organisation o;
        o.name = u"  Les Amis   du Fort d'Issy "_s;
        o.rna = u"w 922 001 234"_s;
        o.siret = u"732 829 320 00074"_s;
        o.phone = u"01 41 23 80 00"_s;
        o.address.postcode = u"92130"_s;
        o.representativeId = rep->id;
        const Result<Organisation> created = organisations.create(o);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        QCOMPARE(created->name, u"Les Amis du Fort d'Issy"_s);
        QCOMPARE(created->rna, u"W922001234"_s);
        QCOMPARE(created->siret, u"73282932000074"_s);
        QCOMPARE(created->phone, u"+33141238000"_s);

        QCOMPARE(organisations.search(u"amis du"_s)->size(), 1);
        QCOMPARE(organisations.search(u"LES AMIS"_s)->size(), 1);
        QCOMPARE(organisations.search(u"W922001234"_s)->size(), 1);
        QCOMPARE(organisations.search(u"73282932000074"_s)->size(), 1);
        QCOMPARE(organisations.representedBy(rep->id)->size(), 1);

        // Same RNA again: refused.
        Organisation twin = o;
        twin.name = u"Autre nom"_s;
        const Result<Organisation> dup = organisations.create(twin);
        QCOMPARE(dup.error().code(), ErrorCode::Duplicate);
        QVERIFY(!dup.error().fieldMessage(u"rna"_s).isEmpty());

        // Update with optimistic locking.
        Organisation edit = *created;
        edit.notes = u"Convention 2026 signée"_s;
        const Result<Organisation> updated = organisations.update(edit);
        QVERIFY(updated.ok());
        QCOMPARE(updated->version, 2);
        QCOMPARE(organisations.update(edit).error().code(), ErrorCode::Conflict);
        QCOMPARE(organisations.get(created->id)->notes, u"Convention 2026 signée"_s);
    }

    void refusesInvalidIdentifiersAndSavesNothing()
    {
        CitizenFixture f;
        OrganisationService organisations(f.db, f.session, f.audit);
        Organisation o;
        o.name = u"Club"_s;
        o.rna = u"W12345"_s;
        o.siret = u"73282932000075"_s;  // Luhn key wrong
        o.representativeId = 999;
        const Result<Organisation> r = organisations.create(o);
        QCOMPARE(r.error().code(), ErrorCode::Validation);
        QVERIFY(!r.error().fieldMessage(u"rna"_s).isEmpty());
        QVERIFY(!r.error().fieldMessage(u"siret"_s).isEmpty());
        QVERIFY(!r.error().fieldMessage(u"representativeId"_s).isEmpty());
        QCOMPARE(f.count(u"organisations"_s), 0);
        QCOMPARE(f.count(u"audit_events"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrganisations)
#include "TestOrganisations.moc"
