// kb_panel: the knowledge-base panel driven like an agent would — type, see results,
// open an article, copy it, mark "pas trouvé", export the gaps report.
#include "knowledgebase/KbFeedback.h"
#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbStore.h"
#include "ui/kb/KbPanel.h"
#include "ui/kb/KbPanelAccess.h"
#include "ui/kb/KbSearchWorker.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace iris::kb;
using namespace iris::ui;

class TestKbPanel final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    template<typename T> static T* child(QWidget* root, const char* name)
    {
        T* w = root->findChild<T*>(QLatin1String(name));
        if (!w)
            qFatal("missing widget %s", name);
        return w;
    }
    static QString firstUid(QListWidget* list)
    {
        return list->count() ? list->item(0)->data(Qt::UserRole + 1).toString() : QString();
    }
    static QString shownUid(const KbPanel& panel)
    {
        const auto article = panel.currentArticle();
        return article ? article->uid : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("kb.sqlite"));
        auto seeded = KbImporter::ensureSeeded(m_path);
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().toString()));
    }

    void typeOpenCopyAndReportGaps()
    {
        KbPanel panel(m_path);
        panel.setToday(QDate(2026, 11, 25));
        panel.resize(500, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* field = child<QLineEdit>(&panel, "kbSearchField");
        auto* results = child<QListWidget>(&panel, "kbResults");
        auto* view = child<QTextBrowser>(&panel, "kbArticleView");

        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("pacte civil"));
        QTRY_VERIFY(results->count() > 0);
        QTRY_COMPARE(firstUid(results), QStringLiteral("pacs-mairie"));

        // The first result opens by itself: dates, owner service, content.
        QTRY_COMPARE(shownUid(panel), QStringLiteral("pacs-mairie"));
        QCOMPARE(results->currentRow(), 0);
        const QString text = view->toPlainText();
        QVERIFY(text.contains(QStringLiteral("cerfa 15725")));
        QVERIFY(text.contains(QStringLiteral("Service responsable : Service État civil")));
        QVERIFY(text.contains(QStringLiteral("Mis à jour le 15 septembre 2026")));
        QVERIFY(!text.contains(QStringLiteral("Date de révision dépassée")));

        QTest::mouseClick(child<QPushButton>(&panel, "kbCopyButton"), Qt::LeftButton);
        QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("Conclure un PACS en mairie")));

        // An article past its review date is flagged; clicking a result opens it.
        panel.search(QStringLiteral("concession funéraire"));
        QTRY_COMPARE(firstUid(results), QStringLiteral("cimetiere-concession"));
        QVERIFY(results->item(0)->data(Qt::UserRole + 10).toString().contains(QStringLiteral("à revoir")));
        QTRY_COMPARE(shownUid(panel), QStringLiteral("cimetiere-concession"));
        QVERIFY(results->count() > 1);
        const QString second = results->item(1)->data(Qt::UserRole + 1).toString();
        QTest::mouseClick(
            results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(1)).center());
        QTRY_COMPARE(shownUid(panel), second);
        QTest::mouseClick(
            results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(0)).center());
        QTRY_COMPARE(shownUid(panel), QStringLiteral("cimetiere-concession"));
        QVERIFY(view->toPlainText().contains(QStringLiteral("Date de révision dépassée")));

        // "Pas trouvé" on a search with no answer, then the gaps report.
        field->clear();
        QTest::keyClicks(field, QStringLiteral("carte vitale perdue"));
        auto* notFound = child<QPushButton>(&panel, "kbNotFoundButton");
        QTRY_VERIFY(notFound->isEnabled());
        QSignalSpy recorded(&panel, &KbPanel::feedbackRecorded);
        QTest::mouseClick(notFound, Qt::LeftButton);
        QTRY_COMPARE(recorded.count(), 1);
        QVERIFY(!notFound->isEnabled());

        const QString csv = m_dir.filePath(QStringLiteral("gaps.csv"));
        KbPanel::setNextGapsPath(csv);
        QSignalSpy exported(&panel, &KbPanel::gapsExported);
        QTest::mouseClick(child<QPushButton>(&panel, "kbGapsButton"), Qt::LeftButton);
        QTRY_COMPARE(exported.count(), 1);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(file.readAll());
        QVERIFY2(report.contains(QStringLiteral("carte vitale perdue;carte vitale perdue;1;")),
            qPrintable(report));
    }

    // A search with no answer must not leave the previous answer on screen, ready to
    // be copied (issue 10); the next search that finds something shows its answer again.
    void noResultClearsTheAnswer()
    {
        KbPanel panel(m_path);
        panel.resize(500, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QString inserted;
        panel.setInsertHandler([&inserted](const QString& text) { inserted = text; });
        auto* field = child<QLineEdit>(&panel, "kbSearchField");
        auto* results = child<QListWidget>(&panel, "kbResults");
        auto* view = child<QTextBrowser>(&panel, "kbArticleView");
        auto* status = child<QLabel>(&panel, "kbStatus");
        auto* copy = child<QPushButton>(&panel, "kbCopyButton");
        auto* insert = child<QPushButton>(&panel, "kbInsertButton");

        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("pacs"));
        QTRY_COMPARE(firstUid(results), QStringLiteral("pacs-mairie"));
        QTRY_COMPARE(shownUid(panel), QStringLiteral("pacs-mairie"));
        QVERIFY(view->toPlainText().contains(QStringLiteral("cerfa 15725")));
        QVERIFY(copy->isEnabled());
        QVERIFY(insert->isEnabled());

        const QString agentClipboard = QStringLiteral("texte de l'agent");
        QApplication::clipboard()->setText(agentClipboard);
        QSignalSpy shownResults(&panel, &KbPanel::resultsShown);
        field->clear();
        QTest::keyClicks(field, QStringLiteral("ornithorynque"));
        QTRY_VERIFY(shownResults.count() > 0 && shownResults.last().at(0).toInt() == 0);
        QCOMPARE(results->count(), 0);
        QVERIFY(view->toPlainText().trimmed().isEmpty());
        QVERIFY(!panel.currentArticle());
        QVERIFY(!copy->isEnabled());
        QVERIFY(!insert->isEnabled());
        QVERIFY(status->isVisible());
        QVERIFY2(status->text().startsWith(QStringLiteral("Aucun article ne correspond à « ornithorynque »")),
            qPrintable(status->text()));
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), agentClipboard);
        QTest::mouseClick(insert, Qt::LeftButton);
        QVERIFY(inserted.isEmpty());
        // Nothing comes back later either (a load asked for before the empty answer).
        QTest::qWait(200);
        QVERIFY(!panel.currentArticle());
        QVERIFY(!copy->isEnabled());

        field->clear();
        QTest::keyClicks(field, QStringLiteral("recensement"));
        QTRY_COMPARE(firstUid(results), QStringLiteral("recensement-citoyen"));
        QTRY_COMPARE(shownUid(panel), QStringLiteral("recensement-citoyen"));
        QVERIFY(view->toPlainText().contains(QStringLiteral("16e anniversaire")));
        QVERIFY(copy->isEnabled());
        QVERIFY(insert->isEnabled());
        QVERIFY(!status->text().startsWith(QStringLiteral("Aucun article")));
        QTest::mouseClick(copy, Qt::LeftButton);
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("16e anniversaire")));
    }

    // Beside a reply the panel shows "Insérer dans la réponse": that must not widen the
    // panel (a dock: it widened the main window past the screen, issue 10).
    void theInsertButtonDoesNotWidenThePanel()
    {
        KbPanel panel(m_path);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int before = panel.minimumSizeHint().width();
        panel.setInsertHandler([](const QString&) { });
        QTRY_VERIFY(child<QPushButton>(&panel, "kbInsertButton")->isVisible());
        const int after = panel.minimumSizeHint().width();
        QVERIFY2(after <= before * 11 / 10, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QVERIFY2(after <= 400, qPrintable(QString::number(after)));
    }

    void staleQueriesAreDropped()
    {
        KbPanel panel(m_path);
        panel.show();
        auto* results = child<QListWidget>(&panel, "kbResults");
        auto* worker = panel.findChild<KbSearchWorker*>();
        Q_UNUSED(worker); // lives on its own thread, not a child
        QSignalSpy shownResults(&panel, &KbPanel::resultsShown);
        // Queries fired back to back: only the last one's results may be shown.
        panel.search(QStringLiteral("cimetière"));
        panel.search(QStringLiteral("logement social"));
        panel.search(QStringLiteral("pacs"));
        QTRY_COMPARE(firstUid(results), QStringLiteral("pacs-mairie"));
        QTest::qWait(200);
        QCOMPARE(firstUid(results), QStringLiteral("pacs-mairie"));
        QVERIFY(shownResults.count() <= 2); // stale answers never reach the list
    }

    void moduleApiInsertsAnswer()
    {
        KbPanel panel(m_path);
        panel.show();
        bool revealed = false;
        KbPanelAccess access(&panel, m_path, [&revealed] { revealed = true; });
        QCOMPARE(access.articleLink(QStringLiteral("pacs-mairie")), QString());
        QVERIFY(access.articleText(QStringLiteral("pacs-mairie")).contains(QStringLiteral("cerfa 15726")));
        QVERIFY(access.articleText(QStringLiteral("nope")).isEmpty());

        auto* editor = new QObject;
        QString inserted;
        access.setReplyTarget(editor, [&inserted](const QString& text) { inserted = text; });
        access.showPanel(QStringLiteral("recensement"));
        QVERIFY(revealed);
        auto* results = child<QListWidget>(&panel, "kbResults");
        QTRY_COMPARE(firstUid(results), QStringLiteral("recensement-citoyen"));
        QTest::mouseClick(
            results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(0)).center());
        QTRY_COMPARE(shownUid(panel), QStringLiteral("recensement-citoyen"));
        QCOMPARE(access.currentArticle()->id, QStringLiteral("recensement-citoyen"));
        auto* insert = child<QPushButton>(&panel, "kbInsertButton");
        QVERIFY(insert->isEnabled());
        QTest::mouseClick(insert, Qt::LeftButton);
        QVERIFY(inserted.contains(QStringLiteral("16e anniversaire")));
        delete editor;
        QVERIFY(!insert->isVisible());
    }
};

QTEST_MAIN(TestKbPanel)
#include "TestKbPanel.moc"
