#include "RelationFixture.h"
#include "core/demo/DemoData.h"
#include "core/demo/DemoSeeder.h"
#include "core/services/AuthService.h"

#include <QSqlRecord>
#include <QTest>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

namespace {

const QDate kReference(2026, 6, 30);

DossierType demoType()
{
    DossierType t;
    t.id = u"demo.acte"_s;
    t.label = u"Demande d'acte"_s;
    t.referencePrefix = u"EC"_s;
    t.defaultServiceCode = u"etat-civil"_s;
    t.workflow.state(u"recue"_s, u"Reçue"_s)
        .state(u"traitee"_s, u"Traitée"_s)
        .state(u"delivree"_s, u"Délivrée"_s, true)
        .state(u"refusee"_s, u"Refusée"_s, true)
        .initial(u"recue"_s)
        .transition(u"recue"_s, u"traitee"_s)
        .transition(u"recue"_s, u"refusee"_s)
        .transition(u"traitee"_s, u"delivree"_s);
    t.checklist = { { u"Pièce d'identité"_s, true }, { u"Justificatif de filiation"_s, true } };
    t.deadline = DeadlineRule::workingDays(10);
    return t;
}

QString dump(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        qFatal("dump failed: %s", qPrintable(sql));
    QStringList lines;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << q.value(i).toString();
        lines << cells.join(u'|');
    }
    return lines.join(u'\n');
}

const QString kCitizenDump
    = u"SELECT id, civilite, nom_usage, nom_naissance, prenoms, birth_date, birth_place, "
      u"address_line1, address_line2, postcode, city, phone, phone2, email, preferred_channel, "
      u"consent_contact FROM citizens ORDER BY id"_s;
const QString kContactDump
    = u"SELECT id, channel, direction, started_at, ended_at, agent_id, service_id, motive_theme_id, "
      u"summary, outcome, oriented_service_id, dossier_id, callback_due_at, citizen_id "
      u"FROM contacts ORDER BY id"_s;
const QString kDossierDump
    = u"SELECT id, type_id, reference, status, opened_on, due_date, closed_at, citizen_id, "
      u"service_id FROM dossiers ORDER BY id"_s;
const QString kHouseholdDump = u"SELECT household_id, citizen_id, link, dependant FROM household_members "
                               u"ORDER BY household_id, citizen_id"_s;

} // namespace

class TestDemoSeed : public QObject
{
    Q_OBJECT

private:
    struct Seeded
    {
        RelationFixture f;
        Result<DemoSeedReport> report = Error();
        explicit Seeded(quint64 seed, int citizens = 300, int contacts = 3000)
        {
            if (auto r = f.types.registerType(demoType()); !r)
                qFatal("type: %s", qPrintable(r.error().toString()));
            DemoSeedOptions options;
            options.citizens = citizens;
            options.contacts = contacts;
            options.seed = seed;
            options.referenceDate = kReference;
            options.dossierTypes = &f.types;
            options.dossiers = 30;
            report = DemoSeeder(f.db).seed(options);
        }
    };

private Q_SLOTS:
    void sameSeedSameData()
    {
        Seeded a(42), b(42), c(43);
        QVERIFY2(a.report, qPrintable(a.report.error().toString()));
        QVERIFY(b.report && c.report);
        for (const QString& sql : { kCitizenDump, kContactDump, kDossierDump, kHouseholdDump }) {
            const QString left = dump(*a.f.db, sql);
            QVERIFY(!left.isEmpty());
            QCOMPARE(left, dump(*b.f.db, sql));
        }
        QVERIFY(dump(*a.f.db, kCitizenDump) != dump(*c.f.db, kCitizenDump));
        QVERIFY(dump(*a.f.db, kContactDump) != dump(*c.f.db, kContactDump));
    }

