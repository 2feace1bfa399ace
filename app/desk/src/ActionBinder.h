#pragma once

#include "core/modules/Registries.h"

#include <QHash>
#include <QObject>

class QAction;
class QMenu;
class QMenuBar;

namespace iris {
class Session;
}

namespace iris::shell {

class ShortcutMap;

/// Turns the modules' ActionSpecs into QActions in the window's menus: one menu per
/// French menu title (created before the anchor menu, "Aide"), shortcuts claimed in
/// the ShortcutMap, actions the agent may not use left out.
class ActionBinder final : public QObject
{
    Q_OBJECT
public:
    ActionBinder(QMenuBar* menuBar, QMenu* anchorMenu, ShortcutMap& shortcuts, QObject* parent = nullptr);

    /// Creates the permitted actions (objectName "action:<id>"); returns how many.
    int bind(const ActionRegistry& registry, const Session& session);
    QAction* action(const QString& id) const { return m_actions.value(id); }
    /// The menu with this title, created if needed.
    QMenu* menu(const QString& title);

private:
    QMenuBar* m_menuBar;
    QMenu* m_anchor;
    ShortcutMap& m_shortcuts;
    QHash<QString, QMenu*> m_menus;
    QHash<QString, QAction*> m_actions;
};

} // namespace iris::shell
