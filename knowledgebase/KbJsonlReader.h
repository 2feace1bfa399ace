#pragma once

#include "knowledgebase/KbArticle.h"

#include <QList>
#include <QString>

class QIODevice;

namespace iris::kb {

/// A line that could not be imported, with its 1-based number and a French reason.
struct ImportIssue
{
    int line = 0;
    QString message;
};

/// Reads articles from JSON Lines in the city-site format: one object per line with
/// id, url, title, updated (YYYY-MM-DD), section, tags (array), summary, body, and
/// optionally owner (service) and review_by (YYYY-MM-DD). Malformed lines are
/// reported and skipped; blank lines are ignored.
class KbJsonlReader final
{
public:
    struct Output
    {
        QList<KbArticle> articles;
        QList<ImportIssue> issues;
        int lines = 0;
    };

    static Output read(QIODevice& device);
    /// Parses one line; returns false and fills `message` when it is not an article.
    static bool parseLine(const QByteArray& line, KbArticle* article, QString* message);
};

} // namespace iris::kb
