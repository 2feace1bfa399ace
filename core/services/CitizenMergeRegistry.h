#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <utility>

namespace iris {

class Dialect;

/// What CitizenService::merge() must carry over from the absorbed record to the kept one.
/// The core registers its own tables (contacts, dossiers, appointments, organisation
/// representatives); a module registers its tables that point at citizens during
/// initialize(), either as a plain column to repoint or as a hook for anything more
/// involved (e.g. a unique key that needs de-duplicating). Missing tables are skipped.
/// Thread-safe; process-wide.
class CitizenMergeRegistry final
{
public:
    /// Runs inside the merge transaction; must not commit.
    using Hook = std::function<Result<void>(QSqlDatabase& db, const Dialect& dialect, qint64 keptId,
                                            qint64 absorbedId)>;

    static CitizenMergeRegistry& instance();

    /// `UPDATE table SET column = kept WHERE column = absorbed` during the merge.
    void addReference(const QString& table, const QString& column);
    /// A hook under an id (a second one with the same id replaces the first; an empty
    /// hook removes it).
    void addHook(const QString& id, Hook hook);

    QList<std::pair<QString, QString>> references() const;
    QList<Hook> hooks() const;

private:
    CitizenMergeRegistry();
    mutable QMutex m_mutex;
    QList<std::pair<QString, QString>> m_references;
    QList<std::pair<QString, Hook>> m_hooks;
};

} // namespace iris
