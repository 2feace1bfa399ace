#include "app/desk/src/kb/KbDock.h"

#include "app/desk/src/MainWindow.h"
#include "core/modules/ModuleContext.h"
#include "ui/kb/KbPanel.h"
#include "ui/kb/KbPanelAccess.h"

#include <QDockWidget>

namespace iris::shell {

KbDock::KbDock(MainWindow* window, ModuleContext& context, const QString& kbPath)
    : QObject(window)
    , m_context(context)
{
    auto* dock = new QDockWidget(tr("Base de connaissances"), window);
    dock->setObjectName(QStringLiteral("kbDock"));
    m_panel = new ui::KbPanel(kbPath, dock);
    dock->setWidget(m_panel);
    window->addSideDock(dock, QString::fromLatin1(Shortcut));
    m_panel->seedDemoContentIfEmpty();
    m_access = std::make_unique<ui::KbPanelAccess>(m_panel, kbPath, [dock] {
        dock->show();
        dock->raise();
    });
    m_context.knowledgeBase = m_access.get();
}

KbDock::~KbDock()
{
    if (m_context.knowledgeBase == m_access.get())
        m_context.knowledgeBase = nullptr;
}

KbDock* KbDock::attach(MainWindow* window, ModuleContext& context, const QString& kbPath)
{
    return new KbDock(window, context, kbPath);
}

} // namespace iris::shell
