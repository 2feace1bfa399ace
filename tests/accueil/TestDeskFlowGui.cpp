// The desk flow through the real plugins (usagers + accueil, loaded as the shell loads
// them): issue a ticket at the entrance → call it (F4) → find the citizen as-you-type →
// add the precise motive → close with an outcome → the visit's contact is on the citizen's
// 360° page. And the public display follows calls made by another desk (connection). The
// waiting list says why a ticket passes older ones; "Absent" asks first; a closed visit
// leaves an empty search for the next one.
#include "core/domain/Contact.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/ui/WaitingListModel.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "tests/usagers/UsagersHarness.h"
#include "ui/widgets/MessageBox.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestDeskFlowGui : public QObject
{
    Q_OBJECT

    template<typename T>
    static T* find(const QString& name)
    {
        for (QWidget* top : QApplication::topLevelWidgets()) {
            if (top->objectName() == name && top->isVisible())
                return qobject_cast<T*>(top);
            if (T* w = top->findChild<T*>(name); w && w->isVisible())
                return w;
        }
        return nullptr;
    }
    static int scalar(UsagersHarness& h, const QString& sql)
    {
        QSqlQuery q(h.database()->connection());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }

    /// The first category of a polyvalent desk (no service of its own): desk 1 calls it.
    static qint64 polyvalentCategory(UsagersHarness& h)
    {
        const Result<QList<accueil::TicketCategory>> categories = accueil::CounterSetup(*h.services()).categories();
        for (const accueil::TicketCategory& c : categories ? *categories : QList<accueil::TicketCategory>{}) {
            if (c.defaultServiceId == 0)
                return c.id;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void issueCallIdentifyClose()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.manager().spec(u"accueil"_s) && h.manager().spec(u"accueil"_s)->state == ModuleState::Loaded,
                 qPrintable(h.manager().describe()));
        const qint64 citizen = h.addCitizen(u"Moreau"_s, u"Hélène"_s, QDate(1980, 5, 4), u"06 10 20 30 40"_s);
        QVERIFY(citizen > 0);
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));

        QWidget* page = h.showPage(accueil::ids::CounterPage);
        QVERIFY(page);
        auto* desk = page->findChild<QComboBox*>(u"counterDesk"_s);
        QVERIFY(desk && desk->count() >= 5);  // defaults installed on first use
        desk->setCurrentIndex(0);

        // Entrance: F2, letter A, Entrée.
        const ActionSpec* issue = h.action(accueil::ids::IssueTicketAction);
        QVERIFY(issue && issue->shortcut == u"F2"_s);
        issue->trigger();
        auto* dialog = find<QDialog>(u"issueTicketDialog"_s);
        QVERIFY(dialog);
        auto* categories = dialog->findChild<QListWidget*>(u"issueCategories"_s);
        QTest::keyClick(categories, Qt::Key_B);
        QTest::keyClick(categories, Qt::Key_A);
        QTest::keyClick(categories, Qt::Key_Return);
        QCOMPARE(dialog->findChild<QLabel*>(u"issueResult"_s)->text(), u"Ticket A001"_s);
        dialog->close();
        auto* waiting = page->findChild<QTableView*>(u"counterWaiting"_s);
        QTRY_COMPARE(waiting->model()->rowCount(), 1);
        QCOMPARE(waiting->model()->index(0, 0).data().toString(), u"A001"_s);

        // F4: the ticket comes to the desk.
        const ActionSpec* next = h.action(accueil::ids::CallNextAction);
        QVERIFY(next && next->shortcut == u"F4"_s);
        next->trigger();
        auto* ticket = page->findChild<QLabel*>(u"visitTicket"_s);
        QTRY_VERIFY2(ticket->text().startsWith(u"A001"_s), qPrintable(ticket->text()));
        QCOMPARE(waiting->model()->rowCount(), 0);

        // Identify the citizen as-you-type.
        auto* search = page->findChild<QLineEdit*>(u"citizenSearchField"_s);
        QVERIFY(search && search->isEnabled());
        QTest::keyClicks(search, u"moreau hel"_s);
        auto* results = page->findChild<QTableView*>(u"citizenResults"_s);
        QTRY_COMPARE(results->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        auto* who = page->findChild<QLabel*>(u"visitCitizen"_s);
        QTRY_VERIFY2(who->text().contains(u"MOREAU"_s), qPrintable(who->text()));
        QVERIFY(ticket->text().contains(u"En cours"_s));

        // The precise motive replaces the category's theme.
        auto* motive = page->findChild<QLineEdit*>(u"visitMotiveFilter"_s);
        QTest::keyClicks(motive, u"pacs"_s);
        QTest::keyClick(motive, Qt::Key_Return);
        auto* chosen = page->findChild<QListWidget*>(u"visitMotivesChosen"_s);
        QTRY_COMPARE(chosen->count(), 1);
        QCOMPARE(chosen->item(0)->text(), u"État civil › PACS"_s);

        // Close with the outcome "orienté".
        page->findChild<QPushButton*>(u"visitClose"_s)->click();
        auto* close = find<QDialog>(u"closeVisitDialog"_s);
        QVERIFY(close);
        auto* outcome = close->findChild<QComboBox*>(u"closeOutcome"_s);
        outcome->setCurrentIndex(outcome->findData(int(ContactOutcome::Oriente)));
        auto* info = close->findChild<QLabel*>(u"closeServiceInfo"_s);
        QVERIFY2(info->isVisible() && info->text().contains(u"Tél."_s), qPrintable(info->text()));  // État civil, from the motive
        close->findChild<QPushButton*>(u"closeConfirm"_s)->click();
        QTRY_VERIFY(!close->isVisible());
        QTRY_VERIFY(ticket->text().startsWith(u"Aucun ticket"_s));
        // The next visit starts afresh: the previous citizen's search is gone.
        QCOMPARE(search->text(), QString());
        QCOMPARE(motive->text(), QString());

        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM contacts WHERE channel = 'visite' AND outcome = 'oriente' "
                           u"AND citizen_id = %1"_s.arg(citizen)),
                 1);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_tickets WHERE status = 'clos' AND contact_id IS NOT NULL"_s), 1);

        // The contact is on the 360° page (Usagers' contacts panel), with the Accueil panel.
        h.shell().openRecord(u"citizen"_s, citizen);
        auto* summary = find<QLabel>(u"contactsSummary"_s);
        QTRY_VERIFY(summary);
        QTRY_VERIFY2(summary->text().startsWith(u"1 contact"_s), qPrintable(summary->text()));
    }

    void publicDisplayFollowsOtherDesks()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        h.showPage(accueil::ids::CounterPage);  // installs the default desks and categories
        const ActionSpec* display = h.action(accueil::ids::PublicDisplayAction);
        QVERIFY(display);
        display->trigger();
        auto* window = find<QWidget>(u"accueilPublicDisplay"_s);
        QVERIFY(window);
        auto* current = window->findChild<QLabel*>(u"displayCurrent"_s);
        QCOMPARE(current->text(), u"Bienvenue à l'IRIS"_s);

        // Another desk, on its own connection (thread), issues and calls two tickets.
        CoreServices* services = h.services();
        QString otherError;
        QThread* other = QThread::create([&] {
            accueil::QueueService queue(*services);
            QSqlQuery q(h.database()->connection());
            q.exec(u"SELECT id FROM accueil_ticket_categories WHERE prefix = 'D'"_s);
            q.next();
            const qint64 category = q.value(0).toLongLong();
            q.exec(u"SELECT id FROM accueil_desks WHERE number = 3"_s);
            q.next();
            const qint64 desk = q.value(0).toLongLong();
            const auto r1 = queue.issue({category, 0, 0, 0});
            const auto r2 = queue.issue({category, 0, 0, 0});
            const auto r3 = queue.callNext(desk);
            if (!r1 || !r2 || !r3)
                otherError = u"%1 %2 %3"_s.arg(r1.error().toString(), r2.error().toString(), r3.error().toString());
        });
        other->start();
        QVERIFY(other->wait(10000));
        delete other;
        QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_tickets WHERE status = 'appele'"_s), 1);
        QTRY_COMPARE_WITH_TIMEOUT(current->text(), u"D001  →  Guichet 3"_s, 8000);

        // The desk here calls the next one: it takes the top line, D001 moves below.
        h.showPage(accueil::ids::CounterPage);
        h.action(accueil::ids::CallNextAction)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(current->text(), u"D002  →  Guichet 1"_s, 8000);
        auto* history = window->findChild<QListWidget*>(u"displayHistory"_s);
        QTRY_COMPARE(history->count(), 1);
        QCOMPARE(history->item(0)->text(), u"D001  →  Guichet 3"_s);
    }

    void theWaitingListSaysWhyATicketPassesOlderOnes()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        QWidget* page = h.showPage(accueil::ids::CounterPage);
        QVERIFY(page);
        page->findChild<QComboBox*>(u"counterDesk"_s)->setCurrentIndex(0);
        const qint64 category = polyvalentCategory(h);
        QVERIFY(category > 0);
        const QDateTime now = QDateTime::currentDateTime();
        const auto issueAt = [&](const QDateTime& at, int priority) {
            accueil::QueueService queue(*h.services());
            queue.setClock([at] { return at; });
            return queue.issue({category, priority, 0, 0});
        };
        const auto first = issueAt(now.addSecs(-600), 0);
        const auto second = issueAt(now.addSecs(-480), 0);
        const auto urgent = issueAt(now.addSecs(-120), 1);
        QVERIFY(first && second && urgent);

        auto* waiting = page->findChild<QTableView*>(u"counterWaiting"_s);
        QTRY_COMPARE(waiting->model()->rowCount(), 3);
        const auto cell = [waiting](int row, int column) { return waiting->model()->index(row, column).data().toString(); };
        QCOMPARE(cell(0, accueil::WaitingListModel::TicketColumn), urgent->label);
        QCOMPARE(cell(0, accueil::WaitingListModel::ReasonColumn), u"Prioritaire — avant 2 plus anciens"_s);
        QCOMPARE(cell(1, accueil::WaitingListModel::ReasonColumn), u"Ordre d'arrivée"_s);
        QCOMPARE(cell(2, accueil::WaitingListModel::ReasonColumn), u"Ordre d'arrivée"_s);
        QCOMPARE(waiting->model()->index(1, accueil::WaitingListModel::WaitColumn).data(Qt::ToolTipRole).toString(),
            u"Arrivé à "_s + first->queuedAt.toLocalTime().toString(u"HH:mm"_s));
        QVERIFY(waiting->model()->index(0, accueil::WaitingListModel::ReasonColumn).data(Qt::ToolTipRole)
                    .toString().contains(u"rendez-vous"_s));
        // Every header readable: no column narrower than its title (the page area of a
        // 1600 × 1000 main window).
        h.shell().window()->resize(1340, 860);
        h.shell().window()->show();
        QTRY_VERIFY(waiting->isVisible());
        const QFontMetrics metrics(waiting->horizontalHeader()->font());
        for (int c = 0; c < waiting->model()->columnCount(); ++c) {
            const QString title = waiting->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(waiting->horizontalHeader()->sectionSize(c) >= metrics.horizontalAdvance(title),
                qPrintable(title));
        }
    }

    void absentAsksFirst()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        QWidget* page = h.showPage(accueil::ids::CounterPage);
        QVERIFY(page);
        page->findChild<QComboBox*>(u"counterDesk"_s)->setCurrentIndex(0);
        const qint64 category = polyvalentCategory(h);
        QVERIFY(category > 0);
        QVERIFY(accueil::QueueService(*h.services()).issue({category, 0, 0, 0}));
        h.action(accueil::ids::CallNextAction)->trigger();
        auto* ticket = page->findChild<QLabel*>(u"visitTicket"_s);
        QTRY_VERIFY(!ticket->text().startsWith(u"Aucun ticket"_s));
        const QString label = ticket->text().section(u' ', 0, 0);

        ui::MessageBox::clearRecords();
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        page->findChild<QPushButton*>(u"visitAbsent"_s)->click();
        QCOMPARE(ui::MessageBox::records().size(), 1);
        QVERIFY2(ui::MessageBox::records().constFirst().text.contains(label), qPrintable(ui::MessageBox::records().constFirst().text));
        QVERIFY(ticket->text().startsWith(label)); // still at the desk
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_tickets WHERE status = 'absent'"_s), 0);

        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        page->findChild<QPushButton*>(u"visitAbsent"_s)->click();
        QTRY_VERIFY(ticket->text().startsWith(u"Aucun ticket"_s));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_tickets WHERE status = 'absent'"_s), 1);
    }
};

QTEST_MAIN(TestDeskFlowGui)
#include "TestDeskFlowGui.moc"
