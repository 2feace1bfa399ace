#pragma once

#include "core/modules/Registries.h"

#include <QDialog>

class QListWidget;
class QStackedWidget;

namespace iris {
class Session;
}

namespace iris::shell {

/// "Paramètres" ("settingsDialog"): the settings pages the modules contributed
/// (SettingsPageRegistry) that the agent's role may open, listed on the left by title,
/// each created on first display and kept until the dialog closes. Each page saves its
/// own changes through the core services, which check the permission again.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const SettingsPageRegistry& registry, const Session& session, QWidget* parent = nullptr);

    /// The pages this session may open, by title.
    static QList<SettingsPageSpec> visiblePages(const SettingsPageRegistry& registry, const Session& session);

    /// Shows the page with this id; false when it is not listed.
    bool showPage(const QString& id);
    QString currentPageId() const;

private:
    void showRow(int row);

    QList<SettingsPageSpec> m_specs;
    QList<QWidget*> m_created;
    QListWidget* m_list = nullptr;
    QStackedWidget* m_stack = nullptr;
};

} // namespace iris::shell
