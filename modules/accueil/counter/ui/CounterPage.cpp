#include "modules/accueil/counter/ui/CounterPage.h"

#include "core/storage/ServerClock.h"
#include "core/domain/MunicipalService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/counter/ui/IssueTicketDialog.h"
#include "modules/accueil/counter/ui/VisitPanel.h"
#include "modules/accueil/counter/ui/WaitingListModel.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kDeskSetting = u"accueil/deskNumber"_s;
}

CounterPage::CounterPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_desk(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_waiting(new QTableView(this))
    , m_model(new WaitingListModel(this))
    , m_held(new QListWidget(this))
    , m_visit(new VisitPanel(controller, this))
{
    setObjectName(u"counterPage"_s);
    m_desk->setObjectName(u"counterDesk"_s);
    m_summary->setObjectName(u"counterSummary"_s);
    m_waiting->setObjectName(u"counterWaiting"_s);
    m_held->setObjectName(u"counterHeld"_s);
    m_waiting->setModel(m_model);
    m_waiting->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_waiting->setSelectionMode(QAbstractItemView::SingleSelection);
    m_waiting->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_waiting->verticalHeader()->hide();
    // Every header and value readable (no "Catégo…"): sized to their contents; the call
    // order's reason takes what is left (its whole text in the tool tip).
    m_waiting->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_waiting->horizontalHeader()->setSectionResizeMode(WaitingListModel::ReasonColumn, QHeaderView::Stretch);
    m_waiting->setWordWrap(false);
    m_held->setMaximumHeight(80);
    m_held->setToolTip(tr("Tickets en pause à ce guichet : Entrée pour reprendre."));

    auto* top = new QHBoxLayout;
    auto* deskLabel = new QLabel(tr("&Guichet :"), this);
    deskLabel->setBuddy(m_desk);
    top->addWidget(deskLabel);
    top->addWidget(m_desk);
    top->addWidget(m_summary, 1);

    auto* buttons = new QHBoxLayout;
    struct Spec
    {
        const char* name;
        QString text;
        QKeySequence key;
        std::function<void()> slot;
    };
    const Spec specs[] = {
        {"counterIssue", tr("Émettre un ticket (F2)"), {}, [this] { issueTicket(); }},
        {"counterCallNext", tr("Appeler le suivant (F4)"), {}, [this] { callNext(); }},
        {"counterCallSelected", tr("Appeler ce ticket (Maj+F4)"), QKeySequence(Qt::SHIFT | Qt::Key_F4),
         [this] { callSelected(); }},
        {"counterMarkLeft", tr("Parti (Ctrl+L)"), QKeySequence(Qt::CTRL | Qt::Key_L), [this] { markSelectedLeft(); }},
        {"counterPriority", tr("Prioritaire (Ctrl+P)"), QKeySequence(Qt::CTRL | Qt::Key_P),
         [this] { toggleSelectedPriority(); }},
        {"counterDisplay", tr("Affichage public (Ctrl+Maj+D)"), {}, [this] { Q_EMIT publicDisplayRequested(); }},
    };
    for (const Spec& spec : specs) {
        auto* button = new QPushButton(spec.text, this);
        button->setObjectName(QLatin1String(spec.name));
        connect(button, &QPushButton::clicked, this, spec.slot);
        buttons->addWidget(button);
        // F2, F4 and the display are the module's global actions; the others live here.
        if (!spec.key.isEmpty()) {
            auto* action = new QAction(spec.text, this);
            action->setShortcut(spec.key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            connect(action, &QAction::triggered, this, spec.slot);
            addAction(action);
        }
    }

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("File d'attente"), left));
    leftLayout->addWidget(m_waiting, 1);
    leftLayout->addWidget(new QLabel(tr("En pause à ce guichet"), left));
    leftLayout->addWidget(m_held);
    auto* splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_visit);
    // The queue gets the larger share: its columns say who comes next and why.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_waiting, &QTableView::activated, this, &CounterPage::callSelected);
    connect(m_held, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = m_held->row(item);
        CoreServices* s = m_controller.services();
        if (!s || row < 0 || row >= m_heldTickets.size())
            return;
        const Ticket& t = m_heldTickets.at(row);
        const Result<Ticket> resumed = VisitService(*s).start(t.id, t.version);
        if (!resumed)
            ui::MessageBox::warning(this, tr("Guichet"), resumed.error().toString());
        reload();
    });
    connect(m_desk, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kDeskSetting, m_desk->currentData(Qt::UserRole + 1).toInt());
        reload();
    });
    connect(m_visit, &VisitPanel::ticketChanged, this, &CounterPage::reload);
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &CounterPage::reload);
    connect(&m_clock, &QTimer::timeout, this, &CounterPage::tick);
    m_clock.start(1000);
    loadSetup();
}

CounterPage::~CounterPage() = default;

void CounterPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_sized || m_splitter->width() <= 0)
        return;
    m_sized = true;
    const int w = m_splitter->width();
    m_splitter->setSizes({w * 3 / 5, w - w * 3 / 5});
}

