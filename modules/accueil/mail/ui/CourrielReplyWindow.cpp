#include "modules/accueil/mail/ui/CourrielReplyWindow.h"

#include "core/modules/KnowledgeBaseAccess.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/ReplyComposer.h"
#include "modules/accueil/mail/ReplyTemplateStore.h"
#include "modules/accueil/mail/SmtpSettingsStore.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"
#include "ui/widgets/MessageBox.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QShortcut>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CourrielReplyWindow::CourrielReplyWindow(
    AccueilController& controller, const Courriel& courriel, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_controller(controller)
    , m_courriel(courriel)
    , m_to(new QLineEdit(this))
    , m_template(new QComboBox(this))
    , m_service(new ServiceChooser(u"reply"_s, this))
    , m_subject(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_kbQuery(new QLineEdit(this))
    , m_kbSearch(new QPushButton(tr("Chercher dans la base"), this))
    , m_kbInsert(new QPushButton(tr("Insérer l'article ouvert"), this))
    , m_warning(new QLabel(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("Envoyer (Ctrl+Entrée)"), this))
    , m_cancel(new QPushButton(tr("Fermer"), this))
{
    setObjectName(u"courrielReply"_s);
    setWindowTitle(
        tr("Réponse — %1").arg(courriel.subject.isEmpty() ? tr("(sans objet)") : courriel.subject));
    m_to->setObjectName(u"replyTo"_s);
    m_template->setObjectName(u"replyTemplate"_s);
    m_subject->setObjectName(u"replySubject"_s);
    m_body->setObjectName(u"replyBody"_s);
    m_kbQuery->setObjectName(u"replyKbQuery"_s);
    m_kbQuery->setPlaceholderText(tr("Rechercher un article de la base de connaissances…"));
    m_kbSearch->setObjectName(u"replyKbSearch"_s);
    m_kbInsert->setObjectName(u"replyKbInsert"_s);
    m_warning->setObjectName(u"replyWarning"_s);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(u"color: #9a5b00;"_s);
    m_error->setObjectName(u"replyError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020; font-weight: bold;"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send->setObjectName(u"replySend"_s);
    m_send->setDefault(false);
    m_cancel->setObjectName(u"replyCancel"_s);
    m_to->setText(courriel.fromAddress);

    auto* form = new QFormLayout;
    form->addRow(tr("À :"), m_to);
    form->addRow(tr("Modèle :"), m_template);
    form->addRow(tr("Service cité :"), m_service);
    form->addRow(tr("Objet :"), m_subject);
    auto* kb = new QHBoxLayout;
    kb->addWidget(m_kbQuery, 1);
    kb->addWidget(m_kbSearch);
    kb->addWidget(m_kbInsert);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addLayout(kb);
    layout->addWidget(m_warning);
    layout->addLayout(buttons);
    resize(760, 640);

    const bool hasKb = m_controller.knowledgeBase() != nullptr;
    m_kbQuery->setEnabled(hasKb);
    m_kbSearch->setEnabled(hasKb);
    m_kbInsert->setEnabled(hasKb);
    if (KnowledgeBaseAccess* access = m_controller.knowledgeBase())
        access->setReplyTarget(this, [this](const QString& text) { insertText(text); });

    auto* sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WindowShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &CourrielReplyWindow::send);
    auto* sendShortcutKeypad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    sendShortcutKeypad->setContext(Qt::WindowShortcut);
    connect(sendShortcutKeypad, &QShortcut::activated, this, &CourrielReplyWindow::send);

    connect(m_send, &QPushButton::clicked, this, &CourrielReplyWindow::send);
    connect(m_cancel, &QPushButton::clicked, this, &QWidget::close);
    connect(m_template, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_loading)
            applyTemplate(index);
    });
    connect(m_service, &ServiceChooser::serviceChanged, this, [this] {
        if (!m_edited && m_template->currentIndex() > 0)
            applyTemplate(m_template->currentIndex());
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_applying)
            m_edited = true;
        updateWarning();
    });
    connect(m_subject, &QLineEdit::textChanged, this, &CourrielReplyWindow::updateWarning);
    connect(m_kbSearch, &QPushButton::clicked, this, &CourrielReplyWindow::searchKnowledgeBase);
    connect(m_kbQuery, &QLineEdit::returnPressed, this, &CourrielReplyWindow::searchKnowledgeBase);
    connect(m_kbInsert, &QPushButton::clicked, this, &CourrielReplyWindow::insertCurrentArticle);
    connect(&m_watcher, &QFutureWatcher<Result<SentMail>>::finished, this, &CourrielReplyWindow::onSent);

    loadChoices();
    // A reply starts as the reply to its subject, the citizen's message quoted below; the
    // agent picks a template or types above it.
    m_subject->setText(tr("Re: %1").arg(ReplyComposer::baseSubject(courriel.subject)));
    m_applying = true;
    m_body->setPlainText(ReplyComposer::withQuote(QString(), courriel));
    m_applying = false;
    m_body->moveCursor(QTextCursor::Start);
    m_template->setFocus();
}

