#pragma once

#include <QString>

class QMainWindow;
class QWidget;

namespace iris::shell {

/// Remembers the main window's geometry and dock/toolbar layout between runs
/// (QSettings, per user; the settings file is the user's, not the site's).
class WindowStateStore final
{
public:
    explicit WindowStateStore(QString group = QStringLiteral("mainWindow"))
        : m_group(std::move(group))
    {
    }

    /// Restores, within the screen's available area; returns false when nothing was
    /// saved yet (first run).
    bool restore(QMainWindow& window) const;
    /// Shrinks and moves `window` into its screen's available area if it overflows.
    static void fitToScreen(QWidget& window);
    void save(const QMainWindow& window) const;

private:
    QString m_group;
};

} // namespace iris::shell
