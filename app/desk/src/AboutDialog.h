#pragma once

#include "app/desk/src/ShortcutMap.h"
#include "core/modules/ModuleSpec.h"

#include <QDialog>

class QTabWidget;

namespace iris::shell {

/// "À propos / Modules" (F1): version and database, every module found with its
/// version and state (and why one did not load), and the keyboard shortcuts.
/// Tabs: "aboutTab", "modulesTab" (table "modulesTable"), "shortcutsTab" (table "shortcutsTable").
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Tab { About, Modules, Shortcuts };

    AboutDialog(const QList<ModuleSpec>& modules, const ShortcutMap& shortcuts,
        const QString& databaseDescription, QWidget* parent = nullptr);

    void showTab(Tab tab);

private:
    QWidget* createAboutTab(const QString& databaseDescription);
    QWidget* createModulesTab(const QList<ModuleSpec>& modules);
    QWidget* createShortcutsTab(const ShortcutMap& shortcuts);

    QTabWidget* m_tabs = nullptr;
};

} // namespace iris::shell
