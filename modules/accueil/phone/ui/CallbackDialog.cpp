#include "modules/accueil/phone/ui/CallbackDialog.h"

#include "core/base/PhoneNumber.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/phone/CallbackSchedule.h"
#include "modules/accueil/phone/CallbackService.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CallbackDialog::CallbackDialog(AccueilController& controller, const CallbackTask& task, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_task(task)
    , m_outcome(new QComboBox(this))
    , m_summary(new QPlainTextEdit(this))
    , m_preset(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"callbackDialog"_s);
    setWindowTitle(tr("Rappel téléphonique"));
    m_outcome->setObjectName(u"callbackOutcome"_s);
    m_summary->setObjectName(u"callbackSummary"_s);
    m_preset->setObjectName(u"callbackPostponePreset"_s);
    m_error->setObjectName(u"callbackError"_s);
    m_error->setWordWrap(true);
    for (ContactOutcome o : {ContactOutcome::Repondu, ContactOutcome::Oriente, ContactOutcome::RendezVous})
        m_outcome->addItem(contactOutcomeLabel(o), int(o));
    for (CallbackSchedule::Preset p : CallbackSchedule::presets())
        m_preset->addItem(CallbackSchedule::presetLabel(p), int(p));
    QString motive;
    if (CoreServices* s = m_controller.services()) {
        const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s);
        if (catalog)
            motive = catalog->path(task.motiveThemeId);
    }
    auto* info = new QLabel(tr("<b>%1</b> — à rappeler avant le %2<br>%3<br>%4")
                                .arg(PhoneNumber::format(task.phone),
                                     task.dueAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s),
                                     motive.toHtmlEscaped(), task.subject.toHtmlEscaped()),
                            this);
    info->setObjectName(u"callbackInfo"_s);
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(info);
    form->addRow(tr("&Issue :"), m_outcome);
    form->addRow(tr("Ré&sumé :"), m_summary);
    form->addRow(tr("Ou &reporter :"), m_preset);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* doneButton = buttons->addButton(tr("Rappel fait (Ctrl+Entrée)"), QDialogButtonBox::AcceptRole);
    doneButton->setObjectName(u"callbackDone"_s);
    QPushButton* later = buttons->addButton(tr("Reporter"), QDialogButtonBox::ActionRole);
    later->setObjectName(u"callbackPostpone"_s);
    auto* open = buttons->addButton(tr("Fiche 360° (Ctrl+O)"), QDialogButtonBox::HelpRole);
    open->setEnabled(task.citizenId > 0);
    connect(doneButton, &QPushButton::clicked, this, &CallbackDialog::done);
    connect(later, &QPushButton::clicked, this, &CallbackDialog::postpone);
    connect(open, &QPushButton::clicked, this, [this] { m_controller.openCitizen(m_task.citizenId); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this), &QShortcut::activated, this,
            &CallbackDialog::done);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_O), this), &QShortcut::activated, this,
            [this] { m_controller.openCitizen(m_task.citizenId); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 360);
}

void CallbackDialog::done()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    CallbackService::Completion completion;
    completion.outcome = ContactOutcome(m_outcome->currentData().toInt());
    completion.summary = m_summary->toPlainText();
    const Result<CallbackTask> result = CallbackService(*s).complete(m_task.id, m_task.version, completion);
    if (!result) {
        m_error->setText(result.error().toString());
        return;
    }
    m_controller.showStatus(tr("Rappel fait et enregistré."));
    m_controller.notifyContactLogged(m_task.citizenId);
    Q_EMIT handled();
    accept();
}

void CallbackDialog::postpone()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const QDateTime due = CallbackSchedule().due(CallbackSchedule::Preset(m_preset->currentData().toInt()),
                                                 QDateTime::currentDateTime());
    const Result<CallbackTask> result
        = CallbackService(*s).postpone(m_task.id, m_task.version, due, m_summary->toPlainText());
    if (!result) {
        m_error->setText(result.error().toString());
        return;
    }
    m_controller.showStatus(tr("Rappel reporté au %1.").arg(due.toString(u"dd/MM HH:mm"_s)));
    Q_EMIT handled();
    accept();
}

} // namespace iris::accueil
