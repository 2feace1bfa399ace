#include "modules/accueil/counter/ui/TransferDialog.h"

#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

TransferDialog::TransferDialog(AccueilController& controller, const Ticket& ticket, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_ticket(ticket)
    , m_toDesk(new QRadioButton(tr("Vers un autre &guichet"), this))
    , m_desk(new QComboBox(this))
    , m_toService(new QRadioButton(tr("Vers la file d'un &service"), this))
    , m_service(new ServiceChooser(u"transfer"_s, this))
    , m_note(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"transferDialog"_s);
    setWindowTitle(tr("Transférer le ticket %1").arg(ticket.label));
    m_toDesk->setObjectName(u"transferToDesk"_s);
    m_desk->setObjectName(u"transferDesk"_s);
    m_toService->setObjectName(u"transferToService"_s);
    m_note->setObjectName(u"transferNote"_s);
    m_error->setObjectName(u"transferError"_s);
    m_error->setWordWrap(true);
    m_note->setPlaceholderText(tr("Note pour l'agent suivant (facultatif)"));
    m_toDesk->setChecked(true);
    if (CoreServices* services = m_controller.services()) {
        const Result<QList<Desk>> desks = CounterSetup(*services).desks();
        for (const Desk& d : desks ? *desks : QList<Desk>{}) {
            if (d.id != ticket.deskId)
                m_desk->addItem(d.displayName(), d.id);
        }
        const Result<QList<MunicipalService>> list = services->directory().list();
        if (list)
            m_service->setServices(*list);
    }
    connect(m_service, &ServiceChooser::serviceChanged, this, [this](qint64 id) {
        if (id > 0)
            m_toService->setChecked(true);
    });
    connect(m_desk, &QComboBox::activated, this, [this] { m_toDesk->setChecked(true); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->addButton(tr("Transférer"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(u"transferConfirm"_s);
    ok->setDefault(true);
    connect(ok, &QPushButton::clicked, this, &TransferDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_toDesk);
    layout->addWidget(m_desk);
    layout->addWidget(m_toService);
    layout->addWidget(m_service);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, 320);
}

void TransferDialog::confirm()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    VisitService visits(*services);
    const Result<Ticket> result = m_toDesk->isChecked()
        ? visits.transferToDesk(m_ticket.id, m_ticket.version, m_desk->currentData().toLongLong(), m_note->text())
        : visits.transferToService(m_ticket.id, m_ticket.version, m_service->currentServiceId(), m_note->text());
    if (!result) {
        m_error->setText(result.error().toString());
        return;
    }
    m_controller.showStatus(tr("Ticket %1 transféré.").arg(result->label));
    Q_EMIT transferred(*result);
    accept();
}

} // namespace iris::accueil
