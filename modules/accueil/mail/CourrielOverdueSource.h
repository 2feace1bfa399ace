#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Courriels still to answer on the "À traiter" list, by reply deadline. A session
/// without accueil.mail gets an empty list (the page is shared with other roles).
class CourrielOverdueSource final : public OverdueSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CourrielOverdueSource)
public:
    QString kind() const override;
    QString label() const override;
    Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const override;
};

} // namespace iris::accueil
