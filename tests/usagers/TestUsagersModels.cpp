// The thin item models of the citizen widgets, checked with QAbstractItemModelTester
// (as every model must be) and for what they show.
#include "ui/citizen/CitizenSearchModel.h"
#include "ui/citizen/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace iris;
using namespace iris::ui;

class TestUsagersModels : public QObject
{
    Q_OBJECT

private:
    static CitizenSummary summary(qint64 id, const QString& nom, const QString& prenoms)
    {
        CitizenSummary c;
        c.id = id;
        c.civilite = QStringLiteral("Mme");
        c.nomUsage = nom;
        c.prenoms = prenoms;
        c.birthDate = QDate(1985, 7, 14);
        c.phone = QStringLiteral("+33141238000");
        c.email = QStringLiteral("claire.martin@example.org");
        c.postcode = QStringLiteral("92130");
        c.city = QStringLiteral("Issy-les-Moulineaux");
        return c;
    }

private Q_SLOTS:
    void searchModelPassesTester()
    {
        CitizenSearchModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setResults({summary(1, QStringLiteral("Martin"), QStringLiteral("Claire")),
                          summary(2, QStringLiteral("Dupont"), QStringLiteral("Jean Paul"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(CitizenSearchModel::ColumnCount));
        model.setResults({summary(3, QStringLiteral("Durand"), QStringLiteral("Léa"))});
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.clear();  // clearing an empty model is a no-op, not a reset
        QCOMPARE(model.rowCount(), 0);
    }

    void searchModelShowsFrenchForms()
    {
        CitizenSearchModel model;
        CitizenSummary c = summary(7, QStringLiteral("Martin"), QStringLiteral("Claire"));
        c.nomNaissance = QStringLiteral("Durand");
        model.setResults({c});
        QCOMPARE(model.index(0, CitizenSearchModel::NomColumn).data().toString(), QStringLiteral("MARTIN (née DURAND)"));
        QCOMPARE(model.index(0, CitizenSearchModel::PrenomsColumn).data().toString(), QStringLiteral("Claire"));
        QCOMPARE(model.index(0, CitizenSearchModel::BirthDateColumn).data().toString(), QStringLiteral("14/07/1985"));
        QCOMPARE(model.index(0, CitizenSearchModel::PhoneColumn).data().toString(), QStringLiteral("01 41 23 80 00"));
        QCOMPARE(model.index(0, CitizenSearchModel::EmailColumn).data().toString(),
                 QStringLiteral("claire.martin@example.org"));
        QCOMPARE(model.index(0, CitizenSearchModel::CityColumn).data().toString(), QStringLiteral("Issy-les-Moulineaux"));
        QCOMPARE(model.index(0, 3).data(CitizenSearchModel::CitizenIdRole).toLongLong(), 7);
        QCOMPARE(model.citizenId(0), 7);
        QCOMPARE(model.citizenId(1), 0);
        QCOMPARE(model.headerData(CitizenSearchModel::PhoneColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Téléphone"));
    }

    void timelineModelPassesTesterAndSortsNewestFirst()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime base(QDate(2026, 3, 2), QTime(9, 30));
        TimelineEntry a{base, QStringLiteral("Visite"), QStringLiteral("Carte d'identité"), {}, {}, 1, false};
        TimelineEntry b{base.addDays(2), QStringLiteral("Téléphone"), QStringLiteral("Inscription crèche"), {}, {}, 2, false};
        TimelineEntry c{base.addDays(-5), QStringLiteral("Courriel"), QStringLiteral("Logement"), {}, {}, 3, true};
        model.setEntries({a, b, c});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0)->id, 2);
        QCOMPARE(model.at(1)->id, 1);
        QCOMPARE(model.at(2)->id, 3);

        // Inserted at its place in time, through row insertion (checked by the tester).
        TimelineEntry d{base.addDays(1), QStringLiteral("Courrier"), QStringLiteral("Attestation"), {}, {}, 4, false};
        model.addEntry(d);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.at(1)->id, 4);

        QCOMPARE(model.index(0, TimelineModel::WhenColumn).data().toString(), QStringLiteral("04/03/2026 09:30"));
        QCOMPARE(model.index(0, TimelineModel::CategoryColumn).data().toString(), QStringLiteral("Téléphone"));
        QVERIFY(model.index(3, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(0, 0).data(Qt::FontRole).isValid());

        // A date-only entry (midnight) shows no time.
        TimelineEntry e{QDateTime(QDate(2026, 1, 5), QTime(0, 0)), {}, QStringLiteral("Échéance"), {}, {}, 5, false};
        model.setEntries({e});
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("05/01/2026"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestUsagersModels)
#include "TestUsagersModels.moc"
