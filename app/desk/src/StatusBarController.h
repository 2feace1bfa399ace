#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace iris {
struct AgentIdentity;
}

namespace iris::shell {

/// Fills the status bar: the agent and role ("statusAgent"), the database
/// ("statusDatabase"), and transient messages from modules.
class StatusBarController final : public QObject
{
    Q_OBJECT
public:
    StatusBarController(QStatusBar* bar, const AgentIdentity& agent, const QString& databaseDescription,
        QObject* parent = nullptr);

    void showMessage(const QString& text, int timeoutMs);

private:
    QStatusBar* m_bar;
    QLabel* m_agent = nullptr;
    QLabel* m_database = nullptr;
};

} // namespace iris::shell
