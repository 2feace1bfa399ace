#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace iris::accueil {

/// Every overdue source of the module, merged by due date.
class OverdueBoard final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::OverdueBoard)
public:
    struct Listing
    {
        QList<OverdueItem> items;  ///< by due date, then kind and id
        QStringList warnings;      ///< French: a source that failed (the others still listed)
    };

    /// Adds a source; a second one of the same kind replaces the first.
    void add(std::shared_ptr<OverdueSource> source);
    QList<std::shared_ptr<OverdueSource>> sources() const { return m_sources; }

    /// Permission: accueil.followup; scope All also accueil.supervise.
    Result<Listing> list(CoreServices& services, const OverdueQuery& query) const;

private:
    QList<std::shared_ptr<OverdueSource>> m_sources;
};

} // namespace iris::accueil
