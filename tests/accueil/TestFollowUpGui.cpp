// "À traiter" across modules, through the real plugins (usagers + accueil + état civil):
// the état civil agent's "Mon service" lists the service's late acte requests (état civil's
// source, registered in the core's follow-up registry), the late letter and the late
// courriel the counter handed to état civil, merged by due date; activating an acte opens
// it on the requests page, the letter on the Courrier page. Another service's agent does
// not see them; the counter agent's scopes still work. The navigation's pages all have
// distinct titles and distinct icons that exist in the resources.
#include "core/domain/Agent.h"
#include "core/domain/Dossier.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/services/DossierService.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "tests/usagers/UsagersHarness.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestFollowUpGui : public QObject
{
    Q_OBJECT

    struct Site
    {
        qint64 citizen = 0;
        Dossier lateActe;
        Dossier laterActe;
        Dossier recentActe;
        accueil::PostLetter ecLetter;
        accueil::PostLetter logementLetter;
        accueil::PostLetter counterLetter;
        qint64 courrielId = 0;
    };

    static qint64 serviceId(UsagersHarness& h, const QString& code)
    {
        const Result<MunicipalService> s = h.system().directory().findByCode(code);
        return s ? s->id : 0;
    }

    /// An acte request opened `daysAgo` days back (état civil's by default), as the demo has them.
    static Dossier openActe(UsagersHarness& h, qint64 citizen, const QString& subject, int daysAgo)
    {
        h.system().dossiers().setClock([daysAgo] { return QDateTime::currentDateTime().addDays(-daysAgo); });
        Dossier draft;
        draft.typeId = etatcivil::ids::ActeType;
        draft.subject = subject;
        draft.citizenId = citizen;
        const Result<Dossier> created = h.system().dossiers().create(draft);
        h.system().dossiers().setClock(&sql::systemNow);
        if (!created)
            qWarning("openActe: %s", qPrintable(created.error().toString()));
        return created ? *created : Dossier {};
    }

    static accueil::PostLetter lateLetter(
        UsagersHarness& h, const QString& subject, qint64 serviceId, qint64 agentId = 0)
    {
        accueil::PostLetter l;
        l.receivedOn = QDate::currentDate().addMonths(-2);
        l.senderName = u"Étude notariale Martin"_s;
        l.subject = subject;
        l.assignedServiceId = serviceId;
        l.assignedAgentId = agentId;
        const Result<accueil::PostLetter> saved = accueil::PostService(h.system()).registerLetter(l);
        if (!saved)
            qWarning("lateLetter: %s", qPrintable(saved.error().toString()));
        return saved ? *saved : accueil::PostLetter {};
    }

    static void prepare(UsagersHarness& h, Site& site)
    {
        h.setModules({ u"usagers"_s, u"accueil"_s, u"etatcivil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        site.citizen = h.addCitizen(u"Lefebvre"_s, u"Marc"_s, QDate(1970, 1, 2));
        QVERIFY(site.citizen > 0);
        site.lateActe = openActe(h, site.citizen, u"Copie intégrale — acte de naissance — LEFEBVRE Marc"_s, 40);
        site.laterActe
            = openActe(h, site.citizen, u"Extrait avec filiation — acte de mariage — LEFEBVRE Marc"_s, 25);
        site.recentActe
            = openActe(h, site.citizen, u"Extrait sans filiation — acte de naissance — LEFEBVRE Léo"_s, 0);
        QVERIFY(site.lateActe.id > 0 && site.laterActe.id > 0 && site.recentActe.id > 0);
        QVERIFY(site.lateActe.dueDate < QDate::currentDate());
        QVERIFY(site.recentActe.dueDate > QDate::currentDate());

        const qint64 ec = serviceId(h, u"etat-civil"_s);
        site.ecLetter = lateLetter(h, u"Demande de copie d'acte de décès"_s, ec);
        site.logementLetter = lateLetter(h, u"Pièces pour une demande de logement"_s, serviceId(h, u"logement"_s));
        const Result<Agent> accueil = h.system().agents().findByLogin(u"accueil"_s);
        QVERIFY(accueil);
        site.counterLetter = lateLetter(h, u"Réclamation sur l'attente au guichet"_s, 0, accueil->id);
        QVERIFY(site.ecLetter.id > 0 && site.logementLetter.id > 0 && site.counterLetter.id > 0);

        // A courriel received three weeks ago, handed by the counter to état civil.
        const QDateTime received = QDateTime::currentDateTime().addDays(-21);
        const QByteArray raw = "From: Paul Girard <paul.girard@courriel.example>\r\n"
                               "To: iris@mairie.example\r\nSubject: Copie de mon acte de naissance\r\n"
                               "Date: "
            + QLocale::c().toString(received.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1()
            + " +0000\r\nMessage-ID: <followup-1@courriel.example>\r\n\r\n"
              "Bonjour, pouvez-vous m'envoyer une copie ?\r\n";
        accueil::CourrielService courriels(h.system());
        const auto registered = courriels.registerMessage(raw, received);
        QVERIFY2(registered, qPrintable(registered ? QString() : registered.error().toString()));
        site.courrielId = registered->courriel.id;
        QVERIFY(courriels.assign(site.courrielId, registered->courriel.version, 0, ec));
    }

    static QWidget* overduePage(UsagersHarness& h)
    {
        QWidget* page = h.showPage(accueil::ids::OverduePage);
        if (page) {
            h.shell().window()->show();
            if (!QTest::qWaitForWindowExposed(h.shell().window()))
                qWarning("window not exposed");
        }
        return page;
    }

    /// Keyboard selection of the entry with this text, as an agent would.
    static void chooseText(QComboBox* combo, const QString& text)
    {
        const int i = combo->findText(text);
        QVERIFY2(i >= 0, qPrintable(text));
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home);
        for (int k = 0; k < i; ++k)
            QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), i);
    }

    static QStringList column(QTableWidget* table, int col)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out << (table->item(r, col) ? table->item(r, col)->text() : QString());
        return out;
    }

    static int rowOf(QTableWidget* table, const QString& title, const QString& kindLabel = {})
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 2)->text() == title && (kindLabel.isEmpty() || table->item(r, 1)->text() == kindLabel))
                return r;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil-followup"_s);
    }

    void serviceAgentSeesTheServiceLateItems()
    {
        UsagersHarness h;
        Site site;
        prepare(h, site);
        if (QTest::currentTestFailed())
            return;
        QString error;
        QVERIFY2(h.login(u"service"_s, u"service"_s, &error), qPrintable(error));

        QWidget* page = overduePage(h);
        QVERIFY(page);
        auto* scope = page->findChild<QComboBox*>(u"overdueScope"_s);
        auto* table = page->findChild<QTableWidget*>(u"overdueTable"_s);
        QVERIFY(scope && table);
        // Not a supervisor: no "everyone" scope.
        QCOMPARE(scope->findText(u"Tous les agents et services"_s), -1);
        // A service agent opens the page on the service's items: nothing to choose first.
        QCOMPARE(scope->currentText(), u"Mon service"_s);
        // Two late actes, the letter (its acknowledgement and its answer), the courriel.
        QTRY_COMPARE(table->rowCount(), 5);
        const QStringList titles = column(table, 2);
        QVERIFY(titles.contains(site.lateActe.subject));
        QVERIFY(titles.contains(site.laterActe.subject));
        QCOMPARE(titles.count(site.ecLetter.subject), 2);
        QVERIFY(titles.contains(u"Copie de mon acte de naissance"_s));
        QVERIFY(!titles.contains(site.recentActe.subject)); // not late yet
        QVERIFY(!titles.contains(site.logementLetter.subject));
        QVERIFY(!titles.contains(site.counterLetter.subject));
        const QStringList kinds = column(table, 1);
        QCOMPARE(QSet<QString>(kinds.cbegin(), kinds.cend()),
            (QSet<QString> {
                u"Demande d'acte"_s, u"Accusé de réception à envoyer"_s, u"Courrier"_s, u"Courriel"_s }));
        // By due date, oldest first.
        QDateTime previous;
        for (const QString& due : column(table, 0)) {
            const QDateTime at = QDateTime::fromString(due, u"dd/MM/yyyy HH:mm"_s);
            QVERIFY2(at.isValid(), qPrintable(due));
            QVERIFY2(!previous.isValid() || previous <= at, qPrintable(due));
            previous = at;
        }
        QVERIFY(page->findChild<QLabel*>(u"overdueStatus"_s)->text().startsWith(u"5 élément(s), dont 5 en retard"_s));
        // "Toutes les échéances" also brings the request that is not late yet.
        chooseText(page->findChild<QComboBox*>(u"overdueHorizon"_s), u"Toutes les échéances"_s);
        QTRY_VERIFY(column(table, 2).contains(site.recentActe.subject));
        chooseText(page->findChild<QComboBox*>(u"overdueHorizon"_s), u"En retard"_s);
        QTRY_COMPARE(table->rowCount(), 5);

        // Entrée on the acte opens it on the requests page, selected.
        int row = rowOf(table, site.lateActe.subject);
        QVERIFY(row >= 0);
        table->setFocus();
        table->setCurrentCell(row, 0);
        QTest::keyClick(table, Qt::Key_Return);
        QWidget* requests = h.shell().page(etatcivil::ids::RequestsPage);
        QVERIFY(requests);
        QTRY_COMPARE(h.shell().window()->currentWidget(), requests);
        auto* requestTable = requests->findChild<QTableWidget*>(u"requestTable"_s);
        QTRY_VERIFY(!requestTable->selectedItems().isEmpty());
        QCOMPARE(requestTable->selectedItems().first()->data(Qt::UserRole).toLongLong(), site.lateActe.id);

        // The courriel is followed here but answered in the counter's inbox.
        h.showPage(accueil::ids::OverduePage);
        row = rowOf(table, u"Copie de mon acte de naissance"_s);
        QVERIFY(row >= 0);
        table->setCurrentCell(row, 0);
        Q_EMIT table->activated(table->model()->index(row, 0));
        QVERIFY2(h.shell().lastStatus().contains(u"confié pour suivi"_s), qPrintable(h.shell().lastStatus()));

        // The letter opens on the service's Courrier page.
        row = rowOf(table, site.ecLetter.subject, u"Courrier"_s);
        QVERIFY(row >= 0);
        table->setCurrentCell(row, 0);
        Q_EMIT table->activated(table->model()->index(row, 0));
        QWidget* post = h.shell().page(accueil::ids::PostPage);
        QVERIFY(post);
        QTRY_COMPARE(h.shell().window()->currentWidget(), post);
        auto* letters = post->findChild<QTableView*>(u"postTable"_s);
        QTRY_VERIFY(letters->currentIndex().isValid());
        QCOMPARE(letters->model()->index(letters->currentIndex().row(), 0).data().toString(), site.ecLetter.reference);
    }

    void otherServicesAndTheCounterKeepTheirOwn()
    {
        UsagersHarness h;
        Site site;
        prepare(h, site);
        if (QTest::currentTestFailed())
            return;
        QString error;
        // Logement's agent: its letter, nothing of état civil.
        QVERIFY2(h.login(u"i.roux"_s, u"demo"_s, &error), qPrintable(error));
        QWidget* page = overduePage(h);
        QVERIFY(page);
        auto* table = page->findChild<QTableWidget*>(u"overdueTable"_s);
        chooseText(page->findChild<QComboBox*>(u"overdueScope"_s), u"Mon service"_s);
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(column(table, 2), (QStringList { site.logementLetter.subject, site.logementLetter.subject }));

        // The counter agent: "Mes échéances" has the letter assigned to them, "Mon service"
        // (IRIS) the same and nothing handed to état civil or logement.
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        page = overduePage(h);
        QVERIFY(page);
        table = page->findChild<QTableWidget*>(u"overdueTable"_s);
        auto* scope = page->findChild<QComboBox*>(u"overdueScope"_s);
        QCOMPARE(scope->currentText(), u"Mes échéances"_s);
        QTRY_COMPARE(table->rowCount(), 2);
        QCOMPARE(column(table, 2), (QStringList { site.counterLetter.subject, site.counterLetter.subject }));
        chooseText(scope, u"Mon service"_s);
        QTRY_COMPARE(table->rowCount(), 2);
        QVERIFY(!column(table, 2).contains(site.lateActe.subject));
        QVERIFY(!column(table, 2).contains(site.ecLetter.subject));

        // The supervisor sees everyone's, état civil's requests included.
        QVERIFY2(h.login(u"superviseur"_s, u"superviseur"_s, &error), qPrintable(error));
        page = overduePage(h);
        table = page->findChild<QTableWidget*>(u"overdueTable"_s);
        chooseText(page->findChild<QComboBox*>(u"overdueScope"_s), u"Tous les agents et services"_s);
        QTRY_VERIFY(column(table, 2).contains(site.lateActe.subject));
        QVERIFY(column(table, 2).contains(site.logementLetter.subject));
        QVERIFY(column(table, 2).contains(u"Copie de mon acte de naissance"_s));
    }

    void navigationPagesAreDistinct()
    {
        UsagersHarness h;
        h.setModules({ u"usagers"_s, u"accueil"_s, u"etatcivil"_s });
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QSet<QString> titles, icons;
        QHash<QString, QString> titleOf;
        for (const PageSpec& page : h.context().pages.items()) {
            titleOf.insert(page.id, page.title);
            QVERIFY2(!titles.contains(page.title), qPrintable(page.title));
            titles.insert(page.title);
            QVERIFY2(!page.iconName.isEmpty(), qPrintable(page.id));
            QVERIFY2(!icons.contains(page.iconName), qPrintable(page.id + u" "_s + page.iconName));
            icons.insert(page.iconName);
            // The shell loads ":/iris/icons/<name>.svg" (resources/resources.qrc).
            const QString path = u":/iris/icons/"_s + page.iconName + u".svg"_s;
            QFile icon(path);
            QVERIFY2(icon.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY(icon.readAll().contains("<svg"));
        }
        QCOMPARE(titleOf.value(etatcivil::ids::CounterPage), u"Nouvelle demande d'acte"_s);
        QCOMPARE(titleOf.value(etatcivil::ids::RequestsPage), u"Demandes d'actes"_s);
        for (const QString& id : { accueil::ids::CounterPage, accueil::ids::OverduePage, accueil::ids::PostPage })
            QVERIFY2(titleOf.contains(id), qPrintable(id));
        // Usagers, Guichet, À traiter, Courriels, Courrier and the three of état civil.
        QVERIFY(titles.size() >= 8);
    }
};

QTEST_MAIN(TestFollowUpGui)
#include "TestFollowUpGui.moc"
