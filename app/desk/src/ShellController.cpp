#include "app/desk/src/ShellController.h"

#include "core/modules/ModuleContext.h"

#include <QWidget>

namespace iris::shell {

ShellController::ShellController(ModuleContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

void ShellController::setSession(Session session)
{
    m_session.emplace(std::move(session));
}

void ShellController::setDialogParent(QWidget* parent)
{
    m_dialogParent = parent;
}

const Session& ShellController::session() const
{
    // Modules reach the session from UI factories and triggers, which only exist
    // after login; anything earlier is a programming error.
    Q_ASSERT_X(m_session.has_value(), "ShellController::session", "no agent logged in yet");
    return *m_session;
}

bool ShellController::canOpen(const QString& kind) const
{
    return m_context.recordOpeners.contains(kind);
}

void ShellController::openRecord(const QString& kind, qint64 id)
{
    const auto it = m_context.recordOpeners.constFind(kind);
    if (it == m_context.recordOpeners.constEnd() || !*it) {
        showStatusMessage(tr("Aucun module chargé ne sait ouvrir ce type de fiche (%1).").arg(kind));
        return;
    }
    (*it)(id);
    Q_EMIT recordOpened(kind, id);
}

void ShellController::showPage(const QString& pageId)
{
    Q_EMIT pageRequested(pageId);
}

void ShellController::showStatusMessage(const QString& text, int timeoutMs)
{
    Q_EMIT statusMessageRequested(text, timeoutMs);
}

QWidget* ShellController::dialogParent() const
{
    return m_dialogParent.data();
}

} // namespace iris::shell
