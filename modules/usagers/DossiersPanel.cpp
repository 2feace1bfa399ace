#include "modules/usagers/DossiersPanel.h"

#include "core/modules/ModuleContext.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/usagers/CitizenActivity.h"
#include "modules/usagers/UsagersController.h"
#include "modules/usagers/UsagersIds.h"
#include "ui/citizen/TimelineList.h"
#include "ui/citizen/TimelineModel.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace iris::usagers {

DossiersPanel::DossiersPanel(UsagersController& controller, qint64 citizenId, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_summary(new QLabel(this))
    , m_list(new ui::TimelineList(this))
    , m_events(new ui::TimelineList(this))
{
    setObjectName(QStringLiteral("dossiersPanel"));
    m_summary->setObjectName(QStringLiteral("dossiersSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("dossiersTimeline"));
    m_list->setPlaceholderText(tr("Aucun dossier pour cet usager."));
    m_events->setObjectName(QStringLiteral("dossierEventsTimeline"));
    m_events->setPlaceholderText(tr("Choisissez un dossier pour voir son historique."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_events);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_list->view());

    connect(m_list->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const ui::TimelineEntry* entry = m_list->model()->at(current.row());
                showEvents(entry ? entry->id : 0);
            });
    connect(m_list, &ui::TimelineList::entryActivated, this, [this](const ui::TimelineEntry& entry) {
        // Only hand over to a module that knows the dossier better than this panel.
        if (m_controller.context().shell && !m_controller.ownsDossierOpener())
            m_controller.context().shell->openRecord(ids::DossierKind, entry.id);
    });
    reload();
}

int DossiersPanel::shownCount() const
{
    return m_list->count();
}

void DossiersPanel::reload()
{
    CoreServices* services = m_controller.services();
    if (!services) {
        m_list->showMessage(tr("Aucun agent connecté."));
        return;
    }
    const CitizenActivity activity = CitizenActivity::load(*services, m_citizenId, CitizenActivity::Dossiers);
    if (!activity.dossiersLoaded) {
        m_dossiers.clear();
        m_summary->clear();
        m_list->showMessage(activity.dossiersError.message());
        return;
    }
    m_dossiers = activity.dossiers;
    const DossierTypeRegistry* types = m_controller.context().dossierTypes;
    const QDate today = QDate::currentDate();
    int open = 0;
    int overdue = 0;
    QList<ui::TimelineEntry> entries;
    for (const Dossier& d : std::as_const(m_dossiers)) {
        ui::TimelineEntry e;
        e.when = d.openedOn.startOfDay();
        e.category = CitizenActivity::dossierTypeLabel(types, d.typeId);
        e.title = d.subject.isEmpty() ? d.reference : QString(d.reference + QStringLiteral(" — ") + d.subject);
        QStringList detail{CitizenActivity::dossierStatusLabel(types, d)};
        if (d.isClosed()) {
            detail << tr("clos le %1").arg(d.closedAt.toString(QStringLiteral("dd/MM/yyyy")));
        } else {
            ++open;
            if (d.isOverdue(today)) {
                ++overdue;
                detail << tr("EN RETARD (échéance %1)").arg(d.dueDate.toString(QStringLiteral("dd/MM/yyyy")));
            } else if (d.dueDate.isValid()) {
                detail << tr("échéance %1").arg(d.dueDate.toString(QStringLiteral("dd/MM/yyyy")));
            }
        }
        e.detail = detail.join(QStringLiteral(" — "));
        e.highlighted = !d.isClosed();
        e.kind = ids::DossierKind;
        e.id = d.id;
        entries.append(e);
    }
    m_list->setEntries(std::move(entries));
    const int total = int(m_dossiers.size());
    QString summary = (total > 1 ? tr("%1 dossiers") : tr("%1 dossier")).arg(total);
    if (!m_dossiers.isEmpty()) {
        summary += QStringLiteral(" — ") + tr("%1 en cours").arg(open);
        if (overdue > 0)
            summary += QStringLiteral(", ") + tr("%1 en retard").arg(overdue);
    }
    m_summary->setText(summary);
    showEvents(0);
}

void DossiersPanel::showEvents(qint64 dossierId)
{
    CoreServices* services = m_controller.services();
    if (dossierId <= 0 || !services) {
        m_events->setEntries({});
        return;
    }
    const Result<QList<DossierEvent>> events = services->dossiers().timeline(dossierId);
    if (!events) {
        m_events->showMessage(events.error().message());
        return;
    }
    QList<ui::TimelineEntry> entries;
    for (const DossierEvent& ev : *events) {
        ui::TimelineEntry e;
        e.when = ev.at;
        e.category = ev.agentName.isEmpty() ? tr("Système") : ev.agentName;
        e.title = ev.text;
        entries.append(e);
    }
    m_events->setEntries(std::move(entries));
}

} // namespace iris::usagers
