// core_citizens: create / validate / read / update / delete through CitizenService, with
// optimistic locking, duplicate suggestions and the audit trail (reads included).
#include "CitizenFixture.h"

#include "core/services/CoreServices.h"
#include "core/services/HouseholdService.h"
#include "core/services/OrganisationService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestCitizens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createNormalisesAndAudits()
    {
        CitizenFixture f;
        Citizen in = CitizenFixture::sample(u"DUPONT-MORETTI"_s, u"jean pierre"_s, QDate(1980, 5, 17),
                                            u"01.41.23.80.00"_s, u"Jean.Dupont@Mairie-Issy.FR"_s);
        in.address.postcode = u"92 130"_s;
        in.nir = u"1 80 05 75 112 345 "_s + QString::number(97 - (1800575112345LL % 97)).rightJustified(2, u'0');
        const Result<Citizen> created = f.citizens.create(in);
        QVERIFY2(created.ok(), qPrintable(created.error().toString() + created.error().detail()));
        QVERIFY(created->id > 0);
        QCOMPARE(created->version, 1);
        QCOMPARE(created->phone, u"+33141238000"_s);
        QCOMPARE(created->email, u"Jean.Dupont@mairie-issy.fr"_s);
        QCOMPARE(created->nomNaissance, u"Dupont-Moretti"_s);
        QCOMPARE(created->prenoms, u"Jean Pierre"_s);
        QCOMPARE(created->address.postcode, u"92130"_s);
        QCOMPARE(created->nir.size(), 15);
        QVERIFY(created->createdAt.isValid());

        const Result<Citizen> stored = f.citizens.get(created->id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->phone, u"+33141238000"_s);
        QCOMPARE(stored->birthDate, QDate(1980, 5, 17));
        QCOMPARE(stored->address.city, u"Issy-les-Moulineaux"_s);
        QCOMPARE(stored->nir, created->nir);

        const auto events = f.audit.events({.entityKind = u"citizen"_s, .entityId = created->id});
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);  // create, then the read above (newest first)
        QCOMPARE(events->at(0).action, u"read"_s);
        QCOMPARE(events->at(1).action, u"create"_s);
        QCOMPARE(events->at(1).agentLogin, u"systeme"_s);
        QVERIFY(events->at(1).details.value(u"fields"_s).toArray().contains(u"phone"_s));
        // The audit keeps field names, not personal values.
        QVERIFY(!QJsonDocument(events->at(1).details).toJson().contains("141238000"));
    }

    void invalidCitizenIsRefusedAndNothingSaved()
    {
        CitizenFixture f;
        Citizen in = CitizenFixture::sample(u"Martin"_s, u"Paul"_s, QDate::currentDate().addDays(3), u"12 34"_s,
                                            u"paul@@example"_s);
        in.address.postcode = u"9213"_s;
        const Result<Citizen> r = f.citizens.create(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Validation);
        for (const QString& field : {u"birthDate"_s, u"phone"_s, u"email"_s, u"address.postcode"_s})
            QVERIFY2(!r.error().fieldMessage(field).isEmpty(), qPrintable(field));
        QVERIFY(r.error().fieldMessage(u"nomNaissance"_s).isEmpty());
        QCOMPARE(f.count(u"citizens"_s), 0);
        QCOMPARE(f.count(u"citizen_name_tokens"_s), 0);
        QCOMPARE(f.count(u"audit_events"_s), 0);

        Citizen nameless = CitizenFixture::sample(QString(), QString());
        const Result<Citizen> r2 = f.citizens.create(nameless);
        QVERIFY(!r2.ok());
        QVERIFY(!r2.error().fieldMessage(u"nomNaissance"_s).isEmpty());
        QVERIFY(!r2.error().fieldMessage(u"prenoms"_s).isEmpty());
        QCOMPARE(f.count(u"citizens"_s), 0);
    }

    void everyReadIsAudited()
    {
        CitizenFixture f(Role::AgentAccueil);
        const Result<Citizen> c = f.citizens.create(CitizenFixture::sample(u"Bernard"_s, u"Lucie"_s));
        QVERIFY(c.ok());
        QVERIFY(f.citizens.get(c->id).ok());
        QVERIFY(f.citizens.get(c->id).ok());
        const int reads = scalar(f.db->connection(),
                                 u"SELECT count(*) FROM audit_events WHERE action = 'read' AND entity_kind = "
                                 "'citizen' AND entity_id = %1 AND agent_id = 7 AND agent_login = 'agent7'"_s.arg(c->id))
                              .toInt();
        QCOMPARE(reads, 2);
        // Searching is not opening a record.
        QVERIFY(f.citizens.search(u"bernard"_s).ok());
        QCOMPARE(f.count(u"audit_events"_s), 3);
        const Result<Citizen> missing = f.citizens.get(c->id + 1000);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
    }

    void updateBumpsVersionAndRewritesIndex()
    {
        CitizenFixture f;
        Result<Citizen> c = f.citizens.create(CitizenFixture::sample(u"Lefebvre"_s, u"Anne"_s));
        QVERIFY(c.ok());
        Citizen edit = *c;
        edit.nomUsage = u"Garnier"_s;
        edit.phone = u"06 12 34 56 78"_s;
        const Result<Citizen> updated = f.citizens.update(edit);
        QVERIFY2(updated.ok(), qPrintable(updated.error().toString()));
        QCOMPARE(updated->version, 2);
        QCOMPARE(updated->phone, u"+33612345678"_s);
        QCOMPARE(f.citizens.get(c->id)->version, 2);
        QCOMPARE(f.citizens.search(u"garnier anne"_s)->value(0).id, c->id);
        QCOMPARE(f.citizens.search(u"lefebvre"_s)->value(0).id, c->id);  // birth name still indexed

        edit = *updated;
        edit.nomUsage.clear();
        QVERIFY(f.citizens.update(edit).ok());
        QVERIFY(f.citizens.search(u"garnier"_s)->isEmpty());

        const auto events = f.audit.events({.entityKind = u"citizen"_s, .entityId = c->id,
                                            .action = u"update"_s});
        QCOMPARE(events->size(), 2);
        const QJsonArray fields = events->last().details.value(u"fields"_s).toArray();
        QVERIFY(fields.contains(u"nomUsage"_s));
        QVERIFY(fields.contains(u"phone"_s));
        QVERIFY(!fields.contains(u"prenoms"_s));
    }

    void staleUpdateIsAConflict()
    {
        CitizenFixture f;
        const Result<Citizen> c = f.citizens.create(CitizenFixture::sample(u"Roux"_s, u"Marc"_s));
        QVERIFY(c.ok());
        Citizen first = *c;
        Citizen second = *c;  // another agent opened the same record
        first.notes = u"Rappeler lundi"_s;
        QVERIFY(f.citizens.update(first).ok());
        second.notes = u"Dossier complet"_s;
        const Result<Citizen> stale = f.citizens.update(second);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        QVERIFY2(stale.error().message().contains(u"modifiée par un autre agent"_s),
                 qPrintable(stale.error().message()));
        QCOMPARE(f.citizens.get(c->id)->notes, u"Rappeler lundi"_s);
        QCOMPARE(scalar(f.db->connection(), u"SELECT count(*) FROM audit_events WHERE action = 'update'"_s).toInt(),
                 1);

        const Result<void> staleDelete = f.citizens.remove(c->id, 1);
        QCOMPARE(staleDelete.error().code(), ErrorCode::Conflict);
        QCOMPARE(f.count(u"citizens"_s), 1);
    }

    void removeDeletesRecordAndIndex()
    {
        CitizenFixture f;
        const Result<Citizen> c = f.citizens.create(CitizenFixture::sample(u"Fontaine"_s, u"Chloé"_s, {},
                                                                           u"0699887766"_s));
        QVERIFY(c.ok());
        QVERIFY(f.count(u"citizen_name_tokens"_s) > 0);
        QVERIFY(f.citizens.remove(c->id, 1).ok());
        QCOMPARE(f.citizens.get(c->id).error().code(), ErrorCode::NotFound);
        QCOMPARE(f.count(u"citizen_name_tokens"_s), 0);
        QCOMPARE(f.count(u"citizen_name_pairs"_s), 0);
        QVERIFY(f.citizens.search(u"7766"_s)->isEmpty());
        const auto events = f.audit.events({.entityKind = u"citizen"_s, .entityId = c->id,
                                            .action = u"delete"_s});
        QCOMPARE(events->size(), 1);
        QCOMPARE(f.citizens.remove(c->id, 1).error().code(), ErrorCode::NotFound);
    }

    void suggestsDuplicates()
    {
        CitizenFixture f;
        const auto helene = f.citizens.create(CitizenFixture::sample(u"Dupont"_s, u"Hélène"_s, QDate(1984, 3, 12)));
        const auto phone = f.citizens.create(CitizenFixture::sample(u"Petit"_s, u"Luc"_s, {}, u"+33 6 11 22 33 44"_s));
        const auto mail = f.citizens.create(CitizenFixture::sample(u"Moreau"_s, u"Eva"_s, {}, {},
                                                                   u"eva.moreau@example.fr"_s));
        const auto other = f.citizens.create(CitizenFixture::sample(u"Dupont"_s, u"Hélène"_s, QDate(1990, 1, 1)));
        QVERIFY(helene.ok() && phone.ok() && mail.ok() && other.ok());

        Citizen candidate = CitizenFixture::sample(u"DUPONT"_s, u"HELENE Marie"_s, QDate(1984, 3, 12),
                                                   u"06.11.22.33.44"_s, u"Eva.Moreau@EXAMPLE.fr"_s);
        const auto dups = f.citizens.findDuplicates(candidate);
        QVERIFY(dups.ok());
        QCOMPARE(dups->size(), 3);
        auto reasonOf = [&](qint64 id) {
            for (const DuplicateCandidate& d : *dups) {
                if (d.citizen.id == id)
                    return d.reason;
            }
            return QString();
        };
        QVERIFY(reasonOf(helene->id).contains(u"date de naissance"_s));
        QVERIFY(reasonOf(phone->id).contains(u"téléphone"_s));
        QVERIFY(reasonOf(mail->id).contains(u"électronique"_s));
        QVERIFY(reasonOf(other->id).isEmpty());

        // A record is not its own duplicate.
        Citizen self = *helene;
        const auto none = f.citizens.findDuplicates(self);
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
    }

    void coreServicesShareOneSessionAndAudit()
    {
        CitizenFixture f;
        const Session agent(AgentIdentity{42, u"cmartin"_s, u"Claire Martin"_s, Role::AgentAccueil, 0},
                            f.permissions);
        CoreServices services(f.db, agent, nullptr);
        QCOMPARE(services.session().agent().login, u"cmartin"_s);
        QCOMPARE(services.database(), f.db);
        const Result<Citizen> c = services.citizens().create(CitizenFixture::sample(u"Perrin"_s, u"Noé"_s));
        QVERIFY(c.ok());
        const Result<Household> h = services.households().create(c->id);
        QVERIFY2(h.ok(), qPrintable(h.error().toString()));
        QCOMPARE(h->label, u"Foyer Perrin"_s);
        Organisation o;
        o.name = u"Association des Riverains"_s;
        o.rna = u"w922001234"_s;
        o.representativeId = c->id;
        const Result<Organisation> org = services.organisations().create(o);
        QVERIFY2(org.ok(), qPrintable(org.error().toString()));
        QCOMPARE(org->rna, u"W922001234"_s);
        QCOMPARE(scalar(f.db->connection(), u"SELECT count(*) FROM audit_events WHERE agent_login = 'cmartin'"_s)
                     .toInt(),
                 3);
    }
};

QTEST_GUILESS_MAIN(TestCitizens)
#include "TestCitizens.moc"
