#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace iris {
class ModuleContext;
}

namespace iris::ui {
class KbPanel;
class KbPanelAccess;
} // namespace iris::ui

namespace iris::shell {

class MainWindow;

/// The knowledge-base panel in the shell: a right-hand dock ("kbDock", F3 from
/// anywhere) holding the KB panel on the site's knowledge base, created with the
/// demo content on first start, and the KnowledgeBaseAccess given to modules.
class KbDock final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char* Shortcut = "F3";

    /// Adds the dock to `window` and publishes the module API in `context`
    /// (the context must outlive the window).
    static KbDock* attach(MainWindow* window, ModuleContext& context, const QString& kbPath);
    ~KbDock() override;

    ui::KbPanel* panel() const { return m_panel; }

private:
    KbDock(MainWindow* window, ModuleContext& context, const QString& kbPath);
    ModuleContext& m_context;
    ui::KbPanel* m_panel = nullptr;
    std::unique_ptr<ui::KbPanelAccess> m_access;
};

} // namespace iris::shell
