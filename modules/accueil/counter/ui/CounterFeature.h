#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>
#include <QPointer>

namespace iris::accueil {

class CounterPage;
class PublicDisplayWindow;

/// Counter (visites): the "Guichet" page and the global actions F2 émettre un ticket,
/// F4 appeler le suivant, Ctrl+Maj+D affichage public.
class CounterFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CounterFeature)
public:
    QString id() const override { return QStringLiteral("counter"); }
    void contribute(ModuleContext& context, AccueilController& controller) override;
    /// Today's queue and the phone callbacks (AccueilDemo).
    Result<QString> seedDemo(CoreServices& system, const QDateTime& now) override;

private:
    CounterPage* page(AccueilController& controller);
    void showDisplay(AccueilController& controller);

    QPointer<CounterPage> m_page;
    QPointer<PublicDisplayWindow> m_display;
};

} // namespace iris::accueil
