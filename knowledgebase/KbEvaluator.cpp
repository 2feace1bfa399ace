#include "knowledgebase/KbEvaluator.h"

#include "knowledgebase/KbSearcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

namespace iris::kb {

QList<KbEvaluator::Question> KbEvaluator::parseQuestions(const QString& text)
{
    QList<Question> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype tab = lines.at(i).indexOf(QLatin1Char('\t'));
        if (tab < 0)
            continue;
        Question q;
        q.line = i + 1;
        q.query = lines.at(i).left(tab).trimmed();
        q.expected = lines.at(i).mid(tab + 1).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString& e : q.expected) {
            while (e.startsWith(QLatin1Char('/')))
                e.remove(0, 1);
        }
        if (!q.query.isEmpty() && !q.expected.isEmpty())
            out.append(q);
    }
    return out;
}

Result<QList<KbEvaluator::Question>> KbEvaluator::readQuestions(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError,
            QCoreApplication::translate("iris::kb::KbEvaluator", "Impossible de lire « %1 » : %2.")
                .arg(path, file.errorString()));
    return parseQuestions(QString::fromUtf8(file.readAll()));
}

QString KbEvaluator::pagePath(const QString& url)
{
    QString path = QUrl(url).path(QUrl::FullyEncoded);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

Result<KbEvaluator::Report> KbEvaluator::evaluate(KbSearcher& searcher, const QList<Question>& questions)
{
    Report report;
    double reciprocal = 0;
    for (const Question& q : questions) {
        KbSearchOptions options;
        options.limit = 10;
        auto result = searcher.search(q.query, options);
        if (!result)
            return result.error();
        Outcome outcome;
        outcome.question = q;
        for (int i = 0; i < result->hits.size(); ++i) {
            const QString path = pagePath(result->hits.at(i).url);
            const QString fallback = result->hits.at(i).uid;
            if (outcome.top.size() < 5)
                outcome.top << (path.isEmpty() ? fallback : path);
            const bool match = q.expected.contains(path, Qt::CaseInsensitive)
                || q.expected.contains(QUrl::fromPercentEncoding(path.toUtf8()), Qt::CaseInsensitive)
                || (path.isEmpty() && q.expected.contains(fallback));
            if (match && outcome.rank == 0)
                outcome.rank = i + 1;
        }
        if (outcome.rank >= 1 && outcome.rank <= 3)
            ++report.passed;
        if (outcome.rank >= 1)
            reciprocal += 1.0 / outcome.rank;
        report.outcomes.append(outcome);
    }
    if (!questions.isEmpty()) {
        report.recallAt3 = double(report.passed) / double(questions.size());
        report.mrrAt10 = reciprocal / double(questions.size());
    }
    return report;
}

} // namespace iris::kb
