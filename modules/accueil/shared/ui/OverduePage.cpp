#include "modules/accueil/shared/ui/OverduePage.h"

#include "core/storage/ServerClock.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
enum Horizon { Overdue, Today, Week, All };
}

OverduePage::OverduePage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_scope(new QComboBox(this))
    , m_horizon(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"overduePage"_s);
    m_scope->setObjectName(u"overdueScope"_s);
    m_horizon->setObjectName(u"overdueHorizon"_s);
    m_table->setObjectName(u"overdueTable"_s);
    m_status->setObjectName(u"overdueStatus"_s);
    m_scope->addItem(tr("Mes échéances"), int(OverdueQuery::Scope::Mine));
    m_scope->addItem(tr("Mon service"), int(OverdueQuery::Scope::MyService));
    if (m_controller.can(ids::PermSupervise))
        m_scope->addItem(tr("Tous les agents et services"), int(OverdueQuery::Scope::All));
    // A back office's work is assigned to the service, not to each agent: its agents open
    // the page on their service's items, the counter's agents on their own.
    if (CoreServices* services = m_controller.services()) {
        const Role role = services->session().agent().role;
        if (role == Role::AgentService || role == Role::TravailleurSocial)
            m_scope->setCurrentIndex(m_scope->findData(int(OverdueQuery::Scope::MyService)));
    }
    m_horizon->addItem(tr("En retard"), Overdue);
    m_horizon->addItem(tr("Jusqu'à ce soir"), Today);
    m_horizon->addItem(tr("Dans les 7 jours"), Week);
    m_horizon->addItem(tr("Toutes les échéances"), All);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Échéance"), tr("Type"), tr("Objet"), tr("Usager"), tr("Détail"), tr("Confié à")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Short columns sized to their contents, the subject takes the rest: no squeezed,
    // two-line "Demande / d'acte" cells.
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);

    auto* top = new QHBoxLayout;
    auto* scopeLabel = new QLabel(tr("&Voir :"), this);
    scopeLabel->setBuddy(m_scope);
    top->addWidget(scopeLabel);
    top->addWidget(m_scope);
    top->addWidget(m_horizon);
    top->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &OverduePage::reload);
    connect(m_horizon, &QComboBox::currentIndexChanged, this, &OverduePage::reload);
    connect(m_table, &QTableWidget::activated, this, [this](const QModelIndex& index) { openRow(index.row()); });
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &OverduePage::reload);
    reload();
}

void OverduePage::reload()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const QDateTime now = ServerClock::now();
    OverdueQuery query;
    query.scope = OverdueQuery::Scope(m_scope->currentData().toInt());
    switch (m_horizon->currentData().toInt()) {
    case Overdue:
        query.dueBefore = now;
        break;
    case Today:
        query.dueBefore = QDateTime(now.date(), QTime(23, 59, 59));
        break;
    case Week:
        query.dueBefore = now.addDays(7);
        break;
    default:
        break;
    }
    const Result<OverdueBoard::Listing> listing = m_controller.overdue().list(*s, query);
    m_table->setRowCount(0);
    if (!listing) {
        m_items.clear();
        m_status->setText(listing.error().message());
        return;
    }
    m_items = listing->items;
    m_table->setRowCount(int(m_items.size()));
    int late = 0;
    for (int row = 0; row < m_items.size(); ++row) {
        const OverdueItem& item = m_items.at(row);
        const bool overdue = item.isOverdue(now);
        late += overdue ? 1 : 0;
        const QStringList cells{item.dueAt.toLocalTime().toString(u"dd/MM/yyyy HH:mm"_s), item.kindLabel, item.title,
                                item.citizenName, item.detail, item.assignee};
        for (int col = 0; col < cells.size(); ++col) {
            auto* cell = new QTableWidgetItem(cells.at(col));
            if (overdue)
                cell->setForeground(Qt::darkRed);
            cell->setToolTip(cells.at(col));
            m_table->setItem(row, col, cell);
        }
    }
    // Each column as wide as its contents, the long ones (usager, détail, confié à) at
    // most a fifth of the table: the subject, stretched, keeps room to be read.
    const int most = qMax(120, m_table->viewport()->width() / 5);
    for (int col : {0, 1, 3, 4, 5}) {
        m_table->resizeColumnToContents(col);
        if (col >= 3 && m_table->columnWidth(col) > most)
            m_table->setColumnWidth(col, most);
    }
    QString text = tr("%n élément(s), dont %1 en retard", nullptr, int(m_items.size())).arg(late);
    if (!listing->warnings.isEmpty())
        text += u" — "_s + listing->warnings.join(u" ; "_s);
    m_status->setText(text);
}

void OverduePage::openRow(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    const OverdueItem& item = m_items.at(row);
    // Listed for follow-up (assigned to the agent's service) but handled on a page the
    // agent does not have: say so rather than open an empty page.
    if (!item.openPermission.isEmpty() && !m_controller.can(item.openPermission)) {
        m_controller.showStatus(tr("Cet élément vous est confié pour suivi : il se traite sur une page à "
                                   "laquelle vous n'avez pas accès."));
        return;
    }
    if (!m_controller.openOverdue(item))
        m_controller.showStatus(tr("Cet élément ne peut pas être ouvert ici."));
}

} // namespace iris::accueil
