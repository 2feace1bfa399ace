// The citizen 360° page of the real plugin: the core "Contacts" and "Dossiers" panels
// list the person's history across modules; panels other modules register are shown in
// order and only to roles allowed to see them; a dossier found by its reference opens
// on its citizen's page.
#include "tests/usagers/UsagersHarness.h"

#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"

#include <QComboBox>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

#include "ui/citizen/TimelineList.h"
#include "ui/citizen/TimelineModel.h"

using namespace iris;
using namespace iris::test;

class TestUsagers360Panels : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;
    qint64 citizen = 0;
    Dossier overdue;
    Dossier closed;

    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }
    QWidget* card() const { return page()->findChild<QWidget*>(QStringLiteral("citizen360Page")); }
    ui::TimelineList* list(const char* name) const
    {
        return card()->findChild<ui::TimelineList*>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString why;
        QVERIFY2(h->start(30, 0, &why), qPrintable(why));
        QVERIFY(h->addTestDossierType());
        citizen = h->addCitizen(QStringLiteral("Rousseau"), QStringLiteral("Amélie"), QDate(1991, 9, 30),
                                QStringLiteral("0145678901"));
        QVERIFY(citizen);
        QVERIFY(h->logContact(citizen, ContactChannel::Visite, 40, QStringLiteral("Demande d'acte")));
        QVERIFY(h->logContact(citizen, ContactChannel::Telephone, 3, QStringLiteral("Suivi")));
        QVERIFY(h->logContact(citizen, ContactChannel::Courriel, 12));

        // Opened 30 days ago, due 10 working days later: overdue today.
        overdue = h->openDossier(citizen, QStringLiteral("Justificatif en attente"), 30);
        QVERIFY(overdue.id);
        QVERIFY(overdue.isOverdue(QDate::currentDate()));
        closed = h->openDossier(citizen, QStringLiteral("Attestation délivrée"));
        Result<Dossier> step = h->system().dossiers().transition(closed.id, closed.version, QStringLiteral("en_cours"));
        QVERIFY(step.ok());
        step = h->system().dossiers().transition(closed.id, step->version, QStringLiteral("traitee"));
        QVERIFY(step.ok());
        closed = *step;

        // Panels another module would contribute: one for everyone, one for supervision.
        CitizenPanelSpec everyone;
        everyone.id = QStringLiteral("test.rendezvous");
        everyone.title = QStringLiteral("Rendez-vous");
        everyone.order = 15;
        everyone.create = [](qint64 id, QWidget* parent) {
            auto* w = new QLabel(QStringLiteral("rdv %1").arg(id), parent);
            w->setObjectName(QStringLiteral("testRendezVousPanel"));
            return w;
        };
        h->context().citizenPanels.add(everyone);
        CitizenPanelSpec restricted;
        restricted.id = QStringLiteral("test.audit");
        restricted.title = QStringLiteral("Journal");
        restricted.permission = QStringLiteral("audit.read");
        restricted.order = 1;
        restricted.create = [](qint64, QWidget* parent) { return new QLabel(parent); };
        h->context().citizenPanels.add(restricted);

        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
        h->shell().openRecord(QStringLiteral("citizen"), citizen);
        QVERIFY(card() && card()->isVisible());
    }

    void cleanupTestCase() { delete h; }

    void panelsInOrderAndByPermission()
    {
        auto* tabs = card()->findChild<QTabWidget*>(QStringLiteral("citizenPanels"));
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QCOMPARE(titles, (QStringList{QStringLiteral("Contacts"), QStringLiteral("Rendez-vous"),
                                      QStringLiteral("Dossiers")}));
        QVERIFY(card()->findChild<QLabel*>(QStringLiteral("testRendezVousPanel"))->text().endsWith(QString::number(citizen)));
    }

    void contactsPanelListsEveryChannelNewestFirst()
    {
        ui::TimelineList* contacts = list("contactsTimeline");
        QCOMPARE(contacts->count(), 3);
        const ui::TimelineModel* m = contacts->model();
        QCOMPARE(m->index(0, ui::TimelineModel::CategoryColumn).data().toString(), QStringLiteral("Téléphone"));
        QCOMPARE(m->index(1, ui::TimelineModel::CategoryColumn).data().toString(), QStringLiteral("Courriel"));
        QCOMPARE(m->index(2, ui::TimelineModel::CategoryColumn).data().toString(), QStringLiteral("Visite"));
        QVERIFY(!m->index(0, ui::TimelineModel::TitleColumn).data().toString().isEmpty());  // motive label
        const QString detail = m->index(2, ui::TimelineModel::DetailColumn).data().toString();
        QVERIFY2(detail.contains(QStringLiteral("Demande d'acte")) && detail.contains(QStringLiteral("Camille Accueil")),
                 qPrintable(detail));
        QVERIFY(card()->findChild<QLabel*>(QStringLiteral("contactsSummary"))->text().startsWith(QStringLiteral("3 contacts")));

        auto* filter = card()->findChild<QComboBox*>(QStringLiteral("contactsChannelFilter"));
        filter->setCurrentIndex(filter->findText(QStringLiteral("Téléphone")));
        QCOMPARE(contacts->count(), 1);
        filter->setCurrentIndex(0);
        QCOMPARE(contacts->count(), 3);
    }

    void dossiersPanelFlagsOpenAndOverdue()
    {
        ui::TimelineList* dossiers = list("dossiersTimeline");
        QCOMPARE(dossiers->count(), 2);
        const QString summary = card()->findChild<QLabel*>(QStringLiteral("dossiersSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("2 dossiers")) && summary.contains(QStringLiteral("1 en cours"))
                     && summary.contains(QStringLiteral("1 en retard")),
                 qPrintable(summary));
        int overdueRow = -1;
        for (int r = 0; r < dossiers->count(); ++r) {
            if (dossiers->model()->at(r)->id == overdue.id)
                overdueRow = r;
        }
        QVERIFY(overdueRow >= 0);
        const ui::TimelineModel* m = dossiers->model();
        QVERIFY(m->index(overdueRow, ui::TimelineModel::TitleColumn).data().toString().startsWith(overdue.reference));
        QCOMPARE(m->index(overdueRow, ui::TimelineModel::CategoryColumn).data().toString(), QStringLiteral("Demande de test"));
        QVERIFY(m->index(overdueRow, ui::TimelineModel::DetailColumn).data().toString().contains(QStringLiteral("EN RETARD")));
        QVERIFY(m->at(overdueRow)->highlighted);
        QVERIFY(!m->at(1 - overdueRow)->highlighted);  // closed

        // Selecting a dossier shows its own timeline.
        ui::TimelineList* events = list("dossierEventsTimeline");
        QCOMPARE(events->count(), 0);
        dossiers->view()->setCurrentIndex(m->index(1 - overdueRow, 0));
        QTRY_VERIFY(events->count() >= 3);  // created, two status changes
    }

    void dossierReferenceSearchOpensItsCitizen()
    {
        std::shared_ptr<SearchProvider> provider;
        for (const auto& p : h->context().searchProviders) {
            if (p->id() == QLatin1String("usagers.dossiers"))
                provider = p;
        }
        QVERIFY(provider);
        // Typed loosely: lower case, spaces, no leading zeros.
        const QStringList parts = overdue.reference.split(QLatin1Char('-'));
        const QString typed = QStringLiteral("%1 %2 %3").arg(parts[0].toLower(), parts[1]).arg(parts[2].toInt());
        const QList<SearchHit> hits = provider->search(typed, 5);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().kind, QStringLiteral("dossier"));
        QCOMPARE(hits.first().id, overdue.id);
        QVERIFY(hits.first().title.startsWith(overdue.reference));
        QVERIFY(provider->search(QStringLiteral("Rousseau"), 5).isEmpty());

        // No module registered a dossier page: the usagers fallback opens the citizen.
        h->shell().showPage(QStringLiteral("usagers.directory"));
        card()->findChild<QWidget*>(QStringLiteral("backButton"))->setFocus();
        QTest::mouseClick(card()->findChild<QWidget*>(QStringLiteral("backButton")), Qt::LeftButton);
        QTRY_VERIFY(!card()->isVisible());
        h->shell().openRecord(hits.first().kind, hits.first().id);
        QTRY_VERIFY(card()->isVisible());
        auto* tabs = card()->findChild<QTabWidget*>(QStringLiteral("citizenPanels"));
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Dossiers"));
        QVERIFY(card()->findChild<QLabel*>(QStringLiteral("citizenTitle"))->text().contains(QStringLiteral("ROUSSEAU")));
    }
};

QTEST_MAIN(TestUsagers360Panels)
#include "TestUsagers360Panels.moc"
