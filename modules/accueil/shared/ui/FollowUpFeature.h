#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>

namespace iris::accueil {

/// Everywhere: the "À traiter" page (overdue items of every feature, by due date) and the
/// "Accueil" panel of the citizen 360° page.
class FollowUpFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::FollowUpFeature)
public:
    QString id() const override { return QStringLiteral("followup"); }
    void contribute(ModuleContext& context, AccueilController& controller) override;
};

} // namespace iris::accueil