CourrielReplyWindow::~CourrielReplyWindow()
{
    m_watcher.waitForFinished();
}

void CourrielReplyWindow::loadChoices()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    m_template->clear();
    m_template->addItem(tr("— Choisir un modèle —"), qint64(0));
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<QList<ReplyTemplate>> templates = ReplyTemplateStore(*s).list();
    if (templates) {
        m_templates = *templates;
        for (const ReplyTemplate& t : m_templates)
            m_template->addItem(t.label, t.id);
    } else {
        showError(templates.error().toString());
    }
    const Result<QList<MunicipalService>> services = s->directory().list();
    if (services)
        m_service->setServices(*services);
    if (m_courriel.assignedServiceId > 0)
        m_service->setCurrentService(m_courriel.assignedServiceId);
    const Result<SmtpSettingsStore::Values> settings = SmtpSettingsStore(*s).loadForEditing();
    m_signature = settings ? settings->signature : SmtpSettingsStore::defaultSignature();
}

void CourrielReplyWindow::applyTemplate(int index)
{
    if (index <= 0 || index > m_templates.size())
        return;
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    if (m_edited
        && ui::MessageBox::question(this, tr("Modèle de réponse"),
               tr("Remplacer le texte déjà saisi par celui du modèle « %1 » ?")
                   .arg(m_templates.at(index - 1).label))
            != QMessageBox::Yes)
        return;
    const Result<ReplyContext> context
        = ReplyComposer::contextFor(*s, m_courriel, m_service->currentServiceId(), m_signature);
    if (!context) {
        showError(context.error().toString());
        return;
    }
    const ComposedReply reply = ReplyComposer::compose(m_templates.at(index - 1), *context);
    m_applying = true;
    m_subject->setText(reply.subject);
    m_body->setPlainText(ReplyComposer::withQuote(reply.body, m_courriel));
    m_applying = false;
    m_edited = false;
    // The cursor goes where the agent writes: the first empty paragraph, else the top.
    QTextCursor cursor = m_body->textCursor();
    const qsizetype gap = reply.body.indexOf(u"\n\n\n\n"_s);
    cursor.setPosition(gap >= 0 ? int(gap + 2) : 0);
    m_body->setTextCursor(cursor);
    m_body->setFocus();
}

void CourrielReplyWindow::insertText(const QString& text)
{
    if (m_sending || text.isEmpty())
        return;
    QTextCursor cursor = m_body->textCursor();
    cursor.insertText(text);
    m_body->setTextCursor(cursor);
    m_body->setFocus();
}

void CourrielReplyWindow::insertCurrentArticle()
{
    KnowledgeBaseAccess* kb = m_controller.knowledgeBase();
    if (!kb)
        return;
    const std::optional<KbArticleRef> article = kb->currentArticle();
    if (!article) {
        m_warning->setText(tr("Ouvrez d'abord un article dans le panneau de la base de connaissances."));
        kb->showPanel(m_kbQuery->text().trimmed());
        return;
    }
    insertText(ReplyComposer::articleBlock(*kb, article->id) + u"\n"_s);
}

void CourrielReplyWindow::searchKnowledgeBase()
{
    if (KnowledgeBaseAccess* kb = m_controller.knowledgeBase())
        kb->showPanel(m_kbQuery->text().trimmed().isEmpty() ? ReplyComposer::baseSubject(m_courriel.subject)
                                                            : m_kbQuery->text().trimmed());
}

void CourrielReplyWindow::updateWarning()
{
    const QStringList unknown
        = ReplyComposer::unknownPlaceholders(m_subject->text() + u'\n' + m_body->toPlainText());
    QStringList shown;
    for (const QString& u : unknown)
        shown << u"{%1}"_s.arg(u);
    m_warning->setText(
        shown.isEmpty() ? QString() : tr("À compléter avant l'envoi : %1").arg(shown.join(u", "_s)));
}

void CourrielReplyWindow::setBusy(bool busy)
{
    m_sending = busy;
    for (QWidget* w : QList<QWidget*> {
             m_to, m_template, m_service, m_subject, m_kbQuery, m_kbSearch, m_kbInsert, m_send, m_cancel })
        w->setEnabled(!busy);
    m_body->setReadOnly(busy);
    if (!busy && !m_controller.knowledgeBase()) {
        m_kbQuery->setEnabled(false);
        m_kbSearch->setEnabled(false);
        m_kbInsert->setEnabled(false);
    }
    m_send->setText(busy ? tr("Envoi en cours…") : tr("Envoyer (Ctrl+Entrée)"));
}

void CourrielReplyWindow::showError(const QString& text)
{
    m_error->setText(text);
}

