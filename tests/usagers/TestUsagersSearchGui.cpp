// Search as-you-type on the "Usagers" page of the real plugin, then open the 360° page:
// keyboard only, against a seeded SQLite file.
#include "tests/usagers/UsagersHarness.h"

#include "core/domain/AuditEvent.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "ui/citizen/CitizenSearchModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace iris;
using namespace iris::test;

class TestUsagersSearchGui : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;
    qint64 helene = 0;

    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }
    template<typename T>
    T* child(const char* name) const
    {
        return page()->findChild<T*>(QString::fromLatin1(name));
    }
    ui::CitizenSearchModel* resultsModel() const
    {
        return qobject_cast<ui::CitizenSearchModel*>(child<QTableView>("citizenResults")->model());
    }
    void search(const QString& text)
    {
        auto* field = child<QLineEdit>("citizenSearchField");
        field->setFocus();
        field->clear();
        typeText(field, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString error;
        QVERIFY2(h->start(400, 1500, &error), qPrintable(error));
        helene = h->addCitizen(QStringLiteral("Dupré-Lambert"), QStringLiteral("Hélène Marie"), QDate(1985, 7, 14),
                               QStringLiteral("01.41.23.80.00"), QStringLiteral("helene.dupre@example.org"));
        QVERIFY(helene > 0);
        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &error), qPrintable(error));
    }

    void cleanupTestCase() { delete h; }

    void pluginRegistersItsContributions()
    {
        const ModuleContext& ctx = h->context();
        QCOMPARE(h->manager().loadOrder(), QStringList{QStringLiteral("usagers")});
        QVERIFY(ctx.recordOpeners.contains(QStringLiteral("citizen")));
        QCOMPARE(ctx.pages.items().size(), 1);
        QCOMPARE(ctx.pages.items().first().id, QStringLiteral("usagers.directory"));
        QCOMPARE(ctx.pages.items().first().title, QStringLiteral("Usagers"));
        QVERIFY(!ctx.pages.items().first().shortcut.isEmpty());
        const ActionSpec* create = h->action(QStringLiteral("usagers.newCitizen"));
        QVERIFY(create);
        QCOMPARE(create->text, QStringLiteral("Nouvel usager"));
        QCOMPARE(create->shortcut, QStringLiteral("Ctrl+N"));
        QCOMPARE(h->action(QStringLiteral("usagers.mergeCitizens"))->permission, QStringLiteral("citizen.merge"));
        QStringList panels;
        for (const CitizenPanelSpec& p : ctx.citizenPanels.items())
            panels << p.id;
        QCOMPARE(panels, (QStringList{QStringLiteral("usagers.contacts"), QStringLiteral("usagers.dossiers")}));
        QStringList providers;
        for (const auto& p : ctx.searchProviders)
            providers << p->id();
        QCOMPARE(providers, (QStringList{QStringLiteral("usagers.citizens"), QStringLiteral("usagers.dossiers")}));
    }

    void typingShowsMatchesAsYouType()
    {
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
        QVERIFY(QTest::qWaitForWindowExposed(page()->window()));
        // Prefixes of nom and prénom, in either order, without accents or case.
        search(QStringLiteral("hel dupr"));
        QTRY_VERIFY(resultsModel()->rowCount() >= 1);
        QCOMPARE(resultsModel()->citizenId(0), helene);
        ui::CitizenSearchModel* m = resultsModel();
        QCOMPARE(m->index(0, ui::CitizenSearchModel::NomColumn).data().toString(), QStringLiteral("DUPRÉ-LAMBERT"));
        QCOMPARE(m->index(0, ui::CitizenSearchModel::PrenomsColumn).data().toString(), QStringLiteral("Hélène Marie"));
        QCOMPARE(m->index(0, ui::CitizenSearchModel::BirthDateColumn).data().toString(), QStringLiteral("14/07/1985"));
        QCOMPARE(m->index(0, ui::CitizenSearchModel::PhoneColumn).data().toString(), QStringLiteral("01 41 23 80 00"));
        QCOMPARE(m->index(0, ui::CitizenSearchModel::CityColumn).data().toString(), QStringLiteral("Issy-les-Moulineaux"));
        QVERIFY(child<QLabel>("citizenSearchStatus")->text().contains(QStringLiteral("trouvé")));
    }

    void searchesByPhoneAndEmail()
    {
        search(QStringLiteral("80 00"));  // last digits
        QTRY_VERIFY(resultsModel()->rowCount() >= 1);
        bool found = false;
        for (int r = 0; r < resultsModel()->rowCount(); ++r)
            found = found || resultsModel()->citizenId(r) == helene;
        QVERIFY(found);

        search(QStringLiteral("helene.dupre@"));
        QTRY_COMPARE(resultsModel()->rowCount(), 1);
        QCOMPARE(resultsModel()->citizenId(0), helene);
    }

    void unknownNameSaysSo()
    {
        search(QStringLiteral("Zzyzxqw"));
        QTRY_COMPARE(child<QLabel>("citizenSearchStatus")->text(), QStringLiteral("Aucun usager trouvé."));
        QCOMPARE(resultsModel()->rowCount(), 0);
    }

    void keyboardOpensThe360Page()
    {
        const int readsBefore = h->auditCount(auditaction::Read, QStringLiteral("citizen"), helene);
        search(QStringLiteral("HELENE DUPRE"));
        QTRY_COMPARE(resultsModel()->rowCount(), 1);
        auto* field = child<QLineEdit>("citizenSearchField");
        QTest::keyClick(field, Qt::Key_Down);
        auto* results = child<QTableView>("citizenResults");
        QTRY_VERIFY(results->hasFocus());
        QTest::keyClick(results, Qt::Key_Return);

        auto* stack = page()->findChild<QStackedWidget*>();
        QWidget* card = child<QWidget>("citizen360Page");
        QVERIFY(card);
        QCOMPARE(stack->currentWidget(), card);
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("citizenTitle"))->text(),
                 QStringLiteral("Mme DUPRÉ-LAMBERT Hélène Marie"));
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("identityPhone"))->text(), QStringLiteral("01 41 23 80 00"));
        QVERIFY(card->findChild<QLabel*>(QStringLiteral("identityBirth"))->text().contains(QStringLiteral("14/07/1985")));
        auto* tabs = card->findChild<QTabWidget*>(QStringLiteral("citizenPanels"));
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Contacts"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Dossiers"));
        // Opening the record is audited by the core, once.
        QCOMPARE(h->auditCount(auditaction::Read, QStringLiteral("citizen"), helene), readsBefore + 1);

        // Back with Alt+Left: the results are still there.
        QTest::keyClick(card, Qt::Key_Left, Qt::AltModifier);
        QTRY_VERIFY(stack->currentWidget() != card);
        QCOMPARE(child<QLineEdit>("citizenSearchField")->text(), QStringLiteral("HELENE DUPRE"));
        QCOMPARE(resultsModel()->rowCount(), 1);
    }

    void enterInTheFieldOpensTheFirstMatch()
    {
        search(QStringLiteral("dupré-lambert"));
        QTRY_COMPARE(resultsModel()->rowCount(), 1);
        QTest::keyClick(child<QLineEdit>("citizenSearchField"), Qt::Key_Return);
        QWidget* card = child<QWidget>("citizen360Page");
        QTRY_VERIFY(card->isVisible());
        QTest::mouseClick(card->findChild<QWidget*>(QStringLiteral("backButton")), Qt::LeftButton);
        QTRY_VERIFY(!card->isVisible());
    }

    void globalSearchProviderFindsCitizens()
    {
        std::shared_ptr<SearchProvider> citizens;
        for (const auto& p : h->context().searchProviders) {
            if (p->id() == QLatin1String("usagers.citizens"))
                citizens = p;
        }
        QVERIFY(citizens);
        QCOMPARE(citizens->permission(), QStringLiteral("citizen.read"));
        // Called off the GUI thread by the shell; do the same.
        QList<SearchHit> hits;
        QThread* worker = QThread::create([&] { hits = citizens->search(QStringLiteral("dupre hel"), 5); });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(!hits.isEmpty());
        QCOMPARE(hits.first().kind, QStringLiteral("citizen"));
        QCOMPARE(hits.first().id, helene);
        QCOMPARE(hits.first().title, QStringLiteral("Mme DUPRÉ-LAMBERT Hélène Marie"));
        QVERIFY(hits.first().subtitle.contains(QStringLiteral("01 41 23 80 00")));

        // The shell opens a hit through the opener of its kind: the 360° page.
        h->shell().openRecord(hits.first().kind, hits.first().id);
        QWidget* card = child<QWidget>("citizen360Page");
        QTRY_VERIFY(card->isVisible());
        QCOMPARE(card->findChild<QLabel*>(QStringLiteral("citizenTitle"))->text(),
                 QStringLiteral("Mme DUPRÉ-LAMBERT Hélène Marie"));
    }
};

QTEST_MAIN(TestUsagersSearchGui)
#include "TestUsagersSearchGui.moc"
