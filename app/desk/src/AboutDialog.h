#pragma once

#include "app/desk/src/ShortcutCollector.h"
#include "core/modules/ModuleSpec.h"

#include <QDialog>

class QTabWidget;

namespace iris::shell {

/// "À propos / Modules" (F1): version and database, every module found with its
/// version and state (and why one did not load), and the keyboard shortcuts.
/// Tabs: "aboutTab", "modulesTab" (table "modulesTable"), "shortcutsTab" (table
/// "shortcutsTable": key, action, where it works).
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Tab { About, Modules, Shortcuts };

    /// `shortcuts`: the rows of the F1 list (ShortcutCollector); `conflicts`: the
    /// shortcuts refused because another owner had them first.
    AboutDialog(const QList<ModuleSpec>& modules, const QList<ShortcutCollector::Row>& shortcuts,
        const QStringList& conflicts, const QString& databaseDescription, QWidget* parent = nullptr);

    void showTab(Tab tab);

private:
    QWidget* createAboutTab(const QString& databaseDescription);
    QWidget* createModulesTab(const QList<ModuleSpec>& modules);
    QWidget* createShortcutsTab(const QList<ShortcutCollector::Row>& shortcuts, const QStringList& conflicts);

    QTabWidget* m_tabs = nullptr;
};

} // namespace iris::shell
