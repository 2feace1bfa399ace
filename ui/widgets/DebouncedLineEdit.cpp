#include "ui/widgets/DebouncedLineEdit.h"

namespace iris::ui {

DebouncedLineEdit::DebouncedLineEdit(QWidget* parent, int delayMs)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(this, &QLineEdit::textChanged, this, [this] { m_timer.start(); });
    connect(&m_timer, &QTimer::timeout, this, [this] { Q_EMIT queryChanged(text()); });
}

} // namespace iris::ui
