#include "app/desk/src/ShellStatusBar.h"

#include <QPainter>
#include <QSizeGrip>
#include <QStyle>
#include <QStyleOption>

namespace iris::shell {

ShellStatusBar::ShellStatusBar(QWidget* parent)
    : QStatusBar(parent)
{
    // The whole message on hover, however it was cut.
    connect(this, &QStatusBar::messageChanged, this, &QWidget::setToolTip);
}

QRect ShellStatusBar::messageArea() const
{
    // While a message shows, the visible children are the permanent indicators (and the
    // size grip): the message ends before the leftmost one, as QStatusBar draws it.
    int right = width() - 12;
    for (const QObject* child : children()) {
        const auto* w = qobject_cast<const QWidget*>(child);
        if (w && w->isVisible() && !w->isWindow())
            right = qMin(right, w->x() - 2);
    }
    const int left = 6;
    return QRect(left, 0, qMax(0, right - left), height());
}

QString ShellStatusBar::displayedMessage() const
{
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageArea().width());
}

void ShellStatusBar::paintEvent(QPaintEvent* event)
{
    if (currentMessage().isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    // QStatusBar::paintEvent, with the message elided.
    QPainter p(this);
    QStyleOption opt;
    opt.initFrom(this);
    for (const QObject* child : children()) {
        const auto* w = qobject_cast<const QWidget*>(child);
        if (!w || !w->isVisible() || w->isWindow() || qobject_cast<const QSizeGrip*>(w))
            continue;
        opt.rect = w->geometry();
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &opt, &p, w);
    }
    p.setPen(palette().windowText().color());
    p.drawText(messageArea(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, displayedMessage());
}

} // namespace iris::shell
