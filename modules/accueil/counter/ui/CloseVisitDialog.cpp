#include "modules/accueil/counter/ui/CloseVisitDialog.h"

#include "core/base/PhoneNumber.h"
#include "core/domain/Citizen.h"
#include "core/domain/Dossier.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/services/DossierService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/phone/CallbackSchedule.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>

using namespace Qt::StringLiterals;

namespace iris::accueil {

CloseVisitDialog::CloseVisitDialog(AccueilController& controller, const Ticket& ticket, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_ticket(ticket)
    , m_outcome(new QComboBox(this))
    , m_service(new ServiceChooser(u"close"_s, this))
    , m_dossier(new QComboBox(this))
    , m_preset(new QComboBox(this))
    , m_due(new QDateTimeEdit(this))
    , m_phone(new QLineEdit(this))
    , m_summary(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"closeVisitDialog"_s);
    setWindowTitle(tr("Clore la visite %1").arg(ticket.label));
    m_outcome->setObjectName(u"closeOutcome"_s);
    m_dossier->setObjectName(u"closeDossier"_s);
    m_preset->setObjectName(u"closeCallbackPreset"_s);
    m_due->setObjectName(u"closeCallbackDue"_s);
    m_phone->setObjectName(u"closeCallbackPhone"_s);
    m_summary->setObjectName(u"closeSummary"_s);
    m_error->setObjectName(u"closeError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a00;"_s);
    m_summary->setPlaceholderText(tr("Réponse apportée, pièces remises… (facultatif)"));
    m_summary->setTabChangesFocus(true);
    m_due->setDisplayFormat(u"dd/MM/yyyy HH:mm"_s);
    m_due->setCalendarPopup(true);
    for (ContactOutcome o : allContactOutcomes())
        m_outcome->addItem(contactOutcomeLabel(o), int(o));

    CoreServices* services = m_controller.services();
    if (services) {
        const Result<QList<MunicipalService>> list = services->directory().list();
        if (list)
            m_service->setServices(*list);
        const Result<MotiveCatalog> catalog = MotiveCatalog::load(*services);
        if (catalog && !ticket.motiveIds.isEmpty())
            m_service->setCurrentService(catalog->defaultServiceOf(ticket.motiveIds.constFirst()));
        if (ticket.citizenId > 0) {
            const Result<QList<Dossier>> dossiers = services->dossiers().listByCitizen(ticket.citizenId);
            for (const Dossier& d : dossiers ? *dossiers : QList<Dossier>{}) {
                if (!d.isClosed())
                    m_dossier->addItem(u"%1 — %2"_s.arg(d.reference, d.subject), d.id);
            }
            const Result<Citizen> citizen = services->citizens().get(ticket.citizenId);
            if (citizen)
                m_phone->setText(PhoneNumber::format(citizen->phone.isEmpty() ? citizen->phone2 : citizen->phone));
        }
    }
    for (CallbackSchedule::Preset p : CallbackSchedule::presets())
        m_preset->addItem(CallbackSchedule::presetLabel(p), int(p));
    const auto applyPreset = [this] {
        const auto preset = CallbackSchedule::Preset(m_preset->currentData().toInt());
        m_due->setDateTime(CallbackSchedule().due(preset, QDateTime::currentDateTime()));
    };
    connect(m_preset, &QComboBox::currentIndexChanged, this, applyPreset);
    m_preset->setCurrentIndex(2);
    applyPreset();

    auto* form = new QFormLayout;
    form->addRow(tr("&Issue de la visite :"), m_outcome);
    auto* serviceLabel = new QLabel(tr("&Service :"), this);
    serviceLabel->setBuddy(m_service);
    form->addRow(serviceLabel, m_service);
    auto* dossierLabel = new QLabel(tr("&Dossier :"), this);
    dossierLabel->setBuddy(m_dossier);
    form->addRow(dossierLabel, m_dossier);
    auto* presetLabel = new QLabel(tr("&Rappeler :"), this);
    presetLabel->setBuddy(m_preset);
    form->addRow(presetLabel, m_preset);
    auto* dueLabel = new QLabel(tr("Le :"), this);
    form->addRow(dueLabel, m_due);
    auto* phoneLabel = new QLabel(tr("Au &numéro :"), this);
    phoneLabel->setBuddy(m_phone);
    form->addRow(phoneLabel, m_phone);
    form->addRow(tr("Ré&sumé :"), m_summary);
    m_serviceRow = {serviceLabel, m_service};
    m_dossierRow = {dossierLabel, m_dossier};
    m_callbackRow = {presetLabel, m_preset, dueLabel, m_due, phoneLabel, m_phone};

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->addButton(tr("Clore la visite"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(u"closeConfirm"_s);
    ok->setDefault(true);
    connect(ok, &QPushButton::clicked, this, &CloseVisitDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* confirmShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(confirmShortcut, &QShortcut::activated, this, &CloseVisitDialog::confirm);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &CloseVisitDialog::updateFields);
    updateFields();
    resize(560, 460);
    m_outcome->setFocus();
}

void CloseVisitDialog::setOutcome(int outcomeIndex)
{
    m_outcome->setCurrentIndex(m_outcome->findData(outcomeIndex));
}

void CloseVisitDialog::updateFields()
{
    const auto outcome = ContactOutcome(m_outcome->currentData().toInt());
    for (QWidget* w : std::as_const(m_serviceRow))
        w->setVisible(outcome == ContactOutcome::Oriente || outcome == ContactOutcome::RappelPrevu);
    for (QWidget* w : std::as_const(m_dossierRow))
        w->setVisible(outcome == ContactOutcome::DossierCree);
    for (QWidget* w : std::as_const(m_callbackRow))
        w->setVisible(outcome == ContactOutcome::RappelPrevu);
}

void CloseVisitDialog::confirm()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    VisitService::Closing closing;
    closing.outcome = ContactOutcome(m_outcome->currentData().toInt());
    if (closing.outcome == ContactOutcome::Oriente || closing.outcome == ContactOutcome::RappelPrevu)
        closing.orientedServiceId = m_service->currentServiceId();
    if (closing.outcome == ContactOutcome::DossierCree)
        closing.dossierId = m_dossier->currentData().toLongLong();
    if (closing.outcome == ContactOutcome::RappelPrevu) {
        closing.callbackDueAt = m_due->dateTime();
        closing.callbackPhone = m_phone->text();
    }
    closing.summary = m_summary->toPlainText();
    const Result<Ticket> result = VisitService(*services).close(m_ticket.id, m_ticket.version, closing);
    if (!result) {
        m_error->setText(result.error().toString());
        return;
    }
    m_controller.showStatus(tr("Visite %1 close : %2.").arg(result->label, m_outcome->currentText().toLower()));
    m_controller.notifyContactLogged(result->citizenId);
    Q_EMIT closed(*result);
    accept();
}

} // namespace iris::accueil
