#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Courriels still to answer on the "À traiter" list, by reply deadline. An agent who
/// keeps the inbox (accueil.mail) gets those of the scope; another follow-up role (a
/// service's agent) gets only the courriels assigned to them or their service (no scope
/// All), to be opened by the inbox's handlers (FollowUpItem::openPermission); anyone
/// else an empty list (the page is shared with other roles).
class CourrielOverdueSource final : public OverdueSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CourrielOverdueSource)
public:
    QString kind() const override;
    QString label() const override;
    Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const override;
};

} // namespace iris::accueil
