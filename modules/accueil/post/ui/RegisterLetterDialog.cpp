#include "modules/accueil/post/ui/RegisterLetterDialog.h"

#include "core/domain/Organisation.h"
#include "core/services/CoreServices.h"
#include "core/services/OrganisationService.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/ui/PostAssigneeChooser.h"
#include "modules/accueil/post/ui/PostDesktop.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/MotiveList.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenPicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

RegisterLetterDialog::RegisterLetterDialog(AccueilController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_received(new QDateEdit(this))
    , m_senderKind(new QComboBox(this))
    , m_senderPages(new QStackedWidget(this))
    , m_citizens(new ui::CitizenPicker(this))
    , m_citizenChosen(new QLabel(this))
    , m_organisationSearch(new QLineEdit(this))
    , m_organisation(new QComboBox(this))
    , m_senderName(new QLineEdit(this))
    , m_senderAddress(new QPlainTextEdit(this))
    , m_subject(new QLineEdit(this))
    , m_motives(new MotiveList(u"post"_s, this))
    , m_silence(new QComboBox(this))
    , m_missing(new QPlainTextEdit(this))
    , m_piecesDue(new QDateEdit(this))
    , m_assignee(new PostAssigneeChooser(u"post"_s, controller.services(), this))
    , m_scanLabel(new QLabel(tr("Aucun fichier joint"), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"postRegisterDialog"_s);
    setWindowTitle(tr("Enregistrer un courrier"));
    const QDate today = QDate::currentDate();
    m_received->setObjectName(u"postReceivedOn"_s);
    m_received->setCalendarPopup(true);
    m_received->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_received->setMaximumDate(today);
    m_received->setDate(today);
    m_senderKind->setObjectName(u"postSenderKind"_s);
    m_senderKind->addItem(tr("Un usager"), int(CitizenSender));
    m_senderKind->addItem(tr("Un organisme"), int(OrganisationSender));
    m_senderKind->addItem(tr("Un autre expéditeur"), int(OtherSender));

    // The picker's own object names are shared with the counter page: rename ours.
    for (const auto& [from, to] : { std::pair { u"citizenSearchField"_s, u"postCitizenSearchField"_s },
             std::pair { u"citizenResults"_s, u"postCitizenResults"_s },
             std::pair { u"citizenSearchStatus"_s, u"postCitizenSearchStatus"_s } }) {
        if (QWidget* w = m_citizens->findChild<QWidget*>(from))
            w->setObjectName(to);
    }
    m_citizens->setSearchFunction(controller.citizenSearch());
    m_citizens->view()->setMinimumHeight(110);
    m_citizens->setPlaceholderText(tr("Nom, prénom, téléphone…"));
    m_citizenChosen->setObjectName(u"postCitizenChosen"_s);
    auto* citizenPage = new QWidget(this);
    auto* citizenLayout = new QVBoxLayout(citizenPage);
    citizenLayout->setContentsMargins(0, 0, 0, 0);
    citizenLayout->addWidget(m_citizens);
    citizenLayout->addWidget(m_citizenChosen);

    m_organisationSearch->setObjectName(u"postOrganisationSearch"_s);
    m_organisationSearch->setPlaceholderText(tr("Nom, RNA ou SIRET de l'organisme"));
    m_organisation->setObjectName(u"postOrganisation"_s);
    auto* organisationPage = new QWidget(this);
    auto* organisationLayout = new QVBoxLayout(organisationPage);
    organisationLayout->setContentsMargins(0, 0, 0, 0);
    organisationLayout->addWidget(m_organisationSearch);
    organisationLayout->addWidget(m_organisation);

    m_senderName->setObjectName(u"postSenderName"_s);
    m_senderAddress->setObjectName(u"postSenderAddress"_s);
    m_senderAddress->setTabChangesFocus(true);
    m_senderAddress->setMaximumHeight(70);
    auto* otherPage = new QWidget(this);
    auto* otherForm = new QFormLayout(otherPage);
    otherForm->setContentsMargins(0, 0, 0, 0);
    otherForm->addRow(tr("&Nom :"), m_senderName);
    otherForm->addRow(tr("Adr&esse :"), m_senderAddress);
    m_senderPages->addWidget(citizenPage);
    m_senderPages->addWidget(organisationPage);
    m_senderPages->addWidget(otherPage);

    m_subject->setObjectName(u"postSubject"_s);
    m_subject->setMaxLength(500);
    m_silence->setObjectName(u"postSilence"_s);
    for (SilenceRule r : PostVocabulary::silenceRules())
        m_silence->addItem(PostVocabulary::silenceLabel(r), PostVocabulary::silenceId(r));
    m_missing->setObjectName(u"postMissingPieces"_s);
    m_missing->setPlaceholderText(tr("Une pièce manquante par ligne (demande incomplète)"));
    m_missing->setTabChangesFocus(true);
    m_missing->setMaximumHeight(60);
    m_piecesDue->setObjectName(u"postPiecesDueOn"_s);
    m_piecesDue->setCalendarPopup(true);
    m_piecesDue->setDisplayFormat(u"dd/MM/yyyy"_s);
    m_piecesDue->setMinimumDate(today.addDays(1));
    m_piecesDue->setDate(today.addMonths(1));
    m_scanLabel->setObjectName(u"postScanFile"_s);
    auto* chooseScan = new QPushButton(tr("&Joindre le courrier numérisé (PDF)…"), this);
    chooseScan->setObjectName(u"postChooseScan"_s);
    m_error->setObjectName(u"postRegisterError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a00000;"_s);

    if (CoreServices* s = controller.services()) {
        if (const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s))
            m_motives->setCatalog(*catalog);
        m_assignee->setAssignee(s->session().agent().serviceId, 0);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("Reçu le :"), m_received);
    form->addRow(tr("E&xpéditeur :"), m_senderKind);
    form->addRow(m_senderPages);
    form->addRow(tr("&Objet :"), m_subject);
    form->addRow(tr("&Motif :"), m_motives);
    form->addRow(tr("&Silence de l'administration :"), m_silence);
    form->addRow(tr("&Pièces manquantes :"), m_missing);
    form->addRow(tr("À fournir avant le :"), m_piecesDue);
    form->addRow(tr("Attribué à :"), m_assignee);
    auto* scanRow = new QHBoxLayout;
    scanRow->addWidget(chooseScan);
    scanRow->addWidget(m_scanLabel, 1);
    form->addRow(scanRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* saveButton
        = buttons->addButton(tr("Enregistrer (Ctrl+Entrée)"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(u"postRegisterSave"_s);
    saveButton->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_senderKind, &QComboBox::currentIndexChanged, m_senderPages, &QStackedWidget::setCurrentIndex);
    connect(m_citizens, &ui::CitizenPicker::citizenActivated, this, &RegisterLetterDialog::chooseCitizen);
    connect(
        m_citizens, &ui::CitizenPicker::currentCitizenChanged, this, &RegisterLetterDialog::chooseCitizen);
    connect(m_organisationSearch, &QLineEdit::textChanged, this, &RegisterLetterDialog::searchOrganisations);
    connect(chooseScan, &QPushButton::clicked, this, &RegisterLetterDialog::chooseScan);
    connect(saveButton, &QPushButton::clicked, this, &RegisterLetterDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence& key :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) })
        connect(new QShortcut(key, this), &QShortcut::activated, this, &RegisterLetterDialog::save);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_J), this), &QShortcut::activated, this,
        &RegisterLetterDialog::chooseScan);
    resize(sizeHint().expandedTo(QSize(720, 820)));
    m_citizens->focusSearch();
}