void CounterPage::loadSetup()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    CounterSetup setup(*s);
    const Result<bool> installed = setup.installDefaults();
    if (installed && *installed)
        m_controller.showStatus(tr("Configuration d'accueil par défaut installée (catégories A–E, R et guichets 1–5)."));
    const Result<QList<Desk>> desks = setup.desks();
    m_desks = desks ? *desks : QList<Desk>{};
    QHash<qint64, QString> categories;
    const Result<QList<TicketCategory>> cats = setup.categories(true);
    for (const TicketCategory& c : cats ? *cats : QList<TicketCategory>{})
        categories.insert(c.id, c.label);
    QHash<qint64, QString> services;
    const Result<QList<MunicipalService>> list = s->directory().list(true);
    for (const MunicipalService& m : list ? *list : QList<MunicipalService>{})
        services.insert(m.id, m.name);
    m_model->setNames(categories, services);
    const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s);
    if (catalog)
        m_visit->setCatalog(*catalog);

    const int saved = QSettings().value(kDeskSetting).toInt();
    const QSignalBlocker block(m_desk);
    m_desk->clear();
    for (const Desk& d : std::as_const(m_desks)) {
        m_desk->addItem(d.displayName(), d.id);
        m_desk->setItemData(m_desk->count() - 1, d.number, Qt::UserRole + 1);
        if (d.number == saved)
            m_desk->setCurrentIndex(m_desk->count() - 1);
    }
    reload();
}

qint64 CounterPage::deskId() const
{
    return m_desk->currentData().toLongLong();
}

void CounterPage::setDesk(qint64 deskId)
{
    m_desk->setCurrentIndex(m_desk->findData(deskId));
}

void CounterPage::reload()
{
    CoreServices* s = m_controller.services();
    if (!s || deskId() <= 0)
        return;
    QueueService queue(*s);
    const qint64 selected = selectedTicket() ? selectedTicket()->id : 0;
    const Result<QList<Ticket>> waiting = queue.waiting(deskId());
    m_model->setTickets(waiting ? *waiting : QList<Ticket>{});
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_waiting->selectRow(row);
    const Result<QList<Ticket>> atDesk = queue.atDesk(deskId());
    Ticket current;
    m_heldTickets.clear();
    for (const Ticket& t : atDesk ? *atDesk : QList<Ticket>{}) {
        if (t.status == TicketStatus::EnPause)
            m_heldTickets << t;
        else if (current.id == 0)
            current = t;
    }
    m_held->clear();
    for (const Ticket& t : std::as_const(m_heldTickets))
        m_held->addItem(tr("%1 — en pause").arg(t.label));
    m_visit->setTicket(current);
    tick();
}

void CounterPage::tick()
{
    const QDateTime now = ServerClock::now();
    m_model->setNow(now);
    m_visit->tick(now);
    const QList<Ticket>& tickets = m_model->tickets();
    qint64 longest = 0;
    for (const Ticket& t : tickets)
        longest = qMax(longest, t.waitingSeconds(now));
    m_summary->setText(tickets.isEmpty() ? tr("Personne en attente")
                                         : tr("%n en attente, attente la plus longue : %1", nullptr, int(tickets.size()))
                                               .arg(WaitingListModel::formatDuration(longest)));
}

const Ticket* CounterPage::selectedTicket() const
{
    const QModelIndexList rows = m_waiting->selectionModel() ? m_waiting->selectionModel()->selectedRows()
                                                             : QModelIndexList{};
    return rows.isEmpty() ? nullptr : m_model->ticketAt(rows.constFirst().row());
}

void CounterPage::callNext()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<std::optional<Ticket>> next = QueueService(*s).callNext(deskId());
    if (!next)
        ui::MessageBox::warning(this, tr("Appeler le suivant"), next.error().toString());
    else if (!*next)
        m_controller.showStatus(tr("Personne n'attend à ce guichet."));
    else
        m_controller.showStatus(tr("Ticket %1 appelé au %2.").arg((*next)->label, m_desk->currentText()));
    reload();
    m_visit->focusCitizenSearch();
}

void CounterPage::callSelected()
{
    CoreServices* s = m_controller.services();
    const Ticket* t = selectedTicket();
    if (!s || !t)
        return;
    const Result<Ticket> called = QueueService(*s).call(t->id, deskId());
    if (!called)
        ui::MessageBox::warning(this, tr("Appeler ce ticket"), called.error().toString());
    else
        m_controller.showStatus(tr("Ticket %1 appelé au %2.").arg(called->label, m_desk->currentText()));
    reload();
}

void CounterPage::markSelectedLeft()
{
    CoreServices* s = m_controller.services();
    const Ticket* t = selectedTicket();
    if (!s || !t)
        return;
    const Result<Ticket> left = VisitService(*s).markLeft(t->id, t->version);
    if (!left)
        ui::MessageBox::warning(this, tr("Guichet"), left.error().toString());
    reload();
}

void CounterPage::toggleSelectedPriority()
{
    CoreServices* s = m_controller.services();
    const Ticket* t = selectedTicket();
    if (!s || !t)
        return;
    const Result<Ticket> changed = VisitService(*s).setPriority(t->id, t->version, t->priority > 0 ? 0 : 1);
    if (!changed)
        ui::MessageBox::warning(this, tr("Guichet"), changed.error().toString());
    reload();
}

IssueTicketDialog* CounterPage::issueTicket()
{
    if (!m_issueDialog) {
        m_issueDialog = new IssueTicketDialog(m_controller, this);
        m_issueDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_issueDialog, &IssueTicketDialog::issued, this, &CounterPage::reload);
        m_controller.track(m_issueDialog);
    } else {
        m_issueDialog->reload();
    }
    m_issueDialog->show();
    m_issueDialog->raise();
    m_issueDialog->activateWindow();
    return m_issueDialog;
}

} // namespace iris::accueil
