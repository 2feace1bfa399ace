#pragma once

#include "core/modules/IShell.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace iris {
class ModuleContext;
}

namespace iris::shell {

/// The host as modules see it (iris::IShell): opens records through the openers
/// modules registered, and forwards page and status requests to whatever window
/// listens. Knows no module and no window class.
class ShellController final : public QObject, public IShell
{
    Q_OBJECT
public:
    explicit ShellController(ModuleContext& context, QObject* parent = nullptr);

    /// Called once the agent has logged in.
    void setSession(Session session);
    /// Called once the agent has logged out.
    void clearSession() { m_session.reset(); }
    bool hasSession() const { return m_session.has_value(); }
    /// The window module dialogs are parented to.
    void setDialogParent(QWidget* parent);

    // IShell
    const Session& session() const override;
    void openRecord(const QString& kind, qint64 id) override;
    void showPage(const QString& pageId) override;
    void showStatusMessage(const QString& text, int timeoutMs = 4000) override;
    QWidget* dialogParent() const override;

    /// True when a module registered an opener for `kind`.
    bool canOpen(const QString& kind) const;

Q_SIGNALS:
    void pageRequested(const QString& pageId);
    void statusMessageRequested(const QString& text, int timeoutMs);
    /// After a record was handed to its opener.
    void recordOpened(const QString& kind, qint64 id);

private:
    ModuleContext& m_context;
    std::optional<Session> m_session;
    QPointer<QWidget> m_dialogParent;
};

} // namespace iris::shell
