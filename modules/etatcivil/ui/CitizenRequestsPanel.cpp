#include "modules/etatcivil/ui/CitizenRequestsPanel.h"

#include "core/modules/ModuleContext.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierTypeRegistry.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/ui/EtatCivilController.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

CitizenRequestsPanel::CitizenRequestsPanel(EtatCivilController& controller, qint64 citizenId, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(u"etatcivilCitizenPanel"_s);
    m_summary->setObjectName(u"etatcivilCitizenSummary"_s);
    m_table->setObjectName(u"etatcivilCitizenTable"_s);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Référence"), tr("Objet"), tr("Qualité"), tr("Statut"), tr("Échéance")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto* newRequest = new QPushButton(tr("Nouvelle demande d'acte pour cet usager"), this);
    newRequest->setObjectName(u"etatcivilNewRequestButton"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(newRequest);
    setFocusProxy(m_table);

    connect(m_table, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (item->data(Qt::UserRole + 1).toBool())
            m_controller.openRequest(id);
        else
            m_controller.openProcedure(id);
    });
    connect(newRequest, &QPushButton::clicked, this, [this] { m_controller.newRequestFor(m_citizenId); });
    connect(&m_controller, &EtatCivilController::requestsChanged, this, &CitizenRequestsPanel::reload);
    reload();
}

int CitizenRequestsPanel::rowCount() const
{
    return m_table->rowCount();
}

void CitizenRequestsPanel::reload()
{
    m_table->setRowCount(0);
    ActRequestService* requests = m_controller.requests();
    ProcedureService* procedures = m_controller.procedures();
    if (!requests || !procedures) {
        m_summary->setText(tr("Aucun agent connecté."));
        return;
    }
    ActRequestFilter filter;
    filter.citizenId = m_citizenId;
    auto acts = requests->list(filter);
    auto procs = procedures->list({}, false, m_citizenId);
    if (!acts || !procs) {
        m_summary->setText((acts ? procs.error() : acts.error()).message());
        return;
    }
    const DossierTypeRegistry* types = m_controller.context().dossierTypes;
    const auto add = [this](const QStringList& cells, qint64 id, bool isRequest, bool open) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, id);
            item->setData(Qt::UserRole + 1, isRequest);
            if (open) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(row, c, item);
        }
    };
    int open = 0;
    for (const ActRequest& r : std::as_const(*acts)) {
        const QString role = r.dossier.citizenId == m_citizenId ? tr("demandeur") : tr("personne sur l'acte");
        add({r.dossier.reference, r.hasDetails ? r.describe() : r.dossier.subject, role,
             ActRequestService::statusLabel(r.dossier.status), r.dossier.dueDate.toString(u"dd/MM/yyyy"_s)},
            r.dossier.id, true, !r.dossier.isClosed());
        open += r.dossier.isClosed() ? 0 : 1;
    }
    for (const Procedure& p : std::as_const(*procs)) {
        const DossierType* t = types ? types->type(p.dossier.typeId) : nullptr;
        add({p.dossier.reference, procedureLabel(p.kind), tr("usager"),
             t ? t->workflow.label(p.dossier.status) : p.dossier.status, p.dossier.dueDate.toString(u"dd/MM/yyyy"_s)},
            p.dossier.id, false, !p.dossier.isClosed());
        open += p.dossier.isClosed() ? 0 : 1;
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%n demande(s) ou démarche(s) d'état civil", nullptr, m_table->rowCount())
                       + QString(u" — "_s) + tr("%n en cours", nullptr, open));
}

} // namespace iris::etatcivil
