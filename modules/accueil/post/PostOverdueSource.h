#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Letters still to answer on the "À traiter" list (kind "courrier"), due at the end of
/// their reply deadline day, and their acknowledgements still owed. Sessions without
/// accueil.post or accueil.post.handle contribute nothing.
class PostOverdueSource final : public OverdueSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostOverdueSource)
public:
    QString kind() const override;
    QString label() const override;
    Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const override;
};

} // namespace iris::accueil
