// kb_feedback: "pas trouvé" reports grouped into the KB gaps report and its CSV.
#include "knowledgebase/KbFeedback.h"
#include "tests/kb/KbTestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace iris::kb;

class TestKbFeedback final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gapsAreGroupedAndCounted()
    {
        QTemporaryDir dir;
        auto store = KbStore::open(dir.filePath(QStringLiteral("kb.sqlite")));
        QVERIFY(store);
        KbFeedback feedback((*store)->connection());
        const QDateTime t0(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC);
        QVERIFY(
            feedback.recordNotFound(QStringLiteral("Carte   Vitale"), QStringLiteral("carte vitale"), t0));
        QVERIFY(feedback.recordNotFound(
            QStringLiteral("carte vitale"), QStringLiteral("carte vitale"), t0.addSecs(60)));
        QVERIFY(feedback.recordNotFound(QStringLiteral("=cmd|' /C calc'!A0"), QString(), t0.addSecs(120)));
        QVERIFY(!feedback.recordNotFound(QStringLiteral("   "), QString()));

        const QList<KbGap> gaps = *feedback.gaps();
        QCOMPARE(gaps.size(), 2);
        QCOMPARE(gaps.at(0).count, 2);
        QCOMPARE(gaps.at(0).normalized, QStringLiteral("carte vitale"));
        QCOMPARE(gaps.at(0).query, QStringLiteral("carte vitale")); // latest wording
        QCOMPARE(gaps.at(0).lastSeen, t0.addSecs(60));

        const QString path = dir.filePath(QStringLiteral("gaps.csv"));
        QVERIFY(feedback.exportCsv(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines
            = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QStringLiteral("requete;mots;occurrences;derniere_fois"));
        QCOMPARE(lines.at(1), QStringLiteral("carte vitale;carte vitale;2;2026-05-04T09:01:00Z"));
        // Spreadsheet formulas are neutralised.
        QVERIFY(lines.at(2).startsWith(QStringLiteral("'=cmd|")));

        QVERIFY(feedback.clear());
        QVERIFY(feedback.gaps()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKbFeedback)
#include "TestKbFeedback.moc"
