#include "ui/widgets/DesktopFiles.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QUrl>
#include <optional>

namespace iris::ui {

namespace {
std::optional<QString>& nextChoice()
{
    static std::optional<QString> choice;
    return choice;
}
std::function<void(const QString&)>& opener()
{
    static std::function<void(const QString&)> f;
    return f;
}
} // namespace

QString DesktopFiles::chooseFile(QWidget* parent, const QString& caption, const QString& filter)
{
    if (nextChoice()) {
        const QString path = *nextChoice();
        nextChoice().reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, caption, QDir::homePath(), filter);
}

bool DesktopFiles::open(const QString& path)
{
    if (opener()) {
        opener()(path);
        return true;
    }
    return QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

void DesktopFiles::setNextChoice(const QString& path)
{
    nextChoice() = path;
}

void DesktopFiles::setOpener(std::function<void(const QString& path)> f)
{
    opener() = std::move(f);
}

} // namespace iris::ui
