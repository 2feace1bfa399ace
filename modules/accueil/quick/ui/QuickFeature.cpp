#include "modules/accueil/quick/ui/QuickFeature.h"

#include "core/modules/ModuleContext.h"
#include "modules/accueil/quick/ui/QuickAnswerDialog.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilController.h"

namespace iris::accueil {

void QuickFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    ActionSpec a;
    a.id = ids::QuickAnswerAction;
    a.text = tr("Réponse immédiate…");
    a.shortcut = QStringLiteral("F8");
    a.permission = ids::PermQuick;
    a.menu = tr("Accueil");
    a.trigger = [this, c] {
        if (!m_dialog) {
            m_dialog = new QuickAnswerDialog(*c, c->dialogParent());
            m_dialog->setAttribute(Qt::WA_DeleteOnClose);
            c->track(m_dialog);
        } else {
            m_dialog->reset();
        }
        m_dialog->show();
        m_dialog->raise();
        m_dialog->activateWindow();
    };
    context.actions.add(a);
}

} // namespace iris::accueil
