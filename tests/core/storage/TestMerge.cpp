// core_merge: merging two records of the same person keeps every contact, dossier,
// appointment, household link, representation and module row, fills the empty fields,
// deletes the absorbed record — all in one transaction, audited.
#include "CitizenFixture.h"

#include "core/storage/Dialect.h"

#include "core/services/CitizenMergeRegistry.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

namespace {

void exec(QSqlDatabase c, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q(c);
    QVERIFY2(q.prepare(sql), qPrintable(q.lastError().text() + u" — "_s + sql));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    QVERIFY2(q.exec(), qPrintable(q.lastError().text() + u" — "_s + sql));
}

int count(QSqlDatabase c, const QString& sql, qint64 id)
{
    QSqlQuery q(c);
    q.prepare(sql);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestMerge final : public QObject
{
    Q_OBJECT

private:
    struct Pair
    {
        qint64 kept = 0;
        qint64 absorbed = 0;
    };

    /// Two records of the same person, with history attached to both.
    Pair seed(CitizenFixture& f)
    {
        Citizen a = CitizenFixture::sample(u"Dupont"_s, u"Jean"_s, {}, u"01 41 23 80 00"_s);
        a.address = {};
        Citizen b = CitizenFixture::sample(u"DUPONT"_s, u"Jean"_s, QDate(1975, 2, 3), u"06 11 22 33 44"_s,
                                           u"jean.dupont@example.fr"_s);
        b.nomUsage = u"Dupont-Lajoie"_s;
        const Result<Citizen> kept = f.citizens.create(a);
        const Result<Citizen> absorbed = f.citizens.create(b);
        if (!kept || !absorbed)
            return {};
        QSqlDatabase c = f.db->connection();
        const QString now = u"2026-03-01T10:00:00.000Z"_s;
        exec(c, u"INSERT INTO services (id, name, name_key, created_at, updated_at) VALUES (1, 'État civil', "
                "'etat civil', ?, ?)"_s, {now, now});
        for (qint64 who : {kept->id, absorbed->id, absorbed->id})
            exec(c, u"INSERT INTO contacts (channel, started_at, outcome, citizen_id, created_at) "
                    "VALUES ('visite', ?, 'repondu', ?, ?)"_s, {now, who, now});
        exec(c, u"INSERT INTO dossiers (type_id, reference, year, sequence, status, opened_on, citizen_id, "
                "created_at, updated_at) VALUES ('etatcivil.acte', 'EC-2026-000007', 2026, 7, 'ouvert', "
                "'2026-03-01', ?, ?, ?)"_s, {absorbed->id, now, now});
        exec(c, u"INSERT INTO appointments (citizen_id, service_id, start_at, end_at, duration_minutes, "
                "created_at, updated_at) VALUES (?, 1, '2026-03-10T09:00:00.000Z', '2026-03-10T09:30:00.000Z', "
                "30, ?, ?)"_s, {absorbed->id, now, now});
        exec(c, u"INSERT INTO households (id, label, created_at, updated_at) VALUES (1, 'Foyer Dupont', ?, ?)"_s,
             {now, now});
        exec(c, u"INSERT INTO household_members (household_id, citizen_id, link, dependant, joined_at) "
                "VALUES (1, ?, 'chef_de_famille', FALSE, ?)"_s, {absorbed->id, now});
        exec(c, u"INSERT INTO organisations (name, name_key, representative_id, created_at, updated_at) "
                "VALUES ('Club de pétanque', 'club de petanque', ?, ?, ?)"_s, {absorbed->id, now, now});
        // A module's own table pointing at citizens.
        // DDL is run directly: PostgreSQL cannot prepare it.
        if (!QSqlQuery(c).exec(f.db->dialect().expand(
                u"CREATE TABLE IF NOT EXISTS creche_demandes (id {PK}, citizen_id {ID} REFERENCES citizens (id))"_s)))
            return {};
        exec(c, u"INSERT INTO creche_demandes (citizen_id) VALUES (?)"_s, {absorbed->id});
        return {kept->id, absorbed->id};
    }

private Q_SLOTS:
    void initTestCase() { CitizenMergeRegistry::instance().addReference(u"creche_demandes"_s, u"citizen_id"_s); }

    void keepsEveryContactAndDossier()
    {
        CitizenFixture f;
        const Pair p = seed(f);
        QVERIFY(p.kept && p.absorbed);
        qint64 hookKept = 0;
        qint64 hookAbsorbed = 0;
        CitizenMergeRegistry::instance().addHook(u"test.observer"_s,
                                                 [&](QSqlDatabase&, const Dialect&, qint64 k, qint64 a) -> Result<void> {
                                                     hookKept = k;
                                                     hookAbsorbed = a;
                                                     return {};
                                                 });
        const Result<Citizen> merged = f.citizens.merge(p.kept, p.absorbed);
        CitizenMergeRegistry::instance().addHook(u"test.observer"_s, {});
        QVERIFY2(merged.ok(), qPrintable(merged.error().toString() + merged.error().detail()));
        QCOMPARE(hookKept, p.kept);
        QCOMPARE(hookAbsorbed, p.absorbed);

        QSqlDatabase c = f.db->connection();
        QCOMPARE(count(c, u"SELECT count(*) FROM contacts WHERE citizen_id = ?"_s, p.kept), 3);
        QCOMPARE(count(c, u"SELECT count(*) FROM dossiers WHERE citizen_id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM appointments WHERE citizen_id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM household_members WHERE citizen_id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM organisations WHERE representative_id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM creche_demandes WHERE citizen_id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM citizens WHERE id = ?"_s, p.absorbed), 0);
        QCOMPARE(count(c, u"SELECT count(*) FROM citizen_name_tokens WHERE citizen_id = ?"_s, p.absorbed), 0);

        // Empty fields filled from the absorbed record; the kept values stay.
        const Result<Citizen> kept = f.citizens.get(p.kept);
        QVERIFY(kept.ok());
        QCOMPARE(kept->phone, u"+33141238000"_s);
        QCOMPARE(kept->phone2, u"+33611223344"_s);
        QCOMPARE(kept->email, u"jean.dupont@example.fr"_s);
        QCOMPARE(kept->birthDate, QDate(1975, 2, 3));
        QCOMPARE(kept->nomUsage, u"Dupont-Lajoie"_s);
        QCOMPARE(kept->address.postcode, u"92130"_s);
        QCOMPARE(kept->householdId, 1);
        QCOMPARE(kept->version, 2);
        // And searchable under the absorbed record's keys.
        QCOMPARE(f.citizens.search(u"jean.dupont@example.fr"_s)->value(0).id, p.kept);
        QCOMPARE(f.citizens.search(u"3344"_s)->value(0).id, p.kept);
        QCOMPARE(f.citizens.search(u"lajoie"_s)->value(0).id, p.kept);
        QCOMPARE(f.citizens.search(u"EC-2026-7"_s)->value(0).id, p.kept);

        const auto merges = f.audit.events({.entityKind = u"citizen"_s, .entityId = p.kept, .action = u"merge"_s});
        QCOMPARE(merges->size(), 1);
        QCOMPARE(merges->first().details.value(u"absorbed"_s).toInteger(), p.absorbed);
        QCOMPARE(merges->first().details.value(u"moved"_s).toObject().value(u"contacts.citizen_id"_s).toInt(), 2);
        const auto deletes = f.audit.events({.entityKind = u"citizen"_s, .entityId = p.absorbed,
                                             .action = u"delete"_s});
        QCOMPARE(deletes->size(), 1);
    }

    void failingStepLeavesBothRecordsUntouched()
    {
        CitizenFixture f;
        const Pair p = seed(f);
        QVERIFY(p.kept && p.absorbed);
        CitizenMergeRegistry::instance().addHook(u"test.refuse"_s,
                                                 [](QSqlDatabase&, const Dialect&, qint64, qint64) -> Result<void> {
                                                     return Error(ErrorCode::Conflict, u"refusé par le module"_s);
                                                 });
        const Result<Citizen> merged = f.citizens.merge(p.kept, p.absorbed);
        CitizenMergeRegistry::instance().addHook(u"test.refuse"_s, {});
        QVERIFY(!merged.ok());
        QCOMPARE(merged.error().code(), ErrorCode::Conflict);
        QSqlDatabase c = f.db->connection();
        QCOMPARE(count(c, u"SELECT count(*) FROM contacts WHERE citizen_id = ?"_s, p.absorbed), 2);
        QCOMPARE(count(c, u"SELECT count(*) FROM dossiers WHERE citizen_id = ?"_s, p.absorbed), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM creche_demandes WHERE citizen_id = ?"_s, p.absorbed), 1);
        QCOMPARE(count(c, u"SELECT version FROM citizens WHERE id = ?"_s, p.kept), 1);
        QCOMPARE(count(c, u"SELECT count(*) FROM audit_events WHERE action = 'merge' AND entity_id = ?"_s, p.kept),
                 0);
    }

    void refusedWithoutPermissionOrWithItself()
    {
        CitizenFixture f(Role::AgentAccueil);
        const Pair p = seed(f);
        QVERIFY(p.kept && p.absorbed);
        const Result<Citizen> denied = f.citizens.merge(p.kept, p.absorbed);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(f.count(u"citizens"_s), 2);

        CitizenFixture sup(Role::Superviseur);
        const Result<Citizen> self = sup.citizens.merge(1, 1);
        QCOMPARE(self.error().code(), ErrorCode::InvalidArgument);
        const Result<Citizen> missing = sup.citizens.merge(1, 99);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "TestMerge.moc"