    void sizesAndShape()
    {
        Seeded s(7);
        QVERIFY2(s.report, qPrintable(s.report.error().toString()));
        const DemoSeedReport& r = *s.report;
        QCOMPARE(r.citizens, 300);
        QCOMPARE(r.contacts, 3000);
        QCOMPARE(r.dossiers, 30);
        QCOMPARE(r.agents, int(demo::agents().size()));
        QCOMPARE(r.services, int(demo::services().size()));
        QVERIFY(r.services >= 40);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM citizens"_s), 300);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM contacts"_s), 3000);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM dossiers"_s), 30);
        QVERIFY(r.households > 30);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(DISTINCT household_id) FROM household_members"_s), r.households);
        // Two years of contacts ending on the reference date, on every channel and outcome.
        QCOMPARE(s.f.scalar(u"SELECT COUNT(DISTINCT channel) FROM contacts"_s), 4);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(DISTINCT outcome) FROM contacts"_s), 5);
        QSqlQuery q(s.f.db->connection());
        QVERIFY(q.exec(u"SELECT MIN(started_at), MAX(started_at) FROM contacts"_s) && q.next());
        const QDate first = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs).date();
        const QDate last = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs).date();
        QVERIFY2(first >= kReference.addDays(-730) && first < kReference.addDays(-700),
            qPrintable(first.toString()));
        QVERIFY2(
            last > kReference.addDays(-10) && last <= kReference.addDays(1), qPrintable(last.toString()));
        // Counter visits happen on opening hours: none on a Sunday.
        QVERIFY(q.exec(u"SELECT started_at FROM contacts WHERE channel = 'visite'"_s));
        while (q.next()) {
            const QDateTime at
                = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs).toLocalTime();
            QVERIFY2(at.date().dayOfWeek() != 7, qPrintable(at.toString()));
        }
        // Oriented contacts name a service; dossier contacts name a dossier.
        QCOMPARE(
            s.f.scalar(
                u"SELECT COUNT(*) FROM contacts WHERE outcome = 'oriente' AND oriented_service_id IS NULL"_s),
            0);
        QCOMPARE(
            s.f.scalar(
                u"SELECT COUNT(*) FROM contacts WHERE outcome = 'dossier_cree' AND dossier_id IS NULL"_s),
            0);
        // Addresses on the city's streets, people with phones in E.164 and example e-mails.
        QSet<QString> streets;
        for (const char* street : demo::streetNames())
            streets.insert(QString::fromUtf8(street));
        QVERIFY(q.exec(u"SELECT address_line1, postcode, phone, email FROM citizens"_s));
        while (q.next()) {
            const QString line = q.value(0).toString();
            const QString street = line.section(
                u' ', line.section(u' ', 1, 1) == u"bis"_s || line.section(u' ', 1, 1) == u"ter"_s ? 2 : 1);
            QVERIFY2(streets.contains(street), qPrintable(line));
            QCOMPARE(q.value(1).toString(), u"92130"_s);
            QVERIFY(q.value(2).isNull() || q.value(2).toString().startsWith(u"+33"_s));
            QVERIFY(q.value(3).isNull() || q.value(3).toString().contains(u"@example."_s));
        }
        // Dossier references follow the sequences: the next one created continues them.
        Dossier d;
        d.typeId = u"demo.acte"_s;
        s.f.dossiers.setClock([] { return QDateTime(kReference, QTime(10, 0)); });
        auto next = s.f.dossiers.create(d);
        QVERIFY2(next, qPrintable(next.error().toString()));
        QCOMPARE(s.f.scalar(u"SELECT COUNT(DISTINCT reference) FROM dossiers"_s), 31);
        QCOMPARE(s.f.scalar(u"SELECT COUNT(*) FROM dossier_documents"_s), 62);
        QVERIFY(s.f.scalar(u"SELECT COUNT(*) FROM dossiers WHERE closed_at IS NOT NULL"_s) > 0);
    }

    void everyCitizenSearchable()
    {
        Seeded s(11, 250, 200);
        QVERIFY(s.report);
        QSqlQuery q(s.f.db->connection());
        QVERIFY(q.exec(u"SELECT id, nom_usage, nom_naissance, prenoms FROM citizens"_s));
        int checked = 0;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            const QString nom
                = q.value(1).toString().isEmpty() ? q.value(2).toString() : q.value(1).toString();
            const QString query = nom + u' ' + q.value(3).toString().section(u' ', 0, 0);
            auto hits = s.f.citizens.search(query, 500);
            QVERIFY2(hits, qPrintable(hits.error().toString()));
            bool found = false;
            for (const CitizenSummary& c : *hits)
                found = found || c.id == id;
            QVERIFY2(found, qPrintable(query));
            ++checked;
        }
        QCOMPARE(checked, 250);
    }

    void demoAgentsCanLogIn()
    {
        Seeded s(3, 20, 50);
        QVERIFY(s.report);
        AuthService auth(s.f.db);
        QSet<Role> roles;
        for (const demo::DemoAgentSpec& a : demo::agents()) {
            if (QByteArray(a.password) == "demo")
                continue; // one account per role is enough to check; the others share the scheme
            auto who = auth.login(QString::fromUtf8(a.login), QString::fromUtf8(a.password));
            QVERIFY2(who, a.login);
            QCOMPARE(who->role, a.role);
            roles.insert(who->role);
        }
        QCOMPARE(roles.size(), int(allRoles().size()));
        QVERIFY(auth.login(u"c.moreau"_s, u"demo"_s));
    }

    void refusesUnmigratedDatabaseAndRollsBackOnCancel()
    {
        QTemporaryDir dir;
        DatabaseConfig config;
        config.path = dir.filePath(u"empty.sqlite"_s);
        auto db = Database::open(config);
        QVERIFY(db);
        auto refused = DemoSeeder(*db).seed({});
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(u"migrations"_s));

        RelationFixture f;
        DemoSeedOptions options;
        options.citizens = 1000;
        options.contacts = 1000;
        options.referenceDate = kReference;
        auto cancelled = DemoSeeder(f.db).seed(options, [](qint64 done, qint64) { return done < 500; });
        QVERIFY(!cancelled);
        QVERIFY(cancelled.error().message().contains(u"interrompue"_s));
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM citizens"_s), 0);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM services"_s), 0);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM agents"_s), 0);

        options.citizens = -1;
        QCOMPARE(DemoSeeder(f.db).seed(options).error().code(), ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestDemoSeed)
#include "TestDemoSeed.moc"
