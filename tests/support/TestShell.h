#pragma once

#include "core/modules/IShell.h"
#include "core/modules/ModuleContext.h"
#include "core/security/Session.h"

#include <QHash>
#include <QPointer>
#include <QStackedWidget>
#include <QStringList>

#include <optional>

namespace iris::test {

/// A minimal host, as the shell is to modules: it creates pages on first display in a
/// stacked window, routes openRecord() to the registered openers and keeps the status
/// messages for the test to read. Shared by the module suites (usagers, accueil, état civil).
class TestShell final : public IShell
{
public:
    explicit TestShell(ModuleContext& context);
    ~TestShell() override;

    void setSession(const Session& session) { m_session.emplace(session); }

    const Session& session() const override { return *m_session; }
    void openRecord(const QString& kind, qint64 id) override;
    void showPage(const QString& pageId) override;
    void showStatusMessage(const QString& text, int timeoutMs = 4000) override;
    QWidget* dialogParent() const override { return m_window; }

    QStackedWidget* window() const { return m_window; }
    QWidget* page(const QString& pageId) const { return m_pages.value(pageId); }
    QString lastStatus() const { return m_statuses.isEmpty() ? QString() : m_statuses.last(); }
    const QStringList& statuses() const { return m_statuses; }
    /// Destroys the window and its pages (before the services go away).
    void closeWindow();
    /// A fresh window with no page created yet (after a new login, as the shell does).
    void resetWindow();

private:
    ModuleContext& m_context;
    std::optional<Session> m_session;
    QPointer<QStackedWidget> m_window;
    QHash<QString, QPointer<QWidget>> m_pages;
    QStringList m_statuses;
};

} // namespace iris::test
