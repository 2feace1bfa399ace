#pragma once

#include "core/base/Result.h"
#include "modules/accueil/mail/Courriel.h"
#include "modules/accueil/mail/ReplyTemplate.h"
#include "modules/accueil/mail/SmtpSender.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace iris::accueil {

class AccueilController;
class ServiceChooser;

/// Composes and sends the reply to a courriel: a template filled from the courriel, the
/// citizen, the agent and a service of the directory; articles of the knowledge base
/// (search in the KB panel, "Insérer l'article ouvert", or the panel's own "Insérer dans la
/// réponse"); an editable body. Ctrl+Entrée sends through the site's SMTP server on a
/// worker thread — the window stays responsive and cannot be closed meanwhile — then
/// records the reply (status "répondu", outgoing contact on the citizen). On an SMTP
/// error the draft stays as typed and the French error is shown.
///
/// Object names: courrielReply (window), replyTo, replyTemplate, replyService,
/// replySubject, replyBody, replyKbQuery, replyKbSearch, replyKbInsert, replyWarning,
/// replyError, replySend, replyCancel.
class CourrielReplyWindow final : public QWidget
{
    Q_OBJECT
public:
    CourrielReplyWindow(AccueilController& controller, const Courriel& courriel, QWidget* parent = nullptr);
    ~CourrielReplyWindow() override;

    qint64 courrielId() const { return m_courriel.id; }
    bool isSending() const { return m_sending; }
    /// Fills subject and body from the template at this index of the chooser.
    void applyTemplate(int index);
    void send();

Q_SIGNALS:
    /// The reply was sent and recorded.
    void replied(qint64 courrielId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void loadChoices();
    void insertText(const QString& text);
    void insertCurrentArticle();
    void searchKnowledgeBase();
    void updateWarning();
    void setBusy(bool busy);
    void onSent();
    Result<Courriel> record(const SentMail& sent);
    void showError(const QString& text);

    AccueilController& m_controller;
    Courriel m_courriel;
    QList<ReplyTemplate> m_templates;
    QString m_signature;
    bool m_sending = false;
    bool m_applying = false;
    bool m_loading = false;
    bool m_edited = false;
    OutgoingMail m_outgoing;
    QFutureWatcher<Result<SentMail>> m_watcher;

    QLineEdit* m_to;
    QComboBox* m_template;
    ServiceChooser* m_service;
    QLineEdit* m_subject;
    QPlainTextEdit* m_body;
    QLineEdit* m_kbQuery;
    QPushButton* m_kbSearch;
    QPushButton* m_kbInsert;
    QLabel* m_warning;
    QLabel* m_error;
    QPushButton* m_send;
    QPushButton* m_cancel;
};

} // namespace iris::accueil
