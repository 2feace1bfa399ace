#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace iris::ui {
class DebouncedLineEdit;
}

namespace iris::accueil {

class AccueilController;
class PostRegisterModel;
struct PostLetter;

/// The "Courrier" page. At the counter that keeps the register (accueil.post): the
/// letters it registered (by the agent, by their service, received today), those still to
/// dispatch, and those assigned to the agent or their service; for a service's agent
/// (accueil.post.handle): the letters assigned to them or their service; for a supervisor,
/// every service's. Filtered by status and searched by number, sender or subject; overdue
/// letters stand out. Actions on the selected letter, for whoever handles it (the
/// assignee, a supervisor): acknowledgement of receipt (PDF stored and opened), scan,
/// assignment, reply, filing; its documents re-open from the list below.
///
/// Object names: postPage, postSearch, postStatusFilter, postScope, postCount, postTable,
/// postDetail, postDocuments, postRegister, postAcknowledge, postAttachScan, postAssign,
/// postReply, postFile.
class PostPage final : public QWidget
{
    Q_OBJECT
public:
    explicit PostPage(AccueilController& controller, QWidget* parent = nullptr);
    ~PostPage() override;

    void reload();
    /// Shows a letter (all statuses, searched by its number) and selects it.
    void showLetter(qint64 letterId);
    qint64 currentLetterId() const;

    void registerLetter();
    void acknowledge();
    void attachScan();
    void assign();
    void reply();
    void fileLetter();
    void openDocument(qint64 documentId);

private:
    const PostLetter* current() const;
    void fillScopes();
    void showCurrent();
    void select(qint64 letterId);
    bool checkedOpen(const PostLetter* letter);

    AccueilController& m_controller;
    ui::DebouncedLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_scope;
    QLabel* m_count;
    QTableView* m_table;
    PostRegisterModel* m_model;
    QLabel* m_detail;
    QListWidget* m_documents;
    QList<QPushButton*> m_letterButtons; ///< the actions on the selected letter
};

} // namespace iris::accueil
