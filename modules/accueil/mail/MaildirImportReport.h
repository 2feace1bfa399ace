#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace iris::accueil {

/// What one pass over a Maildir did. `malformed` counts the imported messages that were
/// registered with a warning (they are also counted in `imported`).
struct MaildirImportReport
{
    int imported = 0;
    int duplicates = 0; ///< already registered (same Message-ID): nothing written
    int malformed = 0;
    int failed = 0; ///< unreadable file or database refusal: left in place, retried next time
    QStringList errors; ///< French, one per failed file
    QList<qint64> importedIds;

    int seen() const { return imported + duplicates + failed; }
    QJsonObject toJson() const
    {
        return { { QStringLiteral("imported"), imported }, { QStringLiteral("duplicates"), duplicates },
            { QStringLiteral("malformed"), malformed }, { QStringLiteral("failed"), failed },
            { QStringLiteral("errors"), QJsonArray::fromStringList(errors) } };
    }
};

} // namespace iris::accueil

Q_DECLARE_METATYPE(iris::accueil::MaildirImportReport)
