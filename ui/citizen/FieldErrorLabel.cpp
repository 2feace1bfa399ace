#include "ui/citizen/FieldErrorLabel.h"

namespace iris::ui {

FieldErrorLabel::FieldErrorLabel(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("color: #b00020;"));
    setVisible(false);
}

void FieldErrorLabel::setMessage(const QString& message)
{
    setText(message);
    setAccessibleDescription(message);
    setVisible(!message.isEmpty());
}

} // namespace iris::ui
