#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace iris::kb {

class KbSearcher;

/// Relevance measurement over questions in the sample-questions.tsv format:
/// "query<TAB>expected page path(s) after the host, space separated", "#" comments.
class KbEvaluator final
{
public:
    struct Question
    {
        int line = 0;
        QString query;
        QStringList expected; ///< URL paths without the leading "/"
    };
    struct Outcome
    {
        Question question;
        int rank = 0; ///< 1-based rank of the first expected page, 0 if not in the top 10
        QStringList top; ///< paths of the first results
    };
    struct Report
    {
        QList<Outcome> outcomes;
        double recallAt3 = 0;
        double mrrAt10 = 0;
        int passed = 0; ///< questions answered in the top 3
    };

    static Result<QList<Question>> readQuestions(const QString& path);
    static QList<Question> parseQuestions(const QString& text);
    /// The path of a page URL after the host, without the leading "/".
    static QString pagePath(const QString& url);

    static Result<Report> evaluate(KbSearcher& searcher, const QList<Question>& questions);
};

} // namespace iris::kb
