#pragma once

#include <QWidget>

class QComboBox;

namespace iris {
class CoreServices;
}

namespace iris::accueil {

class ServiceChooser;

/// Who handles a letter: a service of the directory (with its contact details shown)
/// and, optionally, one of its agents. Object names: <prefix>Service, <prefix>ServiceInfo,
/// <prefix>Agent.
class PostAssigneeChooser final : public QWidget
{
    Q_OBJECT
public:
    PostAssigneeChooser(const QString& objectPrefix, CoreServices* services, QWidget* parent = nullptr);

    qint64 serviceId() const;
    qint64 agentId() const;
    void setAssignee(qint64 serviceId, qint64 agentId);
    ServiceChooser* serviceChooser() const { return m_service; }

private:
    void fillAgents(qint64 serviceId);

    CoreServices* m_services;
    ServiceChooser* m_service;
    QComboBox* m_agent;
};

} // namespace iris::accueil
