#include "app/desk/src/WindowStateStore.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QMainWindow>
#include <QSettings>
#include <memory>

using namespace Qt::StringLiterals;

namespace iris::shell {

namespace {
// Bump when the set of docks/toolbars changes so an old layout is not forced on a new window.
constexpr int StateVersion = 1;
/// The user's own settings file (~/.config/IRIS Desk/iris-desk.conf): explicit names
/// because the application has no organisation name.
std::unique_ptr<QSettings> userSettings()
{
    return std::make_unique<QSettings>(
        QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::applicationName(), u"iris-desk"_s);
}

} // namespace

bool WindowStateStore::restore(QMainWindow& window) const
{
    const std::unique_ptr<QSettings> owned = userSettings();
    QSettings& settings = *owned;
    settings.beginGroup(m_group);
    const QByteArray geometry = settings.value(u"geometry"_s).toByteArray();
    const QByteArray state = settings.value(u"state"_s).toByteArray();
    settings.endGroup();
    if (geometry.isEmpty())
        return false;
    window.restoreGeometry(geometry);
    if (!state.isEmpty())
        window.restoreState(state, StateVersion);
    fitToScreen(window);
    return true;
}

void WindowStateStore::fitToScreen(QWidget& window)
{
    // A size saved on a larger screen, or grown once by a wide page, must not be forced
    // on every later login: the window stays within the screen's available area.
    const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize frameExtra = window.frameGeometry().size() - window.geometry().size();
    const QSize most = available.size() - frameExtra;
    QRect wanted = window.geometry();
    if (window.isMaximized() || window.isFullScreen())
        return;
    wanted.setSize(wanted.size().boundedTo(most).expandedTo(window.minimumSize().boundedTo(most)));
    if (wanted.right() > available.right())
        wanted.moveRight(available.right());
    if (wanted.bottom() > available.bottom())
        wanted.moveBottom(available.bottom());
    wanted.moveLeft(qMax(wanted.left(), available.left()));
    wanted.moveTop(qMax(wanted.top(), available.top()));
    if (wanted != window.geometry())
        window.setGeometry(wanted);
}

void WindowStateStore::save(const QMainWindow& window) const
{
    const std::unique_ptr<QSettings> owned = userSettings();
    QSettings& settings = *owned;
    settings.beginGroup(m_group);
    settings.setValue(u"geometry"_s, window.saveGeometry());
    settings.setValue(u"state"_s, window.saveState(StateVersion));
    settings.endGroup();
    settings.sync();
}

} // namespace iris::shell
