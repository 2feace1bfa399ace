#pragma once

#include <QStatusBar>

namespace iris::shell {

/// The main window's status bar. A message too long for the room left of the permanent
/// indicators (agent, database, knowledge-base sync) ends with "…" instead of being cut
/// mid-word against the agent's name; the whole text is its tool tip, and
/// currentMessage() still returns it whole.
class ShellStatusBar final : public QStatusBar
{
    Q_OBJECT
public:
    explicit ShellStatusBar(QWidget* parent = nullptr);

    /// Where the message is drawn: from the left edge to the first permanent indicator.
    QRect messageArea() const;
    /// The message as drawn (elided to messageArea()).
    QString displayedMessage() const;

protected:
    void paintEvent(QPaintEvent* event) override;
};

} // namespace iris::shell
