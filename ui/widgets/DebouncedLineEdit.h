#pragma once

#include <QLineEdit>
#include <QTimer>

namespace iris::ui {

/// A search field that emits queryChanged() once typing pauses (as-you-type search
/// without flooding the worker with every keystroke).
class DebouncedLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit DebouncedLineEdit(QWidget* parent = nullptr, int delayMs = 120);
    void setDelay(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    void queryChanged(const QString& text);

private:
    QTimer m_timer;
};

} // namespace iris::ui
