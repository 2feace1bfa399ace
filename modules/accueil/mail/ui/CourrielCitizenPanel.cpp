#include "modules/accueil/mail/ui/CourrielCitizenPanel.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CourrielCitizenPanel::CourrielCitizenPanel(AccueilController& controller, qint64 citizenId, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_list(new QListWidget(this))
{
    setObjectName(u"courrielCitizenPanel"_s);
    m_list->setObjectName(u"courrielCitizenList"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        if (const qint64 id = item->data(Qt::UserRole).toLongLong(); id > 0)
            Q_EMIT courrielActivated(id);
    });
    connect(&m_controller, &AccueilController::contactLogged, this, [this](qint64 id) {
        if (id == m_citizenId)
            reload();
    });
    reload();
}

void CourrielCitizenPanel::reload()
{
    m_list->clear();
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<QList<Courriel>> rows = CourrielService(*s).ofCitizen(m_citizenId);
    if (!rows) {
        m_list->addItem(rows.error().toString());
        return;
    }
    const QDateTime now = QDateTime::currentDateTime();
    for (const Courriel& c : *rows) {
        QString state;
        switch (c.status) {
        case CourrielStatus::ATraiter:
            state = c.isOverdue(now)
                ? tr("EN RETARD (échéance %1)").arg(c.dueAt.toLocalTime().toString(u"dd/MM/yyyy"_s))
                : tr("à répondre avant le %1").arg(c.dueAt.toLocalTime().toString(u"dd/MM/yyyy"_s));
            break;
        case CourrielStatus::Repondu:
            state = tr("répondu le %1").arg(c.answeredAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s));
            break;
        case CourrielStatus::Classe:
            state = tr("classé sans suite");
            break;
        }
        auto* item = new QListWidgetItem(tr("%1 — %2 — %3")
                                             .arg(c.receivedAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s),
                                                 c.subject.isEmpty() ? tr("(sans objet)") : c.subject, state),
            m_list);
        item->setData(Qt::UserRole, c.id);
        if (c.isOverdue(now))
            item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    if (m_list->count() == 0)
        m_list->addItem(tr("Aucun courriel."));
}

} // namespace iris::accueil
