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
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_reload);
    m_banner->hide();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);

    m_duplicates->setMinimumWidth(260);
    m_duplicates->setMaximumWidth(340);
    auto* body = new QHBoxLayout;
    body->addWidget(scroll, 1);
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
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &CitizenEditDialog::save);

    m_duplicateTimer->setSingleShot(true);
    m_duplicateTimer->setInterval(350);
    connect(m_duplicateTimer, &QTimer::timeout, this, &CitizenEditDialog::checkDuplicates);
    connect(m_form, &CitizenForm::identityEdited, this, [this] {
        if (m_creating)
            m_duplicateTimer->start();
    });
    connect(m_duplicates, &DuplicatePanel::openRequested, this, [this](qint64 id) {
        Q_EMIT openExistingRequested(id);
        m_form->setModified(false);  // the agent chose the existing record: nothing to keep
        QDialog::reject();
    });
    resize(980, 640);
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
        const QStringList general = m_form->showErrors(error);
        showBanner(general.isEmpty() ? tr("La fiche n'a pas été enregistrée : corrigez les champs signalés.")
                                     : QString(tr("La fiche n'a pas été enregistrée.") + QLatin1Char('\n')
                                               + general.join(QLatin1Char('\n'))),
                   false);
        m_form->focusFirstError();
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

void CitizenEditDialog::showBanner(const QString& text, bool offerReload)
{
    m_bannerText->setText(text);
    m_reload->setVisible(offerReload);
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
