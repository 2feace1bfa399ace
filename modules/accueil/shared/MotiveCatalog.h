#pragma once

#include "core/base/Result.h"
#include "core/domain/MotiveTheme.h"

#include <QHash>
#include <QList>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The motive tree flattened for pickers and summaries: each active motive with its
/// path label ("État civil › PACS"), parents before children.
class MotiveCatalog final
{
public:
    struct Entry
    {
        MotiveTheme theme;
        QString path;     ///< "État civil › PACS"; a top-level theme is its own label
        bool leaf = true;
    };

    static Result<MotiveCatalog> load(CoreServices& services);

    const QList<Entry>& entries() const { return m_entries; }
    /// Path label of a motive (inactive ones included); empty when unknown.
    QString path(qint64 motiveId) const { return m_paths.value(motiveId); }
    const Entry* find(qint64 motiveId) const;
    qint64 defaultServiceOf(qint64 motiveId) const;

private:
    QList<Entry> m_entries;
    QHash<qint64, QString> m_paths;
    QHash<qint64, qsizetype> m_index;
};

} // namespace iris::accueil
