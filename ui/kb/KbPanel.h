#pragma once

#include "knowledgebase/KbArticle.h"
#include "knowledgebase/KbSearcher.h"

#include <QDate>
#include <QThread>
#include <QWidget>
#include <functional>
#include <optional>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;

namespace iris::ui {

class DebouncedLineEdit;
class KbArticleView;
class KbSearchWorker;

/// The knowledge-base panel ("kbPanel"): as-you-type search run off the GUI thread
/// (debounced, stale queries dropped), results with highlighted snippets, the article
/// viewer with its dates and owner service, "Copier la réponse", "Insérer dans la
/// réponse" (when a module offered a reply editor), "Pas trouvé" feedback and the
/// gaps report exported as CSV for editors.
class KbPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit KbPanel(const QString& kbPath, QWidget* parent = nullptr);
    ~KbPanel() override;

    /// Loads the demo content, off the GUI thread, when the knowledge base is empty.
    void seedDemoContentIfEmpty();
    /// Puts `text` in the search field and searches at once.
    void search(const QString& text);
    void focusSearch();
    /// The article shown in the viewer, if any.
    std::optional<iris::kb::KbArticle> currentArticle() const;
    /// Enables "Insérer dans la réponse"; an empty function disables it.
    void setInsertHandler(std::function<void(const QString& text)> insert);
    /// "Today" for review flags (tests).
    void setToday(const QDate& today) { m_today = today; }

    /// Test hook (as KeePassXC's MessageBox::setNextAnswer): the next gaps export
    /// writes here instead of asking for a file name.
    static void setNextGapsPath(const QString& path);

    static constexpr int ResultLimit = 20;
    static constexpr int DebounceMs = 120;

Q_SIGNALS:
    void resultsShown(int count);
    void articleShown(const QString& uid);
    void feedbackRecorded();
    void gapsExported(const QString& path);

private:
    void onQueryChanged(const QString& text);
    void onSearched(quint64 serial, const iris::kb::KbSearchResult& result);
    void onSearchFailed(quint64 serial, const QString& message);
    void onArticleLoaded(const iris::kb::KbArticle& article);
    void openItem(QListWidgetItem* item);
    void requestArticle(const QString& uid);
    /// Empties the viewer and turns off what acts on the shown article (a load still
    /// requested may fill it again).
    void clearArticle();
    void copyAnswer();
    void insertAnswer();
    void markNotFound();
    void exportGaps();
    void setStatus(const QString& text);

    QThread m_thread;
    KbSearchWorker* m_worker = nullptr;
    quint64 m_serial = 0;
    QString m_lastQuery;
    QString m_lastNormalized;
    QDate m_today = QDate::currentDate();
    std::optional<iris::kb::KbArticle> m_article;
    QString m_requestedUid; ///< the article the viewer waits for; older loads are dropped
    std::function<void(const QString&)> m_insert;

    DebouncedLineEdit* m_field = nullptr;
    QListWidget* m_results = nullptr;
    KbArticleView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_insertButton = nullptr;
    QPushButton* m_notFound = nullptr;
    QPushButton* m_gaps = nullptr;
};

} // namespace iris::ui
