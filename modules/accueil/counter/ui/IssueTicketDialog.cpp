#include "modules/accueil/counter/ui/IssueTicketDialog.h"

#include "core/base/TextFold.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

IssueTicketDialog::IssueTicketDialog(AccueilController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_categories(new QListWidget(this))
    , m_priority(new QCheckBox(tr("&Prioritaire (personne à mobilité réduite, grossesse…)"), this))
    , m_arrivalFilter(new QLineEdit(this))
    , m_arrivals(new QListWidget(this))
    , m_result(new QLabel(this))
{
    setObjectName(u"issueTicketDialog"_s);
    setWindowTitle(tr("Émettre un ticket"));
    m_categories->setObjectName(u"issueCategories"_s);
    m_priority->setObjectName(u"issuePriority"_s);
    m_arrivalFilter->setObjectName(u"issueAppointmentFilter"_s);
    m_arrivals->setObjectName(u"issueAppointments"_s);
    m_result->setObjectName(u"issueResult"_s);
    m_arrivalFilter->setPlaceholderText(tr("Rendez-vous du jour : nom de l'usager…"));
    m_arrivals->setSelectionMode(QAbstractItemView::SingleSelection);
    QFont big = m_result->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_result->setFont(big);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* confirm = buttons->addButton(tr("Émettre le ticket"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(u"issueConfirm"_s);
    confirm->setAutoDefault(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(confirm, &QPushButton::clicked, this, &IssueTicketDialog::issue);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Catégorie (tapez sa lettre, puis Entrée) :"), this));
    layout->addWidget(m_categories, 2);
    layout->addWidget(m_priority);
    layout->addWidget(new QLabel(tr("Ou enregistrer l'arrivée d'un rendez-vous :"), this));
    layout->addWidget(m_arrivalFilter);
    layout->addWidget(m_arrivals, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(520, 560);

    m_categories->installEventFilter(this);
    m_arrivals->installEventFilter(this);
    m_arrivalFilter->installEventFilter(this);
    connect(m_categories, &QListWidget::itemActivated, this, &IssueTicketDialog::issue);
    connect(m_arrivals, &QListWidget::itemActivated, this, &IssueTicketDialog::issue);
    connect(m_arrivalFilter, &QLineEdit::textChanged, this, &IssueTicketDialog::fillArrivals);
    connect(m_categories, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_arrivals->clearSelection();
    });
    reload();
}

void IssueTicketDialog::reload()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    const Result<QList<TicketCategory>> categories = CounterSetup(*services).categories();
    m_categoryList = categories ? *categories : QList<TicketCategory>{};
    m_categories->clear();
    for (const TicketCategory& c : std::as_const(m_categoryList)) {
        auto* item = new QListWidgetItem(u"%1 — %2"_s.arg(c.prefix, c.label), m_categories);
        item->setData(Qt::UserRole, c.id);
    }
    if (m_categories->count() > 0)
        m_categories->setCurrentRow(0);
    const Result<QList<QueueService::Arrival>> arrivals = QueueService(*services).arrivals();
    m_arrivalList = arrivals ? *arrivals : QList<QueueService::Arrival>{};
    fillArrivals();
    m_categories->setFocus();
}

void IssueTicketDialog::fillArrivals()
{
    m_arrivals->clear();
    const QStringList words = TextFold::tokens(m_arrivalFilter->text());
    for (const QueueService::Arrival& a : std::as_const(m_arrivalList)) {
        const QString text = u"%1 — %2 — %3%4"_s.arg(a.startAt.toLocalTime().toString(u"HH:mm"_s), a.citizenName,
                                                     a.serviceName,
                                                     a.ticketLabel.isEmpty() ? QString()
                                                                             : tr(" (arrivé : %1)").arg(a.ticketLabel));
        const QString folded = TextFold::fold(text);
        bool all = true;
        for (const QString& w : words)
            all = all && folded.contains(w);
        if (!all)
            continue;
        auto* item = new QListWidgetItem(text, m_arrivals);
        item->setData(Qt::UserRole, a.appointmentId);
        if (!a.ticketLabel.isEmpty())
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (!words.isEmpty() && m_arrivals->count() > 0) {
        m_arrivals->setCurrentRow(0);
        m_categories->setCurrentRow(-1);
    }
}

void IssueTicketDialog::issue()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    QueueService::IssueRequest request;
    request.priority = m_priority->isChecked() ? 1 : 0;
    const QListWidgetItem* arrival = m_arrivals->currentItem();
    if (arrival && arrival->isSelected() && (arrival->flags() & Qt::ItemIsEnabled)) {
        request.appointmentId = arrival->data(Qt::UserRole).toLongLong();
        // Appointments are issued under the "R" category when there is one.
        for (const TicketCategory& c : std::as_const(m_categoryList)) {
            if (c.prefix == u"R"_s)
                request.categoryId = c.id;
        }
    }
    if (request.categoryId == 0 && m_categories->currentItem())
        request.categoryId = m_categories->currentItem()->data(Qt::UserRole).toLongLong();
    if (request.categoryId == 0 && !m_categoryList.isEmpty() && request.appointmentId > 0)
        request.categoryId = m_categoryList.constFirst().id;
    const Result<Ticket> ticket = QueueService(*services).issue(request);
    if (!ticket) {
        m_result->setText(ticket.error().message());
        return;
    }
    m_lastLabel = ticket->label;
    m_result->setText(tr("Ticket %1").arg(ticket->label));
    m_controller.showStatus(tr("Ticket %1 émis.").arg(ticket->label));
    m_priority->setChecked(false);
    m_arrivalFilter->clear();
    if (request.appointmentId > 0) {
        const Result<QList<QueueService::Arrival>> arrivals = QueueService(*services).arrivals();
        m_arrivalList = arrivals ? *arrivals : QList<QueueService::Arrival>{};
        fillArrivals();
    }
    m_categories->setFocus();
    Q_EMIT issued(*ticket);
}

bool IssueTicketDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            issue();
            return true;
        }
        // A category's letter selects it.
        if (watched == m_categories && key->text().size() == 1 && key->text().at(0).isLetter()) {
            const QString letter = key->text().toUpper();
            for (qsizetype i = 0; i < m_categoryList.size(); ++i) {
                if (m_categoryList.at(i).prefix == letter) {
                    m_categories->setCurrentRow(int(i));
                    return true;
                }
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace iris::accueil
