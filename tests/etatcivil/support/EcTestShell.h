#pragma once

#include "core/modules/IShell.h"
#include "core/modules/ModuleContext.h"

#include <QHash>
#include <QPointer>
#include <QStackedWidget>

#include <optional>

namespace iris::test {

/// The host as modules see it: pages created on first display in a stacked window,
/// records opened through the registered openers, status messages kept for the test.
class EcTestShell final : public IShell
{
public:
    explicit EcTestShell(ModuleContext& context);
    ~EcTestShell() override;

    void setSession(const Session& session) { m_session.emplace(session); }
    const Session& session() const override { return *m_session; }
    void openRecord(const QString& kind, qint64 id) override;
    void showPage(const QString& pageId) override;
    void showStatusMessage(const QString& text, int timeoutMs = 4000) override;
    QWidget* dialogParent() const override { return m_window; }

    QWidget* page(const QString& pageId) const { return m_pages.value(pageId); }
    QStackedWidget* window() const { return m_window; }
    QStringList statuses() const { return m_statuses; }
    void closeWindow();

private:
    ModuleContext& m_context;
    std::optional<Session> m_session;
    QPointer<QStackedWidget> m_window;
    QHash<QString, QPointer<QWidget>> m_pages;
    QStringList m_statuses;
};

} // namespace iris::test
