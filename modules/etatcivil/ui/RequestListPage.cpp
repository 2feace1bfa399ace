#include "modules/etatcivil/ui/RequestListPage.h"

#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestService.h"
#include "modules/etatcivil/ui/EtatCivilController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {
QString fr(const QDate& d)
{
    return d.isValid() ? d.toString(u"dd/MM/yyyy"_s) : QString();
}
} // namespace

RequestListPage::RequestListPage(EtatCivilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"etatcivilRequestsPage"_s);
    m_controller.setRequestsPage(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusFilterCombo"_s);
    m_status->addItem(tr("Tous les statuts"), QString());
    for (const QString& s : {ids::Recue, ids::EnRecherche, ids::Prete, ids::Delivree, ids::Refusee, ids::Orientee})
        m_status->addItem(ActRequestService::statusLabel(s), s);
    m_overdue = new QCheckBox(tr("En &retard seulement"), this);
    m_overdue->setObjectName(u"overdueCheck"_s);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"requestSearchEdit"_s);
    m_search->setPlaceholderText(tr("Référence, personne ou demandeur…"));
    m_search->setClearButtonEnabled(true);

    m_table = new QTableWidget(this);
    m_table->setObjectName(u"requestTable"_s);
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Référence"), tr("Reçue le"), tr("Échéance"), tr("Statut"), tr("Document"),
                                        tr("Personne"), tr("Demandeur"), tr("Droit")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    m_detail = new QLabel(this);
    m_detail->setObjectName(u"requestDetailLabel"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_year = new QLineEdit(this);
    m_year->setObjectName(u"registerYearEdit"_s);
    m_year->setPlaceholderText(tr("année"));
    m_number = new QLineEdit(this);
    m_number->setObjectName(u"registerNumberEdit"_s);
    m_number->setPlaceholderText(tr("n° d'acte"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"reasonEdit"_s);
    m_reason->setPlaceholderText(tr("motif du refus, ou destinataire de l'orientation"));
    const auto button = [this](const char* name, const QString& text) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    m_startSearch = button("startSearchButton", tr("Rec&hercher l'acte"));
    m_ready = button("readyButton", tr("Acte &trouvé"));
    m_deliver = button("deliverButton", tr("&Délivrer (Ctrl+D)"));
    m_refuse = button("refuseButton", tr("Re&fuser (Ctrl+Shift+R)"));
    m_orient = button("orientButton", tr("&Orienter (Ctrl+Shift+O)"));
    m_document = new QLabel(this);
    m_document->setObjectName(u"documentLabel"_s);
    m_document->setWordWrap(true);
    m_document->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName(u"requestErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_overdue);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_detail);
    auto* refForm = new QFormLayout;
    auto* refRow = new QHBoxLayout;
    refRow->addWidget(m_year);
    refRow->addWidget(m_number);
    refForm->addRow(tr("Registre :"), refRow);
    refForm->addRow(tr("Motif / destinataire :"), m_reason);
    sideLayout->addLayout(refForm);
    for (QPushButton* b : {m_startSearch, m_ready, m_deliver, m_refuse, m_orient})
        sideLayout->addWidget(b);
    sideLayout->addWidget(m_error);
    sideLayout->addWidget(m_document);
    sideLayout->addStretch();
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(u"<h2>"_s + tr("Demandes d'actes") + u"</h2>"_s, this));
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_search);

    connect(m_status, &QComboBox::currentIndexChanged, this, &RequestListPage::reload);
    connect(m_overdue, &QCheckBox::toggled, this, &RequestListPage::reload);
    connect(m_search, &QLineEdit::textChanged, this, &RequestListPage::reload);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RequestListPage::showCurrent);
    connect(m_startSearch, &QPushButton::clicked, this, &RequestListPage::startSearch);
    connect(m_ready, &QPushButton::clicked, this, &RequestListPage::markReady);
    connect(m_deliver, &QPushButton::clicked, this, &RequestListPage::deliver);
    connect(m_refuse, &QPushButton::clicked, this, &RequestListPage::refuse);
    connect(m_orient, &QPushButton::clicked, this, &RequestListPage::orient);
    connect(&m_controller, &EtatCivilController::requestsChanged, this, &RequestListPage::reload);
    reload();
}

void RequestListPage::setOverdueOnly(bool on)
{
    m_overdue->setChecked(on);
}

void RequestListPage::reload()
{
    const qint64 keep = currentId();
    ActRequestService* service = m_controller.requests();
    m_rows.clear();
    if (service) {
        ActRequestFilter filter;
        filter.status = m_status->currentData().toString();
        filter.overdueOnly = m_overdue->isChecked();
        filter.text = m_search->text();
        auto rows = service->list(filter);
        if (rows)
            m_rows = *rows;
        else
            m_error->setText(rows.error().message());
    }
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_rows.size()));
    const QDate today = QDate::currentDate();
    for (int i = 0; i < m_rows.size(); ++i) {
        const ActRequest& r = m_rows.at(i);
        const bool late = r.dossier.isOverdue(today);
        const QStringList cells{r.dossier.reference,
                                fr(r.dossier.openedOn),
                                late ? tr("%1 — EN RETARD").arg(fr(r.dossier.dueDate)) : fr(r.dossier.dueDate),
                                ActRequestService::statusLabel(r.dossier.status),
                                r.hasDetails ? QString(labelOf(r.document) + u" — "_s + labelOf(r.actType)) : r.dossier.subject,
                                r.personName(),
                                r.requesterName(),
                                !r.hasDetails ? QString() : r.entitlement.allowed() ? tr("autorisé") : tr("refusé")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, r.dossier.id);
            if (late)
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (keep > 0)
        selectRow(keep);
    showCurrent();
}

