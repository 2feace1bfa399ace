#pragma once

#include "core/base/Result.h"
#include "modules/accueil/shared/OverdueItem.h"

#include <QList>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// A kind of item with a due time (callbacks, e-mails, letters), listed on the
/// "À traiter" page for the agent and the service. Each feature that owes answers adds
/// one to the OverdueBoard; the page merges them by due date. items() runs with the
/// session's services and must check the permissions itself (scope All needs
/// accueil.supervise); it may be called from a worker thread and must then use the
/// thread's own connection (Database::connection() does).
class OverdueSource
{
public:
    virtual ~OverdueSource() = default;
    virtual QString kind() const = 0;       ///< OverdueItem::kind of its items
    virtual QString label() const = 0;      ///< French, plural: "Rappels téléphoniques"
    virtual Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const = 0;
};

} // namespace iris::accueil
