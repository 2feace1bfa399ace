#pragma once

#include "core/base/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace iris::kb {

class KbConnection;

/// A question the knowledge base did not answer, with how often agents met it.
struct KbGap
{
    QString query; ///< most recent wording typed by an agent
    QString normalized; ///< folded words the report groups by
    int count = 0;
    QDateTime lastSeen;
};

/// "Pas trouvé" feedback: agents mark a search as unanswered; editors read the
/// gaps report (grouped by normalized words, most frequent first) or export it.
/// Only the query text is kept — no agent and no citizen.
class KbFeedback final
{
public:
    explicit KbFeedback(KbConnection& connection);

    /// Records one unanswered search. `normalized` comes from KbSearchResult; when
    /// empty, the trimmed lower-case query is used.
    Result<void> recordNotFound(const QString& query, const QString& normalized,
        const QDateTime& when = QDateTime::currentDateTimeUtc());
    Result<QList<KbGap>> gaps() const;
    Result<void> clear();

    /// CSV for spreadsheets (UTF-8 with BOM, ";" separated, formula-safe cells).
    static QByteArray toCsv(const QList<KbGap>& gaps);
    /// Writes the report atomically.
    Result<void> exportCsv(const QString& path) const;

private:
    KbConnection& m_connection;
};

} // namespace iris::kb
