#include "modules/accueil/post/ui/PostAssigneeChooser.h"

#include "core/domain/Agent.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"

#include <QComboBox>
#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

PostAssigneeChooser::PostAssigneeChooser(const QString& prefix, CoreServices* services, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_service(new ServiceChooser(prefix, this))
    , m_agent(new QComboBox(this))
{
    m_agent->setObjectName(QString(prefix + u"Agent"_s));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Ser&vice :"), m_service);
    form->addRow(tr("A&gent :"), m_agent);
    if (m_services) {
        if (const auto list = m_services->directory().list())
            m_service->setServices(*list);
    }
    connect(m_service, &ServiceChooser::serviceChanged, this, &PostAssigneeChooser::fillAgents);
    fillAgents(m_service->currentServiceId());
}

void PostAssigneeChooser::fillAgents(qint64 serviceId)
{
    const qint64 previous = agentId();
    m_agent->clear();
    m_agent->addItem(tr("— tout le service —"), qint64(0));
    if (!m_services || serviceId <= 0)
        return;
    const Result<QList<Agent>> agents = m_services->agents().listByService(serviceId);
    if (!agents)
        return;
    for (const Agent& a : *agents)
        m_agent->addItem(a.displayName, a.id);
    const int index = m_agent->findData(previous);
    if (index >= 0)
        m_agent->setCurrentIndex(index);
}

qint64 PostAssigneeChooser::serviceId() const
{
    return m_service->currentServiceId();
}

qint64 PostAssigneeChooser::agentId() const
{
    return m_agent->currentData().toLongLong();
}

void PostAssigneeChooser::setAssignee(qint64 serviceId, qint64 agentId)
{
    m_service->setCurrentService(serviceId);
    fillAgents(serviceId);
    const int index = m_agent->findData(agentId);
    m_agent->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace iris::accueil
