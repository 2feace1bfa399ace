// Settings › "Accueil : catégories et guichets" through the real plugins: a supervisor
// adds a ticket category and a desk from the keyboard and deactivates a desk; a prefix
// already in use is refused with a French message and nothing is saved; an agent d'accueil
// who reaches the page anyway is refused by the core.
#include "core/storage/Database.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "tests/usagers/UsagersHarness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestCounterSettingsGui : public QObject
{
    Q_OBJECT

    static qint64 scalar(UsagersHarness& h, const QString& sql)
    {
        QSqlQuery q(h.database()->connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    static std::unique_ptr<QWidget> openPage(UsagersHarness& h)
    {
        for (const SettingsPageSpec& spec : h.context().settingsPages.items()) {
            if (spec.id == accueil::ids::CounterSettingsPage) {
                if (spec.permission != accueil::ids::PermConfigure)
                    return nullptr;
                std::unique_ptr<QWidget> page(spec.create(nullptr));
                page->resize(900, 700);
                page->show();
                return page;
            }
        }
        return nullptr;
    }
    template <typename T>
    static T* child(QWidget* page, const QString& name)
    {
        T* w = page->findChild<T*>(name);
        if (!w)
            qWarning("missing %s", qPrintable(name));
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"iris-tests-accueil"_s);
    }

    void supervisorAddsACategoryAndADesk()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"superviseur"_s, u"superviseur"_s, &error), qPrintable(error));
        std::unique_ptr<QWidget> page = openPage(h);
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));

        // The default setup: categories A–E and R, desks 1–12.
        auto* categories = child<QTableWidget>(page.get(), u"counterCategoryTable"_s);
        QVERIFY(categories);
        QCOMPARE(categories->rowCount(), 6);
        QCOMPARE(categories->item(0, 0)->text(), u"A"_s);

        // A new category from the keyboard: label, prefix typed in lower case, a service.
        child<QPushButton>(page.get(), u"counterCategoryNew"_s)->click();
        auto* label = child<QLineEdit>(page.get(), u"counterCategoryLabel"_s);
        QTRY_VERIFY(label->hasFocus());
        QTest::keyClicks(label, u"Urbanisme et travaux"_s);
        QTest::keyClicks(child<QLineEdit>(page.get(), u"counterCategoryPrefix"_s), u"u"_s);
        auto* service = child<QComboBox>(page.get(), u"counterCategoryService"_s);
        const int urbanisme = service->findText(u"Urbanisme"_s, Qt::MatchContains);
        QVERIFY(urbanisme > 0);
        service->setCurrentIndex(urbanisme);
        QTest::keyClick(label, Qt::Key_S, Qt::ControlModifier);
        auto* message = child<QLabel>(page.get(), u"counterCategoryMessage"_s);
        QTRY_COMPARE(message->text(), u"Catégorie « Urbanisme et travaux » enregistrée."_s);
        QCOMPARE(categories->rowCount(), 7);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_ticket_categories WHERE prefix = 'U' AND active = TRUE "
                           u"AND label = 'Urbanisme et travaux' AND default_service_id IS NOT NULL"_s),
                 1);

        // A prefix already taken: refused in French, nothing saved.
        child<QPushButton>(page.get(), u"counterCategoryNew"_s)->click();
        QTest::keyClicks(label, u"Doublon"_s);
        QTest::keyClicks(child<QLineEdit>(page.get(), u"counterCategoryPrefix"_s), u"A"_s);
        QTest::keyClick(label, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY2(message->text().contains(u"La lettre A est déjà celle d'une autre catégorie."_s),
                     qPrintable(message->text()));
        QCOMPARE(categories->rowCount(), 7);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_ticket_categories WHERE label = 'Doublon'"_s), 0);

        // Desks: a new one gets the next free number; desk 4 is taken out of service.
        auto* tabs = child<QTabWidget>(page.get(), u"counterSettingsTabs"_s);
        tabs->setCurrentIndex(1);
        auto* desks = child<QTableWidget>(page.get(), u"counterDeskTable"_s);
        QCOMPARE(desks->rowCount(), 12);
        child<QPushButton>(page.get(), u"counterDeskNew"_s)->click();
        auto* number = child<QSpinBox>(page.get(), u"counterDeskNumber"_s);
        QCOMPARE(number->value(), 13);
        QTest::keyClicks(child<QLineEdit>(page.get(), u"counterDeskLabel"_s), u"Guichet urbanisme"_s);
        QTest::keyClick(number, Qt::Key_S, Qt::ControlModifier);
        auto* deskMessage = child<QLabel>(page.get(), u"counterDeskMessage"_s);
        QTRY_COMPARE(deskMessage->text(), u"Guichet urbanisme enregistré."_s);
        QCOMPARE(desks->rowCount(), 13);
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_desks WHERE number = 13 AND label = 'Guichet urbanisme'"_s), 1);

        desks->setCurrentCell(3, 0);
        QCOMPARE(number->value(), 4);
        auto* active = child<QCheckBox>(page.get(), u"counterDeskActive"_s);
        QVERIFY(active->isChecked());
        active->setChecked(false);
        child<QPushButton>(page.get(), u"counterDeskSave"_s)->click();
        QTRY_COMPARE(deskMessage->text(), u"Guichet 4 enregistré."_s);
        QCOMPARE(scalar(h, u"SELECT active FROM accueil_desks WHERE number = 4"_s), 0);
        QCOMPARE(desks->item(3, 3)->text(), u"non"_s);
    }

    void counterAgentIsRefusedByTheCore()
    {
        UsagersHarness h;
        h.setModules({u"usagers"_s, u"accueil"_s});
        QString error;
        QVERIFY2(h.start(0, 0, &error), qPrintable(error));
        QVERIFY2(h.login(u"accueil"_s, u"accueil"_s, &error), qPrintable(error));
        // The shell would not list the page for this role; built anyway, saving is refused.
        std::unique_ptr<QWidget> page = openPage(h);
        QVERIFY(page);
        const qint64 before = scalar(h, u"SELECT COUNT(*) FROM accueil_ticket_categories"_s);
        child<QPushButton>(page.get(), u"counterCategoryNew"_s)->click();
        QTest::keyClicks(child<QLineEdit>(page.get(), u"counterCategoryLabel"_s), u"Interdite"_s);
        QTest::keyClicks(child<QLineEdit>(page.get(), u"counterCategoryPrefix"_s), u"Z"_s);
        child<QPushButton>(page.get(), u"counterCategorySave"_s)->click();
        auto* message = child<QLabel>(page.get(), u"counterCategoryMessage"_s);
        QTRY_VERIFY(!message->text().isEmpty());
        QVERIFY2(message->text().startsWith(u"Action non autorisée : configurer les catégories de tickets"_s),
                 qPrintable(message->text()));
        QCOMPARE(scalar(h, u"SELECT COUNT(*) FROM accueil_ticket_categories"_s), before);
    }
};

QTEST_MAIN(TestCounterSettingsGui)
#include "TestCounterSettingsGui.moc"
