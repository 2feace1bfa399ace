#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>
#include <QPointer>

namespace iris::accueil {

class QuickAnswerDialog;

/// Quick contacts: the global "Réponse immédiate" action (F8).
class QuickFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::QuickFeature)
public:
    QString id() const override { return QStringLiteral("quick"); }
    void contribute(ModuleContext& context, AccueilController& controller) override;

private:
    QPointer<QuickAnswerDialog> m_dialog;
};

} // namespace iris::accueil
