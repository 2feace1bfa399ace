#include "modules/usagers/CitizenEditDialog.h"

#include "core/services/CitizenService.h"
#include "core/services/CitizenValidator.h"
#include "core/services/CoreServices.h"
#include "modules/usagers/CitizenForm.h"
#include "modules/usagers/DuplicatePanel.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/widgets/MessageBox.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace iris::usagers {

CitizenEditDialog::CitizenEditDialog(UsagersController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_form(new CitizenForm(this))
    , m_duplicates(new DuplicatePanel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_reload(new QPushButton(tr("&Recharger la fiche"), m_banner))
    , m_confirmDistinct(new QPushButton(tr("C'est une autre personne : enre&gistrer"), m_banner))
    , m_duplicateTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("citizenEditDialog"));
    setAttribute(Qt::WA_DeleteOnClose);

    m_banner->setObjectName(QStringLiteral("formBanner"));
    m_banner->setStyleSheet(QStringLiteral("#formBanner { background: #fdecea; border: 1px solid #b00020; }"));
    m_bannerText->setObjectName(QStringLiteral("formBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setAutoDefault(false);
    m_confirmDistinct->setObjectName(QStringLiteral("confirmDistinctButton"));
    m_confirmDistinct->setAutoDefault(false);
    m_confirmDistinct->setToolTip(tr("Aucune des fiches proposées n'est celle de cette personne : créer la fiche"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_reload);
    bannerLayout->addWidget(m_confirmDistinct);
    m_banner->hide();

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(m_form);

    m_duplicates->setMinimumWidth(260);
    m_duplicates->setMaximumWidth(340);
    auto* body = new QHBoxLayout;
    body->addWidget(m_scroll, 1);
    body->addWidget(m_duplicates);

    auto* buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Enregistrer"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(tr("Enregistrer la fiche (Ctrl+S)"));
    m_cancel = buttons->addButton(tr("Annuler"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Fermer sans enregistrer (Échap)"));
    m_save->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    connect(m_save, &QPushButton::clicked, this, &CitizenEditDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &CitizenEditDialog::reject);
    connect(m_reload, &QPushButton::clicked, this, &CitizenEditDialog::reload);
    connect(m_confirmDistinct, &QPushButton::clicked, this, [this] {
        for (const DuplicateCandidate& d : m_duplicates->candidates())
            m_distinctFrom << d.citizen.id;
        save();
    });
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &CitizenEditDialog::save);

    m_duplicateTimer->setSingleShot(true);
    m_duplicateTimer->setInterval(350);
    connect(m_duplicateTimer, &QTimer::timeout, this, &CitizenEditDialog::checkDuplicates);
    connect(m_form, &CitizenForm::identityEdited, this, [this] {
        if (!m_creating)
            return;
        m_duplicateTimer->start();
        // The identity changed: the question about the old suggestions no longer stands.
        if (!m_banner->isHidden() && !m_confirmDistinct->isHidden())
            hideBanner();
    });
    connect(m_duplicates, &DuplicatePanel::openRequested, this, [this](qint64 id) {
        Q_EMIT openExistingRequested(id);
        m_form->setModified(false);  // the agent chose the existing record: nothing to keep
        QDialog::reject();
    });
    // Both columns of the form and the duplicate suggestions side by side, without a
    // horizontal scroll bar: as wide as they need, within the screen.
    const QSize wanted(qMax(1180, m_form->minimumSizeHint().width() + m_duplicates->maximumWidth() + 60), 700);
    const QRect screenRoom = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(wanted.boundedTo(screenRoom.size() - QSize(40, 60)));
}

CitizenEditDialog::~CitizenEditDialog() = default;

void CitizenEditDialog::startCreate(const Citizen& prefill)
{
    m_creating = true;
    setWindowTitle(tr("Nouvel usager"));
    Citizen blank = prefill;
    blank.id = 0;
    blank.version = 0;
    m_form->setCitizen(blank);
    m_duplicates->setCandidates({});
    m_distinctFrom.clear();
    hideBanner();
    if (!prefill.nomUsage.isEmpty() || !prefill.phone.isEmpty() || !prefill.email.isEmpty())
        m_duplicateTimer->start();
    m_form->setFocus();
}

bool CitizenEditDialog::startEdit(qint64 citizenId)
{
    m_creating = false;
    m_duplicates->setCandidates({});
    CoreServices* services = m_controller.services();
    if (!services) {
        showBanner(tr("Aucun agent connecté."), false);
        m_save->setEnabled(false);
        return false;
    }
    const Result<Citizen> current = services->citizens().get(citizenId);
    if (!current) {
        showBanner(current.error().message(), false);
        m_save->setEnabled(false);
        return false;
    }
    m_form->setCitizen(*current);
    setWindowTitle(tr("Modifier la fiche de %1").arg(ui::citizenformat::fullName(*current)));
    hideBanner();
    m_save->setEnabled(true);
    m_form->setFocus();
    return true;
}

bool CitizenEditDialog::save()
{
    CoreServices* services = m_controller.services();
    if (!services) {
        showBanner(tr("Aucun agent connecté : la fiche ne peut pas être enregistrée."), false);
        return false;
    }
    hideBanner();
    m_form->clearErrors();

    const Citizen typed = m_form->citizen();
    const QList<FieldError> inputErrors = m_form->inputErrors();
    if (!inputErrors.isEmpty()) {
        // A birth date that is not a date never reaches the service; the core's checker
        // still reports the other fields, so every problem shows at once.
        QList<FieldError> fields = inputErrors;
        const Result<Citizen> others = CitizenValidator::normalised(typed);
        if (!others) {
            for (const FieldError& f : others.error().fields()) {
                if (f.field != QLatin1String("birthDate"))
                    fields.append(f);
            }
        }
        showSaveError(Error::validation(fields));
        return false;
    }

    if (m_creating && !duplicatesRuledOut(*services, typed))
        return false;

    const Result<Citizen> result = m_creating ? services->citizens().create(typed)
                                              : services->citizens().update(typed);
    if (!result) {
        showSaveError(result.error());
        return false;
    }
    m_saved = *result;
    m_form->setModified(false);
    m_controller.showStatus(m_creating ? tr("Fiche de %1 créée.").arg(ui::citizenformat::fullName(m_saved))
                                       : tr("Fiche de %1 enregistrée.").arg(ui::citizenformat::fullName(m_saved)));
    Q_EMIT saved(m_saved);
    accept();
    return true;
}

void CitizenEditDialog::showSaveError(const Error& error)
{
    switch (error.code()) {
    case ErrorCode::Validation: {
        QStringList lines = m_form->showErrors(error);
        // Name the flagged fields: the banner says what stops the save, even when the
        // first of them is scrolled out of sight.
        const QStringList flagged = m_form->flaggedFieldLabels();
        if (!flagged.isEmpty())
            lines.prepend(tr("Corrigez les champs signalés : %1.").arg(flagged.join(QStringLiteral(", "))));
        if (lines.isEmpty())
            lines << error.message();
        showBanner(QString(tr("La fiche n'a pas été enregistrée.") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))),
                   false);
        m_form->focusFirstError();
        if (QWidget* first = focusWidget(); first && m_form->isAncestorOf(first))
            m_scroll->ensureWidgetVisible(first);
        break;
    }
    case ErrorCode::Conflict:
        showBanner(tr("Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
                      "vos changements n'ont pas été enregistrés. Rechargez la fiche pour voir la version "
                      "actuelle, puis refaites vos modifications."),
                   true);
        break;
    case ErrorCode::NotFound:
        showBanner(tr("Cette fiche n'existe plus (elle a peut-être été fusionnée ou supprimée)."), false);
        break;
    default:
        showBanner(error.toString(), false);
        break;
    }
}

void CitizenEditDialog::reject()
{
    if (m_form->isModified()) {
        const auto answer = ui::MessageBox::question(
            this, tr("Abandonner la saisie"),
            tr("Les informations saisies n'ont pas été enregistrées. Fermer quand même ?"));
        if (answer != QMessageBox::Yes)
            return;
    }
    QDialog::reject();
}

void CitizenEditDialog::checkDuplicates()
{
    CoreServices* services = m_controller.services();
    if (!m_creating || !services)
        return;
    const Citizen typed = m_form->citizen();
    if (typed.nomUsage.isEmpty() && typed.nomNaissance.isEmpty() && typed.phone.isEmpty() && typed.email.isEmpty()) {
        m_duplicates->setCandidates({});
        return;
    }
    const Result<QList<DuplicateCandidate>> found = services->citizens().findDuplicates(typed);
    // A half-typed phone or e-mail is not an error yet: just no suggestion.
    m_duplicates->setCandidates(found ? *found : QList<DuplicateCandidate>{});
}

bool CitizenEditDialog::duplicatesRuledOut(CoreServices& services, const Citizen& typed)
{
    // Checked again at save time: the suggestions may be older than the last keystroke.
    // A search that fails suggests nothing; it does not stop the save.
    const Result<QList<DuplicateCandidate>> found = services.citizens().findDuplicates(typed);
    if (!found)
        return true;
    QList<DuplicateCandidate> open;
    for (const DuplicateCandidate& d : *found) {
        if (!m_distinctFrom.contains(d.citizen.id))
            open << d;
    }
    if (open.isEmpty())
        return true;
    m_duplicates->setCandidates(*found);
    const CitizenSummary& first = open.first().citizen;
    const QString text = open.size() == 1
        ? tr("La fiche n'a pas été enregistrée : elle pourrait être celle de %1, déjà enregistrée (%2). "
             "Si c'est la même personne, ouvrez sa fiche (à droite) ; sinon, confirmez qu'il s'agit "
             "d'une autre personne.")
              .arg(ui::citizenformat::fullName(first), open.first().reason)
        : tr("La fiche n'a pas été enregistrée : %1 fiches déjà enregistrées pourraient être celle de "
             "cette personne (à droite). Si c'est l'une d'elles, ouvrez-la ; sinon, confirmez qu'il "
             "s'agit d'une autre personne.")
              .arg(open.size());
    showBanner(text, false, true);
    return false;
}

void CitizenEditDialog::showBanner(const QString& text, bool offerReload, bool offerConfirm)
{
    m_bannerText->setText(text);
    m_reload->setVisible(offerReload);
    m_confirmDistinct->setVisible(offerConfirm);
    m_banner->show();
}

void CitizenEditDialog::hideBanner()
{
    m_banner->hide();
}

void CitizenEditDialog::reload()
{
    const qint64 id = m_form->citizen().id;
    if (id > 0 && startEdit(id))
        m_controller.showStatus(tr("Fiche rechargée : version actuelle affichée."));
}

} // namespace iris::usagers
