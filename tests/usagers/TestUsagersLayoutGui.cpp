// The Usagers pages at the size of a counter screen (1600 × 1000): no table header, form
// caption or citizen name is cut. Every header section is at least as wide as its text,
// every caption of the new-citizen form as wide as its own text, and a long name on the
// 360° page is shown whole (wrapped if need be), never clipped.
#include "tests/usagers/UsagersHarness.h"

#include "core/services/CoreServices.h"
#include "core/services/HouseholdService.h"
#include "ui/widgets/MessageBox.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QScreen>
#include <QTemporaryDir>
#include <QDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTest>

using namespace iris;
using namespace iris::test;

class TestUsagersLayoutGui : public QObject
{
    Q_OBJECT

private:
    UsagersHarness* h = nullptr;
    QWidget* frame = nullptr;
    qint64 longNamed = 0;
    const QString nom = QStringLiteral("de La Rochefoucauld-Montmorency-Villeneuve");
    const QString prenoms = QStringLiteral("Marie-Christine Éléonore Bernadette");

    QWidget* page() const { return h->shell().page(QStringLiteral("usagers.directory")); }
    QWidget* card() const { return page()->findChild<QWidget*>(QStringLiteral("citizen360Page")); }

    static void dump(QWidget* w, const char* name)
    {
        // IRIS_LAYOUT_DUMP=<folder>: keep pictures of what was checked, for a human eye.
        const QString dir = qEnvironmentVariable("IRIS_LAYOUT_DUMP");
        if (!dir.isEmpty())
            w->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
    }

    /// Every visible section of every visible header under `root` holds its text.
    static void checkHeaders(QWidget* root, int* checked)
    {
        for (QHeaderView* header : root->findChildren<QHeaderView*>()) {
            if (header->orientation() != Qt::Horizontal || !header->isVisible() || !header->model())
                continue;
            // The style's margin on each side of a header label.
            const int padding = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
            const QFontMetrics fm(header->font());
            const QString view = header->parentWidget() ? header->parentWidget()->objectName() : QString();
            for (int s = 0; s < header->count(); ++s) {
                if (header->isSectionHidden(s))
                    continue;
                const QString text = header->model()->headerData(s, Qt::Horizontal).toString();
                const int needed = fm.horizontalAdvance(text) + padding;
                QVERIFY2(header->sectionSize(s) >= needed,
                         qPrintable(QStringLiteral("%1: « %2 » gets %3 px, needs %4")
                                        .arg(view, text)
                                        .arg(header->sectionSize(s))
                                        .arg(needed)));
                // The section is on screen, not pushed past the view's right edge.
                QVERIFY2(header->sectionViewportPosition(s) + needed <= header->viewport()->width(),
                         qPrintable(QStringLiteral("%1: « %2 » is out of sight").arg(view, text)));
                ++*checked;
            }
        }
    }

