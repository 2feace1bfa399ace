#include "modules/accueil/post/ui/ReplyLetterDialog.h"

#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostLetterWriter.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/ui/PostDesktop.h"
#include "modules/accueil/post/ui/PostPrinting.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace iris::accueil {

ReplyLetterDialog::ReplyLetterDialog(AccueilController& controller, const PostLetter& letter, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_letter(letter)
    , m_date(new QDateEdit(this))
    , m_mode(new QComboBox(this))
    , m_summary(new QPlainTextEdit(this))
    , m_objet(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_signature(new QLineEdit(this))
    , m_file(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"postReplyDialog"_s);
    setWindowTitle(tr("Réponse au courrier %1").arg(letter.reference));
    m_date->setObjectName(u"postReplyDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_date->setDateRange(letter.receivedOn, QDate::currentDate());
    m_date->setDate(QDate::currentDate());
    m_mode->setObjectName(u"postReplyMode"_s);
    for (ReplyMode m : PostVocabulary::replyModes())
        m_mode->addItem(PostVocabulary::replyModeLabel(m), PostVocabulary::replyModeId(m));
    m_summary->setObjectName(u"postReplySummary"_s);
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(70);
    m_objet->setObjectName(u"postReplyObjet"_s);
    m_objet->setText(tr("Votre courrier du %1").arg(letter.receivedOn.toString(u"dd/MM/yyyy"_s)));
    m_body->setObjectName(u"postReplyBody"_s);
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("Texte de la lettre (une ligne vide entre deux paragraphes). "
                                  "Laissez vide pour ne pas écrire de lettre."));
    m_signature->setObjectName(u"postReplySignature"_s);
    m_file->setObjectName(u"postReplyFile"_s);
    m_error->setObjectName(u"postReplyError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a00000;"_s);

    auto* form = new QFormLayout;
    form->addRow(new QLabel(
        tr("<b>%1</b> — %2 — %3")
            .arg(letter.reference, letter.senderName.toHtmlEscaped(), letter.subject.toHtmlEscaped()),
        this));
    form->addRow(tr("&Date :"), m_date);
    form->addRow(tr("&Mode :"), m_mode);
    form->addRow(tr("&Résumé :"), m_summary);
    auto* letterBox = new QGroupBox(tr("Lettre de réponse"), this);
    auto* letterForm = new QFormLayout(letterBox);
    letterForm->addRow(tr("&Objet :"), m_objet);
    letterForm->addRow(tr("&Corps :"), m_body);
    letterForm->addRow(tr("Si&gnature :"), m_signature);
    auto* attachButton = new QPushButton(tr("Ou joindre une lettre PDF…"), letterBox);
    attachButton->setObjectName(u"postReplyAttach"_s);
    auto* attachRow = new QHBoxLayout;
    attachRow->addWidget(attachButton);
    attachRow->addWidget(m_file, 1);
    letterForm->addRow(attachRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* save
        = buttons->addButton(tr("Enregistrer la réponse (Ctrl+Entrée)"), QDialogButtonBox::AcceptRole);
    save->setObjectName(u"postReplySave"_s);
    save->setAutoDefault(false);
    connect(save, &QPushButton::clicked, this, &ReplyLetterDialog::save);
    connect(attachButton, &QPushButton::clicked, this, &ReplyLetterDialog::attach);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence& key :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) })
        connect(new QShortcut(key, this), &QShortcut::activated, this, &ReplyLetterDialog::save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(letterBox);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_summary->setFocus();
}

void ReplyLetterDialog::attach()
{
    const QString path = PostDesktop::choosePdf(this, tr("Lettre de réponse"));
    if (path.isEmpty())
        return;
    m_filePath = path;
    m_file->setText(QFileInfo(path).fileName());
}

void ReplyLetterDialog::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    PostService::Reply reply;
    reply.date = m_date->date();
    PostVocabulary::replyModeFromId(m_mode->currentData().toString(), &reply.mode);
    reply.summary = m_summary->toPlainText();
    if (!m_filePath.isEmpty()) {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error->setText(tr("Le fichier « %1 » ne peut pas être lu.").arg(m_filePath));
            return;
        }
        reply.letter = PostAttachment { m_filePath, file.readAll() };
    }
    const bool writeLetter = !m_body->toPlainText().trimmed().isEmpty();
    PostReplyDraft draft { m_objet->text(), m_body->toPlainText(), m_signature->text() };
    qint64 generated = 0;
    // Laid out first: rendering the PDF never holds the database's write lock.
    std::optional<PostAttachment> letter;
    if (writeLetter) {
        const Result<PostAttachment> rendered
            = PostLetterWriter(*s, defaultPostPrinting()).renderReply(m_letter.id, draft);
        if (!rendered) {
            m_error->setText(rendered.error().toString());
            return;
        }
        letter = *rendered;
    }
    // The letter and the reply are saved together or not at all.
    const Result<void> tx = s->database()->transaction([&](QSqlDatabase&) -> Result<void> {
        if (letter) {
            const Result<PostDocument> doc
                = PostDocumentStore(*s).storeGenerated(m_letter.id, PostDocumentKind::Reponse, *letter);
            if (!doc)
                return doc.error();
            generated = doc->id;
        }
        const Result<PostLetter> r = PostService(*s).recordReply(m_letter.id, m_letter.version, reply);
        if (!r)
            return r.error();
        return {};
    });
    if (!tx) {
        QStringList lines;
        for (const FieldError& e : tx.error().fields())
            lines << e.message;
        m_error->setText(lines.isEmpty() ? tx.error().toString() : lines.join(u'\n'));
        return;
    }
    m_controller.notifyContactLogged(m_letter.citizenId);
    m_controller.showStatus(tr("Réponse au courrier %1 enregistrée.").arg(m_letter.reference));
    if (generated > 0)
        Q_EMIT documentGenerated(generated);
    accept();
}

} // namespace iris::accueil
