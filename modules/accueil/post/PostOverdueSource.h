#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Letters still to answer on the "À traiter" list (kind "courrier"), due at the end of
/// their reply deadline day. Sessions without accueil.post contribute nothing.
class PostOverdueSource final : public OverdueSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostOverdueSource)
public:
    QString kind() const override;
    QString label() const override;
    Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const override;
};

} // namespace iris::accueil
