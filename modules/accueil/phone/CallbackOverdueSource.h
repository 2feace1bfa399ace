#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Open callback tasks on the "À traiter" list.
class CallbackOverdueSource final : public OverdueSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CallbackOverdueSource)
public:
    QString kind() const override;
    QString label() const override;
    Result<QList<OverdueItem>> items(CoreServices& services, const OverdueQuery& query) const override;
};

} // namespace iris::accueil
