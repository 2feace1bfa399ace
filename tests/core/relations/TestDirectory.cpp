#include "RelationFixture.h"
#include "core/domain/OpeningHours.h"

#include <QTest>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

class TestDirectory : public QObject
{
    Q_OBJECT

private:
    /// The centre administratif: Mon–Fri 8:30–18:00, Thu to 19:00, Sat 8:30–12:00 but not in
    /// July–August, closed on public holidays.
    static OpeningHours centre()
    {
        OpeningHours h;
        h.setDays({ 1, 2, 3, 5 }, { { QTime(8, 30), QTime(18, 0) } });
        h.setDay(4, { { QTime(8, 30), QTime(19, 0) } });
        h.setDay(6, { { QTime(8, 30), QTime(12, 0) } });
        h.addException({ QDate(2000, 7, 1), QDate(2000, 8, 31), { 6 }, {}, u"Samedis d'été"_s, true });
        return h;
    }

private Q_SLOTS:
    void openingHours_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("open");
        // 2026-11-23 is a Monday.
        QTest::newRow("monday opening minute") << QDateTime(QDate(2026, 11, 23), QTime(8, 30)) << true;
        QTest::newRow("monday before opening") << QDateTime(QDate(2026, 11, 23), QTime(8, 29, 59)) << false;
        QTest::newRow("monday last second") << QDateTime(QDate(2026, 11, 23), QTime(17, 59, 59)) << true;
        QTest::newRow("monday closing time") << QDateTime(QDate(2026, 11, 23), QTime(18, 0)) << false;
        QTest::newRow("thursday late") << QDateTime(QDate(2026, 11, 26), QTime(18, 30)) << true;
        QTest::newRow("thursday after 19") << QDateTime(QDate(2026, 11, 26), QTime(19, 0)) << false;
        QTest::newRow("saturday morning") << QDateTime(QDate(2026, 11, 28), QTime(11, 0)) << true;
        QTest::newRow("saturday afternoon") << QDateTime(QDate(2026, 11, 28), QTime(14, 0)) << false;
        QTest::newRow("sunday") << QDateTime(QDate(2026, 11, 29), QTime(10, 0)) << false;
        QTest::newRow("summer saturday") << QDateTime(QDate(2026, 7, 18), QTime(10, 0)) << false;
        QTest::newRow("summer weekday") << QDateTime(QDate(2026, 7, 17), QTime(10, 0)) << true;
        QTest::newRow("saturday after summer") << QDateTime(QDate(2026, 9, 5), QTime(10, 0)) << true;
        QTest::newRow("armistice (wednesday)") << QDateTime(QDate(2026, 11, 11), QTime(10, 0)) << false;
        QTest::newRow("easter monday 2027") << QDateTime(QDate(2027, 3, 29), QTime(10, 0)) << false;
        QTest::newRow("ascension 2026") << QDateTime(QDate(2026, 5, 14), QTime(10, 0)) << false;
        QTest::newRow("day after ascension") << QDateTime(QDate(2026, 5, 15), QTime(10, 0)) << true;
    }

    void openingHours()
    {
        QFETCH(QDateTime, at);
        QFETCH(bool, open);
        QCOMPARE(centre().isOpenAt(at), open);
    }

    void exceptionsAndHolidays()
    {
        OpeningHours h = centre();
        // A special day: open only in the morning on 24 December 2026 (a Thursday).
        h.addException({ QDate(2026, 12, 24), QDate(2026, 12, 24), {}, { { QTime(8, 30), QTime(12, 0) } },
            u"Veille de Noël"_s });
        QVERIFY(h.isOpenAt(QDateTime(QDate(2026, 12, 24), QTime(11, 0))));
        QVERIFY(!h.isOpenAt(QDateTime(QDate(2026, 12, 24), QTime(15, 0))));
        QVERIFY(h.isOpenAt(QDateTime(QDate(2026, 12, 17), QTime(15, 0))));
        // A yearly period that wraps the new year.
        h.addException(
            { QDate(2000, 12, 30), QDate(2000, 1, 2), {}, {}, u"Fermeture de fin d'année"_s, true });
        QVERIFY(!h.isOpenAt(QDateTime(QDate(2027, 12, 30), QTime(10, 0))));
        QVERIFY(!h.isOpenAt(QDateTime(QDate(2028, 1, 2), QTime(10, 0))));
        QVERIFY(h.isOpenAt(QDateTime(QDate(2028, 1, 3), QTime(10, 0))));
        // An on-duty line open on holidays.
        OpeningHours duty;
        duty.setDays({ 1, 2, 3, 4, 5, 6, 7 }, { { QTime(7, 0), QTime(23, 0) } });
        QVERIFY(!duty.isOpenAt(QDateTime(QDate(2026, 7, 14), QTime(10, 0))));
        duty.setOpenOnPublicHolidays(true);
        QVERIFY(duty.isOpenAt(QDateTime(QDate(2026, 7, 14), QTime(10, 0))));
        // Next opening after Saturday noon is Monday 8:30.
        QCOMPARE(centre().nextOpening(QDateTime(QDate(2026, 11, 28), QTime(12, 0))),
            QDateTime(QDate(2026, 11, 30), QTime(8, 30)));
    }

    void jsonRoundTrip()
    {
        OpeningHours h = centre();
        h.setOpenOnPublicHolidays(true);
        OpeningHours back;
        QVERIFY(OpeningHours::fromJson(h.toJson(), &back));
        QCOMPARE(back, h);
        QString message;
        QVERIFY(!OpeningHours::fromJson(u"{not json"_s, &back, &message));
        QVERIFY(message.contains(u"illisibles"_s));
        QCOMPARE(centre().toDisplayText(),
            u"lun.–mer. 08:30–18:00 ; jeu. 08:30–19:00 ; ven. 08:30–18:00 ; sam. 08:30–12:00"_s);
    }

    void openAtAcrossServices()
    {
        RelationFixture f;
        const qint64 centreId = f.service(u"État civil"_s, u"etat-civil"_s);
        MunicipalService police;
        police.name = u"Police municipale"_s;
        police.hours.setDays({ 1, 2, 3, 4, 5, 6, 7 }, { { QTime(7, 0), QTime(23, 0) } });
        police.hours.setOpenOnPublicHolidays(true);
        const qint64 policeId = f.directory.create(police)->id;

        const auto ids = [&](const QDateTime& at) {
            QList<qint64> out;
            const auto open = f.directory.openAt(at);
            for (const MunicipalService& s : *open)
                out << s.id;
            return out;
        };
        QCOMPARE(ids(QDateTime(QDate(2026, 11, 23), QTime(10, 0))), (QList<qint64> { centreId, policeId }));
        QCOMPARE(ids(QDateTime(QDate(2026, 11, 23), QTime(20, 0))), QList<qint64> { policeId });
        QCOMPARE(ids(QDateTime(QDate(2026, 11, 29), QTime(10, 0))), QList<qint64> { policeId });
        QCOMPARE(ids(QDateTime(QDate(2026, 11, 23), QTime(23, 30))), QList<qint64> {});

        // openNow() follows the service clock.
        f.directory.setClock([] { return QDateTime(QDate(2026, 11, 28), QTime(9, 0)); });
        QCOMPARE(f.directory.openNow()->size(), 2);
        f.directory.setClock([] { return QDateTime(QDate(2026, 11, 28), QTime(13, 0)); });
        QCOMPARE(f.directory.openNow()->size(), 1);

        // An inactive service is never open.
        auto s = f.directory.get(centreId);
        s->active = false;
        QVERIFY(f.directory.update(*s));
        QCOMPARE(ids(QDateTime(QDate(2026, 11, 23), QTime(10, 0))), QList<qint64> { policeId });
    }

    void createValidatesAndNormalises()
    {
        RelationFixture f;
        MunicipalService s;
        s.name = u"  CCAS  "_s;
        s.phone = u"01.41.23.86.50"_s;
        s.email = u"ccas@Ville-Issy.example"_s;
        s.themes = { u"aide sociale"_s, u" domiciliation "_s, u"aide sociale"_s };
        auto created = f.directory.create(s);
        QVERIFY2(created, qPrintable(created.error().toString()));
        QCOMPARE(created->name, u"CCAS"_s);
        QCOMPARE(created->phone, u"+33141238650"_s);
        QCOMPARE(created->email, u"ccas@ville-issy.example"_s);
        QCOMPARE(created->themes, (QStringList { u"aide sociale"_s, u"domiciliation"_s }));
        QCOMPARE(created->version, 1);

        MunicipalService bad;
        bad.name = u""_s;
        bad.phone = u"12"_s;
        bad.email = u"pas-un-courriel"_s;
        bad.hours.setDay(1, { { QTime(18, 0), QTime(8, 0) } });
        auto refused = f.directory.create(bad);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Validation);
        for (const char* field : { "name", "phone", "email", "hours" })
            QVERIFY2(!refused.error().fieldMessage(QString::fromLatin1(field)).isEmpty(), field);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM services"_s), 1);

        MunicipalService same;
        same.name = u"ccas"_s;
        auto duplicate = f.directory.create(same);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code(), ErrorCode::Duplicate);

        // Renaming another service to an existing name is refused; keeping its own name is not.
        MunicipalService logement;
        logement.name = u"Logement"_s;
        auto housing = f.directory.create(logement);
        QVERIFY(housing);
        MunicipalService renamed = *housing;
        renamed.name = u"CCAS"_s;
        auto clash = f.directory.update(renamed);
        QVERIFY(!clash);
        QCOMPARE(clash.error().code(), ErrorCode::Duplicate);
        MunicipalService kept = *housing;
        kept.onDutyNotes = u"Permanence le mardi"_s;
        QVERIFY(f.directory.update(kept));
    }

    void searchByNameOrTheme()
    {
        RelationFixture f;
        MunicipalService ec;
        ec.name = u"État civil"_s;
        ec.themes = { u"naissance"_s, u"mariage"_s, u"PACS"_s };
        MunicipalService pe;
        pe.name = u"Petite enfance"_s;
        pe.themes = { u"crèche"_s, u"halte-garderie"_s, u"naissance"_s };
        QVERIFY(f.directory.create(ec));
        QVERIFY(f.directory.create(pe));
        const auto names = [&](const QString& q) {
            QStringList out;
            const auto found = f.directory.search(q);
            for (const MunicipalService& s : *found)
                out << s.name;
            return out;
        };
        QCOMPARE(names(u"etat civ"_s), QStringList { u"État civil"_s });
        QCOMPARE(names(u"CRECHE"_s), QStringList { u"Petite enfance"_s });
        QCOMPARE(names(u"pacs"_s), QStringList { u"État civil"_s });
        QCOMPARE(names(u"naissance"_s).size(), 2);
        QCOMPARE(names(u"enfance"_s), QStringList { u"Petite enfance"_s });
        QVERIFY(names(u"urbanisme"_s).isEmpty());
    }

    void permissionsConflictsAndRemoval()
    {
        RelationFixture f;
        const qint64 id = f.service(u"Urbanisme"_s);
        auto current = f.directory.get(id);

        RelationFixture counter(Role::AgentAccueil);
        MunicipalService s;
        s.name = u"Sports"_s;
        auto denied = counter.directory.create(s);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);

        MunicipalService first = *current;
        first.onDutyNotes = u"Permanence le mardi"_s;
        QVERIFY(f.directory.update(first));
        MunicipalService stale = *current;
        stale.onDutyNotes = u"Autre texte"_s;
        auto conflict = f.directory.update(stale);
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().code(), ErrorCode::Conflict);
        QCOMPARE(f.directory.get(id)->onDutyNotes, u"Permanence le mardi"_s);

        // Referenced by an agent: cannot be removed.
        f.agent(u"urba"_s, Role::AgentService, id);
        auto refused = f.directory.remove(id, 2);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        const qint64 lone = f.service(u"Archives"_s);
        QVERIFY(f.directory.remove(lone, 1));
        QCOMPARE(f.directory.get(lone).error().code(), ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestDirectory)
#include "TestDirectory.moc"
