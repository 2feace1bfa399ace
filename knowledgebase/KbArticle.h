#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace iris::kb {

/// One knowledge-base article. `uid` is the stable identifier shared with the city
/// site and the sync server; `version` grows each time the content changes;
/// `contentHash` (SHA-256 of the canonical content) tells whether it did.
struct KbArticle
{
    qint64 rowId = 0; ///< local row (0 before insertion)
    QString uid; ///< "demande-place-en-creche"
    QString url; ///< source page, may be empty
    QString title;
    QString summary;
    QString body; ///< paragraphs separated by new lines
    QString section;
    QStringList tags;
    QString ownerService; ///< service that keeps the article current
    QDate updated;
    QDate reviewBy; ///< past this date the article is flagged
    int version = 0;
    QString contentHash;

    /// True when the review date is set and passed.
    bool needsReview(const QDate& today) const { return reviewBy.isValid() && reviewBy < today; }

    /// SHA-256 (hex) over every field except rowId, version and the hash itself.
    QString computeContentHash() const;

    /// Default review delay when the source gives none: a year after the update.
    static constexpr int DefaultReviewMonths = 12;
};

} // namespace iris::kb
