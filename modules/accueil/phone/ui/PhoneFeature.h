#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>
#include <QPointer>

namespace iris::accueil {

class PhoneIntakeWindow;

/// Phone: the global "Appel entrant" action (F9), the callback tasks on the overdue list
/// and their dialog.
class PhoneFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PhoneFeature)
public:
    QString id() const override { return QStringLiteral("phone"); }
    void initialize(AccueilController& controller) override;
    void contribute(ModuleContext& context, AccueilController& controller) override;

private:
    void incomingCall(AccueilController& controller);
    QPointer<PhoneIntakeWindow> m_window;
};

} // namespace iris::accueil
