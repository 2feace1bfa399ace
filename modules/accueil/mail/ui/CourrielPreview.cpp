#include "modules/accueil/mail/ui/CourrielPreview.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "ui/widgets/MessageBox.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
QString safeFileName(const QString& name)
{
    QString n = QFileInfo(name).fileName();
    n.replace(QRegularExpression(u"[\\\\/:*?\"<>|\\x00-\\x1f]"_s), u"_"_s);
    return n.isEmpty() ? u"piece-jointe"_s : n;
}
} // namespace

CourrielPreview::CourrielPreview(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_header(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
    , m_attachments(new QListWidget(this))
    , m_open(new QPushButton(tr("&Ouvrir"), this))
    , m_save(new QPushButton(tr("Enregistrer &sous…"), this))
    , m_raw(new QPushButton(tr("Message &brut…"), this))
{
    setObjectName(u"courrielPreview"_s);
    m_header->setObjectName(u"courrielHeader"_s);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_warning->setObjectName(u"courrielWarning"_s);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(u"color: #9a5b00; font-weight: bold;"_s);
    m_warning->hide();
    m_body->setObjectName(u"courrielBody"_s);
    m_body->setReadOnly(true);
    m_attachments->setObjectName(u"courrielAttachments"_s);
    m_attachments->setMaximumHeight(90);
    m_open->setObjectName(u"courrielOpenAttachment"_s);
    m_save->setObjectName(u"courrielSaveAttachment"_s);
    m_raw->setObjectName(u"courrielRawView"_s);

    auto* attachmentButtons = new QHBoxLayout;
    attachmentButtons->addWidget(new QLabel(tr("Pièces jointes :"), this));
    attachmentButtons->addStretch(1);
    attachmentButtons->addWidget(m_open);
    attachmentButtons->addWidget(m_save);
    attachmentButtons->addWidget(m_raw);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_warning);
    layout->addWidget(m_body, 1);
    layout->addLayout(attachmentButtons);
    layout->addWidget(m_attachments);

    connect(m_open, &QPushButton::clicked, this, &CourrielPreview::openAttachment);
    connect(m_save, &QPushButton::clicked, this, &CourrielPreview::saveAttachment);
    connect(m_raw, &QPushButton::clicked, this, &CourrielPreview::showRaw);
    connect(m_attachments, &QListWidget::currentRowChanged, this, &CourrielPreview::updateButtons);
    connect(m_attachments, &QListWidget::itemActivated, this, &CourrielPreview::openAttachment);
    setCourriel({});
}

CourrielPreview::~CourrielPreview() = default;

void CourrielPreview::setCourriel(const Courriel& c)
{
    m_courriel = c;
    m_attachments->clear();
    if (c.id == 0) {
        m_header->setText(tr("Choisissez un courriel dans la liste."));
        m_warning->hide();
        m_body->clear();
        updateButtons();
        return;
    }
    const QLocale fr(QLocale::French, QLocale::France);
    QStringList lines;
    lines << tr("De : %1").arg(
        c.fromName.isEmpty() ? c.fromAddress : tr("%1 <%2>").arg(c.fromName, c.fromAddress));
    lines << tr("À : %1").arg(c.toAddress);
    lines << tr("Reçu le : %1").arg(fr.toString(c.receivedAt.toLocalTime(), u"dddd d MMMM yyyy 'à' HH:mm"_s));
    lines << tr("Objet : %1").arg(c.subject.isEmpty() ? tr("(sans objet)") : c.subject);
    lines << tr("Usager : %1").arg(c.citizenId > 0 ? c.citizenName : tr("non identifié"));
    lines << tr("Attribué à : %1").arg(c.assignee.isEmpty() ? tr("personne") : c.assignee);
    QString state = courrielStatusLabel(c.status);
    if (c.status == CourrielStatus::Repondu && c.answeredAt.isValid())
        state = tr("Répondu le %1").arg(fr.toString(c.answeredAt.toLocalTime(), u"d MMMM yyyy 'à' HH:mm"_s));
    else if (c.isOpen() && c.dueAt.isValid())
        state = tr("%1 — réponse attendue au plus tard le %2%3")
                    .arg(state, fr.toString(c.dueAt.toLocalTime().date(), u"dddd d MMMM yyyy"_s),
                        c.isOverdue(QDateTime::currentDateTime()) ? tr(" (EN RETARD)") : QString());
    lines << tr("Statut : %1").arg(state);
    if (!c.note.isEmpty())
        lines << tr("Note : %1").arg(c.note);
    m_header->setText(lines.join(u'\n'));
    m_warning->setVisible(c.malformed || !c.warning.isEmpty());
    m_warning->setText(
        c.malformed ? tr("Message mal formé : %1 — consultez le message brut.").arg(c.warning) : c.warning);
    m_body->setPlainText(c.bodyText);
    for (const CourrielAttachment& a : c.attachments) {
        auto* item = new QListWidgetItem(
            tr("%1 (%2, %3)").arg(a.fileName, a.mimeType, fr.formattedDataSize(a.size)), m_attachments);
        item->setData(Qt::UserRole, a.id);
    }
    if (m_attachments->count() > 0)
        m_attachments->setCurrentRow(0);
    updateButtons();
}

const CourrielAttachment* CourrielPreview::currentAttachment() const
{
    const int row = m_attachments->currentRow();
    return row >= 0 && row < m_courriel.attachments.size() ? &m_courriel.attachments.at(row) : nullptr;
}

void CourrielPreview::updateButtons()
{
    const bool any = currentAttachment() != nullptr;
    m_open->setEnabled(any);
    m_save->setEnabled(any);
    m_raw->setEnabled(m_courriel.id > 0);
}

void CourrielPreview::openAttachment()
{
    const CourrielAttachment* selected = currentAttachment();
    CoreServices* s = m_controller.services();
    if (!selected || !s)
        return;
    // A copy: the courriel may be reloaded while a dialog is open.
    const CourrielAttachment a = *selected;
    // Mail from outside: only documents and images open in one step; anything a desktop
    // might run (.desktop, .jar, scripts…) goes through "Enregistrer sous…".
    static const QStringList viewable = { u"pdf"_s, u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s, u"bmp"_s,
        u"tif"_s, u"tiff"_s, u"webp"_s, u"txt"_s, u"csv"_s, u"rtf"_s, u"odt"_s, u"ods"_s, u"odp"_s, u"doc"_s,
        u"docx"_s, u"xls"_s, u"xlsx"_s, u"ppt"_s, u"pptx"_s };
    const QString suffix = QFileInfo(a.fileName).suffix().toLower();
    if (!viewable.contains(suffix)) {
        ui::MessageBox::warning(this, tr("Pièce jointe"),
            tr("Par sécurité, une pièce jointe de ce type (« %1 ») ne s'ouvre pas directement : "
               "utilisez « Enregistrer sous… ».")
                .arg(a.fileName));
        return;
    }
    const Result<QByteArray> data = CourrielService(*s).attachmentData(a.id);
    if (!data) {
        ui::MessageBox::warning(this, tr("Pièce jointe"), data.error().toString());
        return;
    }
    // Private temporary folder, removed with the page: the file is personal data.
    if (!m_openedFiles)
        m_openedFiles = std::make_unique<QTemporaryDir>();
    const QString path = m_openedFiles->filePath(u"%1-%2"_s.arg(a.id).arg(safeFileName(a.fileName)));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*data) != data->size()) {
        ui::MessageBox::warning(
            this, tr("Pièce jointe"), tr("Impossible de préparer la pièce jointe pour l'ouvrir."));
        return;
    }
    out.close();
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        m_controller.showStatus(
            tr("Aucune application ne sait ouvrir « %1 » : enregistrez-la.").arg(a.fileName));
}

