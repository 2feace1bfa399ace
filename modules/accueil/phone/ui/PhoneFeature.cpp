#include "modules/accueil/phone/ui/PhoneFeature.h"

#include "core/modules/ModuleContext.h"
#include "modules/accueil/phone/CallbackOverdueSource.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/phone/ui/CallbackDialog.h"
#include "modules/accueil/phone/ui/PhoneIntakeWindow.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "ui/widgets/MessageBox.h"

namespace iris::accueil {

void PhoneFeature::initialize(AccueilController& controller)
{
    controller.overdue().add(std::make_shared<CallbackOverdueSource>());
    AccueilController* c = &controller;
    controller.setOverdueOpener(ids::CallbackKind, [c](const OverdueItem& item) {
        CoreServices* s = c->services();
        if (!s)
            return;
        const Result<CallbackTask> task = CallbackService(*s).get(item.id);
        if (!task) {
            ui::MessageBox::warning(c->dialogParent(), tr("Rappel"), task.error().toString());
            return;
        }
        auto* dialog = new CallbackDialog(*c, *task, c->dialogParent());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        c->track(dialog);
        dialog->open();
    });
}

void PhoneFeature::incomingCall(AccueilController& controller)
{
    if (!m_window) {
        m_window = new PhoneIntakeWindow(controller);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        controller.track(m_window);
    }
    // An intake still open (WA_DeleteOnClose: a closed one is gone) is the call in
    // progress: F9 brings it back rather than wiping what the agent typed.
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void PhoneFeature::contribute(ModuleContext& context, AccueilController& controller)
{
    AccueilController* c = &controller;
    ActionSpec a;
    a.id = ids::IncomingCallAction;
    a.text = tr("Appel entrant…");
    a.shortcut = QStringLiteral("F9");
    a.permission = ids::PermPhone;
    a.menu = tr("Accueil");
    a.trigger = [this, c] { incomingCall(*c); };
    context.actions.add(a);
}

} // namespace iris::accueil
