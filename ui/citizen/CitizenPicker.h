#pragma once

#include "ui/citizen/CitizenSearchRunner.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace iris::ui {

class CitizenSearchModel;
class DebouncedLineEdit;

/// Search-as-you-type citizen chooser: a debounced field, a result table and a status
/// line. Keyboard first: type, Down moves into the results, Enter opens the current
/// row (or the only match), Up on the first row goes back to the field, typing in the
/// table keeps refining the query.
///
/// Object names: citizenSearchField, citizenResults, citizenSearchStatus.
class CitizenPicker final : public QWidget
{
    Q_OBJECT
public:
    explicit CitizenPicker(QWidget* parent = nullptr);
    ~CitizenPicker() override;

    /// Called on a worker thread (see CitizenSearchRunner).
    void setSearchFunction(CitizenSearchRunner::SearchFunction function);
    void setPlaceholderText(const QString& text);
    void setLimit(int limit);
    void setDebounce(int ms);
    /// Shorter queries are not sent (a hint is shown instead). Default 2.
    void setMinimumQueryLength(int length) { m_minLength = length; }
    /// Citizen ids never offered (e.g. the record being merged into).
    void setExcludedIds(const QList<qint64>& ids) { m_excluded = ids; }

    QString query() const;
    void setQuery(const QString& text);
    /// Runs the current query again now (after a record was saved or merged).
    void refresh();
    qint64 currentCitizenId() const;
    const CitizenSummary* currentCitizen() const;
    CitizenSearchModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void focusSearch();

Q_SIGNALS:
    /// Enter or double-click on a result.
    void citizenActivated(qint64 citizenId);
    void currentCitizenChanged(qint64 citizenId);
    /// A search finished and its rows are shown.
    void resultsShown(int count);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runQuery(const QString& text);
    void showResults(const QString& query, const QList<CitizenSummary>& results);
    void showFailure(const QString& query, const Error& error);
    void activateCurrent();
    /// Column widths that show every header whole and, as far as the width allows, every
    /// value; past that, names, e-mails and towns give way (elided, whole in the tooltip),
    /// never dates or phone numbers.
    void fitColumns();

    DebouncedLineEdit* m_field = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_status = nullptr;
    CitizenSearchModel* m_model = nullptr;
    CitizenSearchRunner* m_runner = nullptr;
    QList<qint64> m_excluded;
    int m_minLength = 2;
};

} // namespace iris::ui
