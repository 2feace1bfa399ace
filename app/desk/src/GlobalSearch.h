#pragma once

#include "app/desk/src/GlobalSearchEngine.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace iris::ui {
class DebouncedLineEdit;
}

namespace iris::shell {

class ShellController;

/// The global search (Ctrl+K): a field ("globalSearchField") and, floating over the
/// window under it, the hits grouped by provider ("globalSearchResults"). Up/Down
/// move through hits, Enter opens the current one (the first by default) through
/// IShell::openRecord, Escape closes.
class GlobalSearch final : public QWidget
{
    Q_OBJECT
public:
    /// `overlayHost` is the widget the result list floats over (the main window).
    GlobalSearch(
        GlobalSearchEngine* engine, ShellController& shell, QWidget* overlayHost, QWidget* parent = nullptr);

    /// Focuses the field and selects its text (Ctrl+K).
    void activate();
    QTreeWidget* resultsView() const { return m_results; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showResults(const QString& text, const QList<SearchGroup>& groups);
    void hideResults();
    void placeResults();
    void moveCurrent(int step);
    void openItem(QTreeWidgetItem* item);
    void openCurrent();
    QList<QTreeWidgetItem*> hitItems() const;

    GlobalSearchEngine* m_engine;
    ShellController& m_shell;
    QWidget* m_host;
    ui::DebouncedLineEdit* m_field = nullptr;
    QTreeWidget* m_results = nullptr;
    QString m_shownText; ///< the query whose hits are listed
    bool m_openWhenReady = false; ///< Enter pressed before the results arrived
};

} // namespace iris::shell
