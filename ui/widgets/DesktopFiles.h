#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

class QWidget;

namespace iris::ui {

/// Choosing a file and opening one in the desktop's viewer, behind a small wrapper so
/// GUI tests run headless (as MessageBox): with a test hook set, no file dialog is shown
/// and no external viewer is started.
class DesktopFiles final
{
    Q_DECLARE_TR_FUNCTIONS(iris::ui::DesktopFiles)
public:
    DesktopFiles() = delete;

    /// A file chosen by the agent; empty when cancelled. `filter` as QFileDialog's
    /// ("Documents PDF (*.pdf)").
    static QString chooseFile(QWidget* parent, const QString& caption, const QString& filter);
    /// Opens a file with the desktop's default application; false when it could not start.
    static bool open(const QString& path);

    /// Test hook: the next chooseFile() answers `path` ("" = cancelled) without a dialog.
    static void setNextChoice(const QString& path);
    /// Test hook: open() calls `opener` instead of the desktop (an empty function restores it).
    static void setOpener(std::function<void(const QString& path)> opener);
};

} // namespace iris::ui
