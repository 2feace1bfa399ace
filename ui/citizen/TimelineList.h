#pragma once

#include "ui/citizen/TimelineEntry.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace iris::ui {

class TimelineModel;

/// A dated list (newest first) used for a citizen's contacts, dossiers and a dossier's
/// events. Shows a French placeholder when empty; Enter or double-click emits
/// entryActivated() for entries that carry a record kind.
///
/// Object names: timelineView, timelinePlaceholder.
class TimelineList final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineList(QWidget* parent = nullptr);

    void setEntries(QList<TimelineEntry> entries);
    void setPlaceholderText(const QString& text);
    /// Shown instead of the list (e.g. the load failed).
    void showMessage(const QString& text);
    TimelineModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    int count() const;

Q_SIGNALS:
    void entryActivated(const iris::ui::TimelineEntry& entry);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updatePlaceholder();
    /// Date and kind whole; the title as wide as it needs while the detail keeps some
    /// room (beyond, the title is elided, whole in its tooltip).
    void fitColumns();

    TimelineModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_placeholder = nullptr;
    QStackedWidget* m_stack = nullptr;
    QString m_placeholderText;
};

} // namespace iris::ui
