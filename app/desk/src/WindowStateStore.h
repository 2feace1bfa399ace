#pragma once

#include <QString>

class QMainWindow;

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

    /// Restores; returns false when nothing was saved yet (first run).
    bool restore(QMainWindow& window) const;
    void save(const QMainWindow& window) const;

private:
    QString m_group;
};

} // namespace iris::shell