void RegisterLetterDialog::chooseCitizen(qint64 citizenId)
{
    m_citizenId = citizenId;
    const CitizenSummary* c = m_citizens->currentCitizen();
    m_citizenChosen->setText(
        citizenId > 0 && c ? tr("Expéditeur : %1").arg(ui::citizenformat::fullName(*c)) : QString());
}

void RegisterLetterDialog::searchOrganisations(const QString& text)
{
    m_organisation->clear();
    CoreServices* s = m_controller.services();
    if (!s || text.trimmed().size() < 2)
        return;
    const Result<QList<Organisation>> found = s->organisations().search(text.trimmed(), 20);
    if (!found)
        return;
    for (const Organisation& o : *found)
        m_organisation->addItem(
            o.address.city.isEmpty() ? o.name : QString(o.name + u" — "_s + o.address.city), o.id);
}

void RegisterLetterDialog::chooseScan()
{
    const QString path = PostDesktop::choosePdf(this, tr("Courrier numérisé"));
    if (path.isEmpty())
        return;
    m_scanPath = path;
    m_scanLabel->setText(QFileInfo(path).fileName());
}

void RegisterLetterDialog::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    PostLetter l;
    l.receivedOn = m_received->date();
    switch (m_senderKind->currentData().toInt()) {
    case CitizenSender:
        l.citizenId = m_citizenId;
        if (l.citizenId <= 0) {
            m_error->setText(
                tr("Cherchez et choisissez l'usager qui écrit (ou changez le type d'expéditeur)."));
            return;
        }
        break;
    case OrganisationSender:
        l.organisationId = m_organisation->currentData().toLongLong();
        if (l.organisationId <= 0) {
            m_error->setText(tr("Cherchez et choisissez l'organisme qui écrit."));
            return;
        }
        break;
    default:
        l.senderName = m_senderName->text();
        l.senderAddress = m_senderAddress->toPlainText();
        break;
    }
    l.subject = m_subject->text();
    l.motiveThemeId = m_motives->currentMotiveId();
    PostVocabulary::silenceFromId(m_silence->currentData().toString(), &l.silence);
    l.missingPieces = m_missing->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    l.piecesDueOn = m_piecesDue->date();
    l.assignedServiceId = m_assignee->serviceId();
    l.assignedAgentId = m_assignee->agentId();
    std::optional<PostAttachment> scan;
    if (!m_scanPath.isEmpty()) {
        QFile file(m_scanPath);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error->setText(tr("Le fichier « %1 » ne peut pas être lu.").arg(m_scanPath));
            return;
        }
        scan = PostAttachment { m_scanPath, file.readAll() };
    }
    const Result<PostLetter> r = PostService(*s).registerLetter(l, scan);
    if (!r) {
        QStringList lines;
        for (const FieldError& e : r.error().fields())
            lines << e.message;
        m_error->setText(lines.isEmpty() ? r.error().toString() : lines.join(u'\n'));
        return;
    }
    m_registered = *r;
    m_controller.notifyContactLogged(r->citizenId);
    Q_EMIT letterRegistered(r->id);
    accept();
}

} // namespace iris::accueil
