#include "app/desk/src/StatusBarController.h"

#include "core/security/Session.h"
#include "ui/widgets/ElidingLabel.h"

#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace iris::shell {

StatusBarController::StatusBarController(
    QStatusBar* bar, const AgentIdentity& agent, const QString& databaseDescription, QObject* parent)
    : QObject(parent)
    , m_bar(bar)
{
    m_bar->setObjectName(u"statusBar"_s);
    m_agent = new QLabel(tr("%1 — %2").arg(agent.displayName, roleLabel(agent.role)), m_bar);
    m_agent->setObjectName(u"statusAgent"_s);
    m_agent->setToolTip(tr("Agent connecté : %1 (%2)").arg(agent.displayName, agent.login));
    m_database = new ui::ElidingLabel(m_bar);
    m_database->setText(databaseDescription);
    m_database->setObjectName(u"statusDatabase"_s);
    m_database->setMaximumWidth(200);
    m_database->setToolTip(tr("Base de données du site : %1").arg(databaseDescription));
    m_bar->addPermanentWidget(m_agent);
    m_bar->addPermanentWidget(m_database);
}

void StatusBarController::showMessage(const QString& text, int timeoutMs)
{
    m_bar->showMessage(text, timeoutMs);
}

} // namespace iris::shell
