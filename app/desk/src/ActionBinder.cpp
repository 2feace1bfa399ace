#include "app/desk/src/ActionBinder.h"

#include "app/desk/src/ShortcutMap.h"
#include "core/security/Session.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace iris::shell {

ActionBinder::ActionBinder(QMenuBar* menuBar, QMenu* anchorMenu, ShortcutMap& shortcuts, QObject* parent)
    : QObject(parent)
    , m_menuBar(menuBar)
    , m_anchor(anchorMenu)
    , m_shortcuts(shortcuts)
{
}

QMenu* ActionBinder::menu(const QString& title)
{
    if (QMenu* existing = m_menus.value(title))
        return existing;
    auto* menu = new QMenu(title, m_menuBar);
    menu->setObjectName(u"menu:"_s + title);
    if (m_anchor)
        m_menuBar->insertMenu(m_anchor->menuAction(), menu);
    else
        m_menuBar->addMenu(menu);
    m_menus.insert(title, menu);
    return menu;
}

int ActionBinder::bind(const ActionRegistry& registry, const Session& session)
{
    int created = 0;
    for (const ActionSpec& spec : registry.items()) {
        if (!spec.trigger || spec.text.isEmpty())
            continue;
        if (!spec.permission.isEmpty() && !session.can(spec.permission))
            continue;
        const QString title = spec.menu.isEmpty() ? tr("Actions") : spec.menu;
        auto* action = new QAction(spec.text, menu(title));
        action->setObjectName(u"action:"_s + spec.id);
        const QKeySequence sequence
            = m_shortcuts.claim(spec.shortcut, QString(spec.text).remove(u'&'), spec.id);
        if (!sequence.isEmpty())
            action->setShortcut(sequence);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [trigger = spec.trigger] { trigger(); });
        menu(title)->addAction(action);
        m_actions.insert(spec.id, action);
        ++created;
    }
    return created;
}

} // namespace iris::shell
