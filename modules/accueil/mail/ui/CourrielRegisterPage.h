#pragma once

#include "modules/accueil/mail/Courriel.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace iris::ui {
class DebouncedLineEdit;
}

namespace iris::accueil {

class AccueilController;
class CourrielListModel;
class CourrielPreview;
class CourrielReplyWindow;

/// "Courriels": the register of e-mails received from citizens. The list (overdue ones in
/// red) with a status filter and a text filter, the preview of the selected courriel, and
/// what an agent does with it: reply (Ctrl+R), link the sender to a citizen (Ctrl+Alt+L),
/// open the citizen's page (Ctrl+O), assign to an agent or a service (Ctrl+Alt+A), file it
/// (Ctrl+Alt+C); Ctrl+F goes to the filter. Live: reloads when another
/// desk or the Maildir watcher commits.
///
/// Object names: courrielRegister, registerStatus, registerFilter, registerCount,
/// registerList, registerReply, registerLinkCitizen, registerOpenCitizen, registerAssign,
/// registerFile.
class CourrielRegisterPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CourrielRegisterPage(AccueilController& controller, QWidget* parent = nullptr);

    void reload();
    /// Shows and selects a courriel (from the "À traiter" list); widens the filter if needed.
    void select(qint64 courrielId);
    /// Opens the reply window of the selected courriel (one window per courriel).
    CourrielReplyWindow* reply();
    void linkCitizen();
    void openCitizen();
    void assign();
    void fileSelected();

    qint64 currentId() const;
    CourrielListModel* model() const { return m_model; }

private:
    void showCurrent();
    void updateActions();
    bool fetchCurrent(Courriel* out);

    AccueilController& m_controller;
    CourrielListModel* m_model;
    QComboBox* m_status;
    ui::DebouncedLineEdit* m_filter;
    QLabel* m_count;
    QTableView* m_view;
    CourrielPreview* m_preview;
    QPushButton* m_reply;
    QPushButton* m_link;
    QPushButton* m_openCitizen;
    QPushButton* m_assign;
    QPushButton* m_file;
    QList<QPointer<CourrielReplyWindow>> m_replies;
    qint64 m_shownId = 0;
    int m_shownVersion = 0;
};

} // namespace iris::accueil
