#pragma once

#include <QLabel>

namespace iris::ui {

/// A one-line label that ends with "…" when its text is wider than the room it has
/// (status-bar indicators), instead of widening its window or being cut mid-word; the
/// whole text shows on hover and text() returns it whole.
class ElidingLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidingLabel(QWidget* parent = nullptr);

    /// The text as drawn at the current width.
    QString displayedText() const;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
};

} // namespace iris::ui