void CourrielPreview::saveAttachment()
{
    const CourrielAttachment* selected = currentAttachment();
    CoreServices* s = m_controller.services();
    if (!selected || !s)
        return;
    // A copy: the courriel may be reloaded while a dialog is open.
    const CourrielAttachment a = *selected;
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Enregistrer la pièce jointe"), QDir::home().filePath(safeFileName(a.fileName)));
    if (target.isEmpty())
        return;
    const Result<QByteArray> data = CourrielService(*s).attachmentData(a.id);
    if (!data) {
        ui::MessageBox::warning(this, tr("Pièce jointe"), data.error().toString());
        return;
    }
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(*data) != data->size()) {
        ui::MessageBox::warning(this, tr("Pièce jointe"), tr("Impossible d'écrire « %1 ».").arg(target));
        return;
    }
    m_controller.showStatus(tr("Pièce jointe enregistrée : %1").arg(target));
}

void CourrielPreview::showRaw()
{
    CoreServices* s = m_controller.services();
    if (!s || m_courriel.id == 0)
        return;
    const Result<QByteArray> raw = CourrielService(*s).rawMessage(m_courriel.id);
    if (!raw) {
        ui::MessageBox::warning(this, tr("Message brut"), raw.error().toString());
        return;
    }
    // UTF-8 when it is, else Latin-1: every byte stays visible.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(*raw);
    if (utf8.hasError())
        text = QString::fromLatin1(*raw);
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"courrielRawDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Message brut — %1").arg(m_courriel.subject));
    auto* view = new QPlainTextEdit(dialog);
    view->setObjectName(u"courrielRawText"_s);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFont(u"monospace"_s));
    view->setPlainText(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog->resize(800, 600);
    dialog->open();
}

} // namespace iris::accueil
