#pragma once

#include <QLabel>

namespace iris::ui {

/// The French message shown right under an invalid input; hidden when empty.
class FieldErrorLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit FieldErrorLabel(QWidget* parent = nullptr);

    void setMessage(const QString& message);
    QString message() const { return text(); }
    bool hasMessage() const { return !text().isEmpty(); }
};

} // namespace iris::ui