bool RequestListPage::selectRow(qint64 dossierId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).dossier.id == dossierId) {
            m_table->selectRow(i);
            return true;
        }
    }
    return false;
}

void RequestListPage::select(qint64 dossierId)
{
    if (selectRow(dossierId))
        return;
    // Opened from elsewhere ("À traiter", a search hit): shown whatever the filters were.
    {
        const QSignalBlocker a(m_status), b(m_overdue), c(m_search);
        m_status->setCurrentIndex(0);
        m_overdue->setChecked(false);
        m_search->clear();
    }
    reload();
    selectRow(dossierId);
}

const ActRequest* RequestListPage::current() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const qint64 id = items.first()->data(Qt::UserRole).toLongLong();
    for (const ActRequest& r : m_rows) {
        if (r.dossier.id == id)
            return &r;
    }
    return nullptr;
}

qint64 RequestListPage::currentId() const
{
    const ActRequest* r = current();
    return r ? r->dossier.id : 0;
}

void RequestListPage::showCurrent()
{
    const ActRequest* r = current();
    const QString s = r ? r->dossier.status : QString();
    const bool allowed = r && (!r->hasDetails || r->entitlement.allowed());
    const bool held = r && (!r->hasDetails || r->location.held());
    m_startSearch->setEnabled(r && s == ids::Recue && allowed && held);
    m_ready->setEnabled(r && s == ids::EnRecherche && allowed && held);
    m_deliver->setEnabled(r && s == ids::Prete);
    m_refuse->setEnabled(r && (s == ids::Recue || s == ids::EnRecherche));
    m_orient->setEnabled(r && (s == ids::Recue || s == ids::EnRecherche) && allowed);
    if (!r) {
        m_detail->setText(tr("Choisissez une demande dans la liste."));
        return;
    }
    QStringList lines{QString(u"<b>"_s + r->dossier.reference.toHtmlEscaped() + u"</b> — "_s
                              + ActRequestService::statusLabel(s).toHtmlEscaped())};
    if (r->hasDetails) {
        lines << r->describe().toHtmlEscaped();
        lines << tr("Demandeur : %1 (%2)").arg(r->requesterName(), labelOf(r->requesterLink)).toHtmlEscaped();
        lines << tr("Droit d'accès : %1").arg(r->entitlement.reason).toHtmlEscaped();
        lines << r->location.explanation.toHtmlEscaped();
        if (r->registerYear > 0)
            lines << tr("Registre %1, acte n° %2").arg(r->registerYear).arg(r->registerNumber).toHtmlEscaped();
        if (!r->refusalReason.isEmpty())
            lines << tr("Motif du refus : %1").arg(r->refusalReason).toHtmlEscaped();
        if (s == ids::Orientee)
            lines << tr("Orientée vers : %1").arg(r->location.destination).toHtmlEscaped();
    } else {
        lines << r->dossier.subject.toHtmlEscaped();
    }
    m_detail->setText(lines.join(u"<br/>"_s));
}

void RequestListPage::after(const Result<ActRequest>& result, const QString& documentKind)
{
    if (!result) {
        m_error->setText(result.error().toString());
        return;
    }
    m_error->clear();
    QString text = tr("Demande %1 : %2.").arg(result->dossier.reference, ActRequestService::statusLabel(result->dossier.status));
    if (!documentKind.isEmpty() && result->hasDetails) {
        auto path = m_controller.writeDocument(*result, documentKind);
        text += u' ' + (path ? tr("Document : %1").arg(*path) : path.error().message());
        m_document->setProperty("path", path ? *path : QString());
    }
    m_document->setText(text);
    m_controller.showStatus(text);
    m_controller.notifyChanged();
    select(result->dossier.id);
}

void RequestListPage::startSearch()
{
    const ActRequest* r = current();
    if (r && m_controller.requests())
        after(m_controller.requests()->startSearch(r->dossier.id, r->dossier.version), {});
}

void RequestListPage::markReady()
{
    const ActRequest* r = current();
    if (r && m_controller.requests())
        after(m_controller.requests()->markReady(r->dossier.id, r->dossier.version, m_year->text().toInt(), m_number->text()),
              {});
}

void RequestListPage::deliver()
{
    const ActRequest* r = current();
    if (r && m_controller.requests())
        after(m_controller.requests()->deliver(r->dossier.id, r->dossier.version), u"bordereau"_s);
}

void RequestListPage::refuse()
{
    const ActRequest* r = current();
    if (r && m_controller.requests())
        after(m_controller.requests()->refuse(r->dossier.id, r->dossier.version, m_reason->text()), u"refus"_s);
}

void RequestListPage::orient()
{
    const ActRequest* r = current();
    if (r && m_controller.requests())
        after(m_controller.requests()->orient(r->dossier.id, r->dossier.version, m_reason->text()), u"orientation"_s);
}

} // namespace iris::etatcivil
