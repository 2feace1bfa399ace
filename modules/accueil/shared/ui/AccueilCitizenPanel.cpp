#include "modules/accueil/shared/ui/AccueilCitizenPanel.h"

#include "core/base/PhoneNumber.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/ui/WaitingListModel.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

AccueilCitizenPanel::AccueilCitizenPanel(AccueilController& controller, qint64 citizenId, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_callbacks(new QListWidget(this))
    , m_visits(new QListWidget(this))
{
    setObjectName(u"accueilCitizenPanel"_s);
    m_callbacks->setObjectName(u"accueilCitizenCallbacks"_s);
    m_visits->setObjectName(u"accueilCitizenVisits"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Rappels"), this));
    layout->addWidget(m_callbacks, 1);
    layout->addWidget(new QLabel(tr("Passages au guichet"), this));
    layout->addWidget(m_visits, 2);
    connect(&m_controller, &AccueilController::contactLogged, this, [this](qint64 id) {
        if (id == m_citizenId)
            reload();
    });
    reload();
}

void AccueilCitizenPanel::reload()
{
    m_callbacks->clear();
    m_visits->clear();
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    const Result<QList<CallbackTask>> tasks = CallbackService(*s).ofCitizen(m_citizenId);
    for (const CallbackTask& t : tasks ? *tasks : QList<CallbackTask>{}) {
        const QString when = t.dueAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s);
        const QString state = t.isDone() ? tr("fait le %1").arg(t.doneAt.toLocalTime().toString(u"dd/MM/yyyy"_s))
                                         : (t.isOverdue(now) ? tr("EN RETARD") : tr("à faire"));
        m_callbacks->addItem(tr("%1 — %2 — %3 (%4)").arg(when, PhoneNumber::format(t.phone), t.subject, state));
    }
    if (m_callbacks->count() == 0)
        m_callbacks->addItem(tr("Aucun rappel."));
    const Result<QList<Ticket>> tickets = QueueService(*s).ofCitizen(m_citizenId);
    for (const Ticket& t : tickets ? *tickets : QList<Ticket>{}) {
        QString line = tr("%1 — ticket %2 — %3 — attente %4")
                           .arg(t.issuedAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s), t.label,
                                ticketStatusLabel(t.status), WaitingListModel::formatDuration(t.waitingSeconds(now)));
        if (t.serviceSeconds(now) >= 0)
            line += tr(", entretien %1").arg(WaitingListModel::formatDuration(t.serviceSeconds(now)));
        m_visits->addItem(line);
    }
    if (m_visits->count() == 0)
        m_visits->addItem(tr("Aucun passage au guichet."));
}

} // namespace iris::accueil