void CourrielReplyWindow::send()
{
    if (m_sending || !m_send->isEnabled())
        return;
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    m_error->clear();
    updateWarning();
    if (!m_warning->text().isEmpty()
        && ui::MessageBox::question(
               this, tr("Envoyer la réponse"), tr("%1\nEnvoyer quand même ?").arg(m_warning->text()))
            != QMessageBox::Yes)
        return;
    const Result<SmtpSettingsStore::Values> settings = SmtpSettingsStore(*s).load();
    if (!settings) {
        showError(settings.error().toString());
        return;
    }
    // Answered or filed meanwhile (by a colleague, on another workstation): the citizen
    // must not get a second answer. Checked just before sending.
    const Result<Courriel> fresh = CourrielService(*s).get(m_courriel.id);
    if (!fresh) {
        showError(fresh.error().toString());
        return;
    }
    if (!fresh->isOpen()) {
        showError(tr("Ce courriel est déjà « %1 » : la réponse n'a pas été envoyée. Le brouillon est conservé.")
                      .arg(courrielStatusLabel(fresh->status)));
        return;
    }
    m_courriel.version = fresh->version;
    m_outgoing = OutgoingMail {};
    m_outgoing.toAddress = m_to->text().trimmed();
    if (m_outgoing.toAddress.compare(m_courriel.fromAddress, Qt::CaseInsensitive) == 0)
        m_outgoing.toName = m_courriel.fromName;
    m_outgoing.subject = m_subject->text();
    m_outgoing.body = m_body->toPlainText();
    m_outgoing.inReplyTo = ReplyComposer::threadMessageId(m_courriel.messageId);
    setBusy(true);
    m_controller.showStatus(tr("Envoi de la réponse à %1…").arg(m_outgoing.toAddress));
    // Poco blocks on the network: never on the GUI thread.
    const SmtpSender sender(settings->smtp);
    const OutgoingMail mail = m_outgoing;
    m_watcher.setFuture(QtConcurrent::run([sender, mail] { return sender.send(mail); }));
}

Result<Courriel> CourrielReplyWindow::record(const SentMail& sent)
{
    CoreServices* s = m_controller.services();
    if (!s)
        return Error(ErrorCode::PermissionDenied, tr("La session a été fermée."));
    CourrielReply reply;
    reply.toAddress = m_outgoing.toAddress;
    reply.subject = m_outgoing.subject;
    reply.body = m_outgoing.body;
    reply.sentMessageId = sent.messageId;
    reply.sentAt = sent.sentAt;
    const int index = m_template->currentIndex();
    if (index > 0 && m_templates.at(index - 1).code == u"orientation"_s)
        reply.orientedServiceId = m_service->currentServiceId();
    CourrielService courriels(*s);
    Result<Courriel> recorded = courriels.recordReply(m_courriel.id, m_courriel.version, reply);
    if (!recorded && recorded.error().code() == ErrorCode::Conflict) {
        // Assigned or linked meanwhile by someone else: the mail is gone, record it anyway.
        const Result<Courriel> fresh = courriels.get(m_courriel.id);
        if (fresh)
            recorded = courriels.recordReply(fresh->id, fresh->version, reply);
    }
    return recorded;
}

void CourrielReplyWindow::onSent()
{
    const Result<SentMail> sent = m_watcher.result();
    setBusy(false);
    if (!sent) {
        // The draft stays exactly as typed.
        showError(sent.error().toString());
        m_controller.showStatus(tr("La réponse n'a pas été envoyée."));
        return;
    }
    const Result<Courriel> recorded = record(*sent);
    if (!recorded) {
        showError(tr("La réponse a été envoyée (Message-ID %1) mais n'a pas pu être enregistrée : %2")
                      .arg(sent->messageId, recorded.error().toString()));
        m_send->setEnabled(false); // never send it twice
        return;
    }
    m_courriel = *recorded;
    m_edited = false; // sent: nothing left to lose
    if (m_courriel.citizenId > 0)
        m_controller.notifyContactLogged(m_courriel.citizenId);
    m_controller.showStatus(tr("Réponse envoyée à %1.").arg(m_outgoing.toAddress));
    Q_EMIT replied(m_courriel.id);
    close();
}

void CourrielReplyWindow::closeEvent(QCloseEvent* event)
{
    if (m_sending) {
        m_controller.showStatus(tr("Envoi en cours : attendez la réponse du serveur."));
        event->ignore();
        return;
    }
    // Fermer, Échap, the title bar or a logout: typed text is not thrown away unasked.
    if (m_edited && m_send->isEnabled()
        && ui::MessageBox::question(this, tr("Fermer la réponse"),
               tr("Fermer sans envoyer ? Le texte saisi pour « %1 » sera perdu.")
                   .arg(m_courriel.subject.isEmpty() ? tr("(sans objet)") : m_courriel.subject))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    QWidget::closeEvent(event);
}

} // namespace iris::accueil
