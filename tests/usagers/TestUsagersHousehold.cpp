// Households through the real plugin: create one from the 360° page, add members with
// their link and the dependants flag, change and remove them, a stale change is a
// conflict, and dissolving unlinks everyone. Checked against the core after each step.
#include "tests/usagers/UsagersHarness.h"

#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/services/HouseholdService.h"
#include "ui/citizen/CitizenSearchModel.h"
#include "ui/widgets/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace iris;
using namespace iris::test;

class TestUsagersHousehold : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;
    qint64 sophie = 0;
    qint64 luc = 0;
    qint64 leo = 0;
    QWidget* dialog = nullptr;

    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }
    QWidget* card() const { return page()->findChild<QWidget*>(QStringLiteral("citizen360Page")); }
    Household stored() const
    {
        const Result<Household> household = h->system().households().forCitizen(sophie);
        return household ? *household : Household{};
    }
    QTableWidget* table() const { return dialog->findChild<QTableWidget*>(QStringLiteral("householdMembersTable")); }

    void pick(const QString& query, qint64 expected)
    {
        QWidget* picker = dialog->findChild<QWidget*>(QStringLiteral("householdPicker"));
        auto* field = picker->findChild<QLineEdit*>(QStringLiteral("citizenSearchField"));
        field->setFocus();
        field->clear();
        typeText(field, query);
        auto* model = qobject_cast<ui::CitizenSearchModel*>(
            picker->findChild<QTableView*>(QStringLiteral("citizenResults"))->model());
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->citizenId(0), expected);
    }

    static void choose(QComboBox* combo, const QString& label)
    {
        const int index = combo->findText(label);
        QVERIFY2(index >= 0, qPrintable(label));
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);  // as when the agent picks it
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString why;
        QVERIFY2(h->start(30, 0, &why), qPrintable(why));
        sophie = h->addCitizen(QStringLiteral("Garnier"), QStringLiteral("Sophie"), QDate(1982, 4, 9));
        luc = h->addCitizen(QStringLiteral("Garnier"), QStringLiteral("Luc"), QDate(1979, 11, 23));
        leo = h->addCitizen(QStringLiteral("Garnier"), QStringLiteral("Léo"), QDate(2016, 6, 2));
        QVERIFY(sophie && luc && leo);
        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
    }

    void cleanup() { ui::MessageBox::setAutoAnswer(QMessageBox::NoButton); }
    void cleanupTestCase() { delete h; }

    void createFromThe360Page()
    {
        h->shell().openRecord(QStringLiteral("citizen"), sophie);
        QVERIFY(card()->findChild<QLabel*>(QStringLiteral("householdSummary"))->text().contains(QStringLiteral("aucun foyer")));
        auto* create = card()->findChild<QPushButton*>(QStringLiteral("createHouseholdButton"));
        QVERIFY(create->isVisibleTo(card()));
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY((dialog = findTopLevel(QStringLiteral("householdDialog"))));
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("householdNoneView"))->isVisible());
        typeText(dialog->findChild<QLineEdit*>(QStringLiteral("householdLabelEdit")), QStringLiteral("Foyer Garnier"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("createHouseholdConfirmButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(dialog->findChild<QWidget*>(QStringLiteral("householdView"))->isVisible());
        QCOMPARE(table()->rowCount(), 1);
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("memberLink_%1").arg(sophie))->currentText(),
                 QStringLiteral("Chef de famille"));
        const Household household = stored();
        QCOMPARE(household.label, QStringLiteral("Foyer Garnier"));
        QCOMPARE(household.size(), 1);
    }

    void addMembersWithLinkAndDependants()
    {
        pick(QStringLiteral("garnier luc"), luc);
        choose(dialog->findChild<QComboBox*>(QStringLiteral("newMemberLinkCombo")), QStringLiteral("Conjoint(e)"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addMemberButton")), Qt::LeftButton);
        QTRY_COMPARE(table()->rowCount(), 2);

        pick(QStringLiteral("garnier leo"), leo);
        choose(dialog->findChild<QComboBox*>(QStringLiteral("newMemberLinkCombo")), QStringLiteral("Enfant"));
        dialog->findChild<QCheckBox*>(QStringLiteral("newMemberDependantCheck"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addMemberButton")), Qt::LeftButton);
        QTRY_COMPARE(table()->rowCount(), 3);
        QVERIFY(dialog->findChild<QCheckBox*>(QStringLiteral("memberDependant_%1").arg(leo))->isChecked());

        const Household household = stored();
        QCOMPARE(household.size(), 3);
        QCOMPARE(household.dependantCount(), 1);
        QCOMPARE(household.member(luc)->link, HouseholdLink::Conjoint);
        QCOMPARE(household.member(leo)->link, HouseholdLink::Enfant);
        QVERIFY(household.member(leo)->dependant);

        // The 360° page behind follows.
        auto* members = card()->findChild<QTreeWidget*>(QStringLiteral("householdMembers"));
        QTRY_COMPARE(members->topLevelItemCount(), 3);
        const QString summary = card()->findChild<QLabel*>(QStringLiteral("householdSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("3 personnes")) && summary.contains(QStringLiteral("dont 1 à charge")),
                 qPrintable(summary));
    }

    void changeAndRemoveMembers()
    {
        choose(dialog->findChild<QComboBox*>(QStringLiteral("memberLink_%1").arg(luc)), QStringLiteral("Autre"));
        QTRY_COMPARE(stored().member(luc)->link, HouseholdLink::Autre);
        dialog->findChild<QCheckBox*>(QStringLiteral("memberDependant_%1").arg(luc))->click();
        QTRY_VERIFY(stored().member(luc)->dependant);

        for (int r = 0; r < table()->rowCount(); ++r) {
            if (table()->item(r, 0)->data(Qt::UserRole).toLongLong() == leo)
                table()->selectRow(r);
        }
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removeMemberButton")), Qt::LeftButton);
        QTRY_COMPARE(table()->rowCount(), 2);
        QCOMPARE(stored().size(), 2);
        QVERIFY(!stored().member(leo));
    }

    void staleChangeIsAConflict()
    {
        // Someone else adds Léo back while the dialog shows the old composition.
        const Household current = stored();
        QVERIFY(h->system().households().addMember(current.id, current.version, leo, HouseholdLink::Enfant, true).ok());

        for (int r = 0; r < table()->rowCount(); ++r) {
            if (table()->item(r, 0)->data(Qt::UserRole).toLongLong() == luc)
                table()->selectRow(r);
        }
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("removeMemberButton")), Qt::LeftButton);
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("householdError"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        // Nothing removed, and the dialog now shows the current household.
        QCOMPARE(stored().size(), 3);
        QTRY_COMPARE(table()->rowCount(), 3);
    }

    void memberOpensTheirOwn360Page()
    {
        auto* members = card()->findChild<QTreeWidget*>(QStringLiteral("householdMembers"));
        QTRY_COMPARE(members->topLevelItemCount(), 3);
        QTreeWidgetItem* leoItem = nullptr;
        for (int i = 0; i < members->topLevelItemCount(); ++i) {
            if (members->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == leo)
                leoItem = members->topLevelItem(i);
        }
        QVERIFY(leoItem);
        Q_EMIT members->itemActivated(leoItem, 0);
        QTRY_VERIFY(card()->findChild<QLabel*>(QStringLiteral("citizenTitle"))->text().contains(QStringLiteral("Léo")));
    }

    void dissolveUnlinksEveryone()
    {
        ui::MessageBox::setAutoAnswer(QMessageBox::Yes);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("dissolveHouseholdButton")), Qt::LeftButton);
        QTRY_VERIFY(dialog->findChild<QWidget*>(QStringLiteral("householdNoneView"))->isVisible());
        for (qint64 id : {sophie, luc, leo}) {
            const Result<Household> none = h->system().households().forCitizen(id);
            QVERIFY(!none.ok());
            QCOMPARE(none.error().code(), ErrorCode::NotFound);
        }
        QVERIFY(h->system().citizens().get(leo).ok());  // people stay in the directory
    }
};

QTEST_MAIN(TestUsagersHousehold)
#include "TestUsagersHousehold.moc"