    /// How far the text of `caption` really reaches when drawn (its mnemonic underlined):
    /// the same text and font drawn with room to spare, measured to its last inked pixel.
    static int inkedWidth(const QLabel* caption)
    {
        QWidget holder;
        auto* probe = new QLabel(caption->text(), &holder);
        probe->setFont(caption->font());
        probe->setBuddy(new QLineEdit(&holder));  // a buddy: the mnemonic is underlined, as in the form
        probe->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        probe->resize(caption->sizeHint().width() * 2 + 40, caption->height());
        QImage image(probe->size(), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        probe->render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
        int right = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = image.width() - 1; x >= right; --x) {
                if (qAlpha(image.pixel(x, y)) > 0) {
                    right = x + 1;
                    break;
                }
            }
        }
        return right;
    }

    /// The whole text of `label` is drawn: it fits its width, or wraps with room for every line.
    static void checkShowsWhole(QLabel* label)
    {
        QVERIFY(label);
        QVERIFY2(label->isVisible(), qPrintable(label->objectName()));
        const QFontMetrics fm(label->font());
        const int oneLine = fm.horizontalAdvance(label->text());
        if (label->width() < oneLine) {
            QVERIFY2(label->wordWrap(), qPrintable(label->objectName() + QStringLiteral(" is cut: ")
                                                  + label->text()));
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName() + QStringLiteral(" has no room for its lines")));
        }
        // Not clipped by its window either.
        const QRect inWindow(label->mapTo(label->window(), QPoint(0, 0)), label->size());
        QVERIFY2(label->window()->rect().contains(inWindow),
                 qPrintable(label->objectName() + QStringLiteral(" goes past the window")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        h = new UsagersHarness;
        QString why;
        QVERIFY2(h->start(40, 0, &why), qPrintable(why));
        QVERIFY(h->addTestDossierType());
        longNamed = h->addCitizen(nom, prenoms, QDate(1958, 11, 23), QStringLiteral("0639981234"),
                                  QStringLiteral("marie-christine.delarochefoucauld@example.org"));
        QVERIFY(longNamed);
        QVERIFY(h->logContact(longNamed, ContactChannel::Visite, 5, QStringLiteral("Demande d'acte de naissance")));
        QVERIFY(h->openDossier(longNamed, QStringLiteral("Attestation d'accueil"), 2).id);
        // A household, so that its members' table is on the page too.
        const Result<Household> household = h->system().households().create(longNamed);
        QVERIFY(household.ok());
        const qint64 child = h->addCitizen(nom, QStringLiteral("Louis-Alexandre"), QDate(2012, 3, 4));
        QVERIFY(child);
        QVERIFY(h->system()
                    .households()
                    .addMember(household->id, household->version, child, HouseholdLink::Enfant, true)
                    .ok());
        QVERIFY2(h->login(QStringLiteral("accueil"), QStringLiteral("accueil"), &why), qPrintable(why));

        // The pages get what iris-desk leaves them on a 1600 × 1000 screen: the navigation
        // bar (at most 260 px) on the left, the knowledge-base dock on the right.
        frame = new QWidget;
        frame->setObjectName(QStringLiteral("desk1600"));
        auto* row = new QHBoxLayout(frame);
        row->setContentsMargins(0, 0, 0, 0);
        auto* navigation = new QWidget(frame);
        navigation->setFixedWidth(260);
        auto* dock = new QWidget(frame);
        dock->setFixedWidth(400);
        row->addWidget(navigation);
        row->addWidget(h->shell().window(), 1);
        row->addWidget(dock);
        frame->resize(1600, 1000);
        QVERIFY(h->showPage(QStringLiteral("usagers.directory")));
        frame->show();
        QVERIFY(QTest::qWaitForWindowExposed(frame));
        QCOMPARE(frame->size(), QSize(1600, 1000));
        QCOMPARE(frame->screen()->geometry().size(), QSize(1600, 1000));
    }

    void cleanupTestCase()
    {
        delete h;  // its window first: the frame only lends it room
        delete frame;
    }

    /// A page that needs more room than the screen gives stretches the window past it.
    void checkFrameSize() { QCOMPARE(frame->size(), QSize(1600, 1000)); }

    void directoryHeadersHoldTheirText()
    {
        // On arrival, before anything is typed: the empty table's headers already readable.
        auto* results = page()->findChild<QAbstractItemView*>(QStringLiteral("citizenResults"));
        QVERIFY(results && results->isVisible());
        QCoreApplication::processEvents();
        dump(frame, "directory-empty");
        int checked = 0;
        checkHeaders(page(), &checked);
        QCOMPARE(checked, results->model()->columnCount());

        // With short values under long headers, then long ones, then nothing found.
        auto* field = page()->findChild<QLineEdit*>(QStringLiteral("citizenSearchField"));
        QVERIFY(h->addCitizen(QStringLiteral("Roy"), QStringLiteral("Léa")));
        const QList<std::pair<QString, QString>> searches{{QStringLiteral("roy lea"), QStringLiteral("ROY")},
                                                          {QStringLiteral("rochefou"), QStringLiteral("ROCHEFOUCAULD")},
                                                          {QStringLiteral("zzzz"), QString()}};
        for (const auto& [query, found] : searches) {
            field->clear();
            typeText(field, query);
            if (found.isEmpty())
                QTRY_COMPARE(results->model()->rowCount(), 0);
            else
                QTRY_VERIFY(results->model()->index(0, 0).data().toString().contains(found));
            QCoreApplication::processEvents();
            dump(frame, qPrintable(QStringLiteral("directory-") + query.left(4)));
            checked = 0;
            checkHeaders(page(), &checked);
            QCOMPARE(checked, results->model()->columnCount());
        }
        checkFrameSize();
    }

    void longNameIsShownWholeOn360Page()
    {
        h->shell().openRecord(QStringLiteral("citizen"), longNamed);
        QTRY_VERIFY(card() && card()->isVisible());
        QCoreApplication::processEvents();
        dump(frame, "citizen360");
        auto* title = card()->findChild<QLabel*>(QStringLiteral("citizenTitle"));
        QVERIFY(title->text().contains(QStringLiteral("Marie-Christine")));
        QVERIFY(title->text().contains(QStringLiteral("ROCHEFOUCAULD"), Qt::CaseInsensitive));
        checkShowsWhole(title);
        checkShowsWhole(card()->findChild<QLabel*>(QStringLiteral("citizenSubtitle")));
        checkShowsWhole(card()->findChild<QLabel*>(QStringLiteral("identityName")));
        checkShowsWhole(card()->findChild<QLabel*>(QStringLiteral("identityEmail")));
        QVERIFY(card()->findChild<QWidget*>(QStringLiteral("householdMembers"))->isVisible());

        // Each panel of the page in turn, with its tables.
        auto* panels = card()->findChild<QTabWidget*>(QStringLiteral("citizenPanels"));
        QVERIFY(panels && panels->count() >= 2);
        int checked = 0;
        for (int i = 0; i < panels->count(); ++i) {
            panels->setCurrentIndex(i);
            QCoreApplication::processEvents();
            dump(frame, qPrintable(QStringLiteral("citizen360-panel%1").arg(i)));
            checkHeaders(card(), &checked);
            // No table needs sideways scrolling to be read.
            for (QAbstractScrollArea* view : card()->findChildren<QAbstractItemView*>()) {
                if (view->isVisible())
                    QVERIFY2(!view->horizontalScrollBar()->isVisible(), qPrintable(view->objectName()));
            }
        }
        QVERIFY(checked >= 8);
        checkFrameSize();
    }

    void newCitizenFormCaptionsHoldTheirText()
    {
        const ActionSpec* action = h->action(QStringLiteral("usagers.newCitizen"));
        QVERIFY(action && action->trigger);
        action->trigger();
        QWidget* dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel(QStringLiteral("citizenEditDialog"))));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // With the duplicate suggestions open, the form has the least room it gets.
        auto* phone = dialog->findChild<QLineEdit*>(QStringLiteral("phoneEdit"));
        typeText(phone, QStringLiteral("06 39 98 12 34"));
        QTRY_VERIFY(dialog->findChild<QWidget*>(QStringLiteral("duplicatePanel"))->isVisible());
        QCoreApplication::processEvents();
        dump(dialog, "newCitizen");

        int checked = 0;
        for (QFormLayout* form : dialog->findChildren<QFormLayout*>()) {
            for (int row = 0; row < form->rowCount(); ++row) {
                QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
                auto* caption = item ? qobject_cast<QLabel*>(item->widget()) : nullptr;
                if (!caption || !caption->isVisible())
                    continue;
                const int needed = qMax(caption->sizeHint().width(), inkedWidth(caption));
                QVERIFY2(caption->width() >= needed,
                         qPrintable(QStringLiteral("« %1 » gets %2 px, its text reaches %3")
                                        .arg(caption->text())
                                        .arg(caption->width())
                                        .arg(needed)));
                // And its field sits to its right (not over it): the text is readable.
                QWidget* field = form->itemAt(row, QFormLayout::FieldRole)->widget();
                if (field && field->y() == caption->y())
                    QVERIFY(field->x() >= caption->x() + caption->sizeHint().width());
                ++checked;
            }
        }
        QVERIFY2(checked >= 14, qPrintable(QString::number(checked)));

        // The form fits beside the suggestions: no sideways scrolling, every hint readable.
        auto* scroll = qobject_cast<QScrollArea*>(dialog->findChild<QWidget*>(QStringLiteral("citizenForm"))
                                                      ->parentWidget()->parentWidget());
        QVERIFY(scroll);
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("dialog %1 px wide").arg(dialog->width())));
        for (QLineEdit* edit : dialog->findChildren<QLineEdit*>()) {
            if (edit->placeholderText().isEmpty() || !edit->isVisible())
                continue;
            const int needed = QFontMetrics(edit->font()).horizontalAdvance(edit->placeholderText()) + 8;
            QVERIFY2(edit->width() >= needed, qPrintable(QStringLiteral("« %1 » gets %2 px, needs %3")
                                                             .arg(edit->placeholderText())
                                                             .arg(edit->width())
                                                             .arg(needed)));
        }
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);  // drop what was typed
        dialog->close();
    }
};

int main(int argc, char** argv)
{
    // The counter's screen: 1600 × 1000 (offscreen's own screen is 800 × 600, and a
    // dialog sizes itself within its screen).
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    QTemporaryDir dir;
    if ((platform.isEmpty() || platform == "offscreen") && dir.isValid()) {
        QFile config(dir.filePath(QStringLiteral("screen.json")));
        if (config.open(QIODevice::WriteOnly)) {
            config.write(R"({"screens": [{"name": "guichet", "x": 0, "y": 0, "width": 1600, "height": 1000,)"
                         R"( "logicalDpi": 96, "logicalBaseDpi": 96}]})");
            config.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config.fileName()));
        }
    }
    QApplication app(argc, argv);
    TestUsagersLayoutGui test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestUsagersLayoutGui.moc"
