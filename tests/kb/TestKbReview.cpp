// kb_review: review-by dates — explicit, defaulted from the update date, flagged.
#include "knowledgebase/KbSearcher.h"
#include "tests/kb/KbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace iris::kb;
using namespace iris::kb::test;

class TestKbReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reviewDates()
    {
        QTemporaryDir dir;
        auto store = KbStore::open(dir.filePath(QStringLiteral("kb.sqlite")));
        QVERIFY(store);
        QByteArray data;
        data += "{\"id\": \"explicit\", \"title\": \"Horaires d'été\", \"updated\": \"2026-01-10\","
                " \"review_by\": \"2026-03-01\", \"owner\": \"Service IRIS\", \"body\": \"été\"}\n";
        data += jsonLine(QStringLiteral("defaulted"), QStringLiteral("Horaires d'hiver"),
            QStringLiteral("hiver"), {}, {}, QStringLiteral("2025-11-20"));
        data += "{\"id\": \"undated\", \"title\": \"Horaires sans date\", \"body\": \"texte\"}\n";
        importText(**store, data);

        const KbArticle defaulted = *(*store)->article(QStringLiteral("defaulted"));
        QCOMPARE(defaulted.reviewBy, QDate(2026, 11, 20)); // a year after the update
        QVERIFY(!(*store)->article(QStringLiteral("undated"))->reviewBy.isValid());

        const QDate before(2026, 2, 1);
        const QDate between(2026, 6, 1);
        const QDate after(2027, 1, 1);
        QCOMPARE((*store)->info(before)->dueForReview, qint64(0));
        QCOMPARE((*store)->info(between)->dueForReview, qint64(1));
        QCOMPARE((*store)->info(after)->dueForReview, qint64(2));
        const QList<KbArticle> due = *(*store)->articlesDueForReview(after);
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.at(0).uid, QStringLiteral("explicit")); // oldest review date first
        QVERIFY(due.at(0).needsReview(after));
        QVERIFY(!due.at(0).needsReview(before));
        QCOMPARE(due.at(0).ownerService, QStringLiteral("Service IRIS"));

        // Search hits carry the dates, so the panel can flag them.
        auto searcher = KbSearcher::open((*store)->path());
        auto result = (*searcher)->search(QStringLiteral("horaires été"));
        QVERIFY(result);
        QCOMPARE(result->hits.value(0).uid, QStringLiteral("explicit"));
        QCOMPARE(result->hits.value(0).reviewBy, QDate(2026, 3, 1));
        QCOMPARE(result->hits.value(0).updated, QDate(2026, 1, 10));
        QCOMPARE(result->hits.value(0).ownerService, QStringLiteral("Service IRIS"));
    }
};

QTEST_GUILESS_MAIN(TestKbReview)
#include "TestKbReview.moc"
