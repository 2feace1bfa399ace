#include "modules/etatcivil/ui/ProceduresPage.h"

#include "core/base/Validators.h"
#include "core/modules/ModuleContext.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "core/services/DossierTypeRegistry.h"
#include "modules/etatcivil/data/ProcedureService.h"
#include "modules/etatcivil/data/ProcedureStates.h"
#include "modules/etatcivil/ui/EtatCivilController.h"
#include "modules/etatcivil/ui/ProcedureForm.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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
QString iso(const QString& typed)
{
    const QDate d = Validators::parseDate(typed);
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}
} // namespace

ProceduresPage::ProceduresPage(EtatCivilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"etatcivilProceduresPage"_s);
    m_controller.setProceduresPage(this);
    m_form = new ProcedureForm(controller, this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(u"procedureTable"_s);
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Référence"), tr("Démarche"), tr("Statut"), tr("Personne"), tr("Échéance"),
                                        tr("Signalement")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"procedureDetailLabel"_s);
    m_detail->setWordWrap(true);
    m_checklist = new QListWidget(this);
    m_checklist->setObjectName(u"checklistList"_s);
    const auto edit = [this](const char* name, const QString& placeholder) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QString::fromLatin1(name));
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_act1 = edit("birthAct1Edit", tr("délivré le jj/mm/aaaa"));
    m_act1Abroad = new QCheckBox(tr("à l'étranger"), this);
    m_act1Abroad->setObjectName(u"birthAct1AbroadCheck"_s);
    m_act2 = edit("birthAct2Edit", tr("délivré le jj/mm/aaaa"));
    m_act2Abroad = new QCheckBox(tr("à l'étranger"), this);
    m_act2Abroad->setObjectName(u"birthAct2AbroadCheck"_s);
    m_witnesses = edit("witnessesEdit", tr("témoins, séparés par des ;"));
    m_celebration = edit("celebrationEdit", tr("jj/mm/aaaa"));
    m_stampNumber = edit("stampNumberEdit", tr("n° du timbre fiscal"));
    m_stampEuros = edit("stampEurosEdit", tr("montant en €"));
    m_buttons = new QWidget(this);
    m_buttons->setObjectName(u"transitionButtons"_s);
    m_buttonsLayout = new QHBoxLayout(m_buttons);
    m_buttonsLayout->setContentsMargins(0, 0, 0, 0);
    auto* attestation = new QPushButton(tr("Remettre l'&attestation (PDF)"), this);
    attestation->setObjectName(u"attestationButton"_s);
    m_attestation = attestation;
    connect(attestation, &QPushButton::clicked, this, &ProceduresPage::issueAttestation);
    m_message = new QLabel(this);
    m_message->setObjectName(u"procedureMessageLabel"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(m_detail);
    sideLayout->addWidget(new QLabel(tr("Pièces (cocher = vérifiée) :"), side));
    sideLayout->addWidget(m_checklist, 1);
    auto* form = new QFormLayout;
    auto* act1 = new QHBoxLayout;
    act1->addWidget(m_act1);
    act1->addWidget(m_act1Abroad);
    auto* act2 = new QHBoxLayout;
    act2->addWidget(m_act2);
    act2->addWidget(m_act2Abroad);
    form->addRow(tr("Acte de naissance 1 :"), act1);
    form->addRow(tr("Acte de naissance 2 :"), act2);
    form->addRow(tr("Témoins :"), m_witnesses);
    form->addRow(tr("Célébration :"), m_celebration);
    form->addRow(tr("Timbre fiscal :"), m_stampNumber);
    form->addRow(tr("Montant :"), m_stampEuros);
    sideLayout->addLayout(form);
    sideLayout->addWidget(m_buttons);
    sideLayout->addWidget(m_attestation);
    sideLayout->addWidget(m_message);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_form);
    splitter->addWidget(m_table);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(u"<h2>"_s + tr("Démarches d'état civil au guichet") + u"</h2>"_s, this));
    layout->addWidget(splitter, 1);
    setFocusProxy(m_form);

    connect(m_form, &ProcedureForm::opened, this, [this](qint64 id) {
        reload();
        select(id);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProceduresPage::showCurrent);
    connect(m_checklist, &QListWidget::itemChanged, this, &ProceduresPage::toggleDocument);
    reload();
}

void ProceduresPage::reload()
{
    const Procedure* keep = current();
    const qint64 keepId = keep ? keep->dossier.id : 0;
    m_rows.clear();
    if (ProcedureService* service = m_controller.procedures()) {
        if (auto rows = service->list())
            m_rows = *rows;
        else
            m_message->setText(rows.error().message());
    }
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_rows.size()));
    const DossierTypeRegistry* types = m_controller.context().dossierTypes;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Procedure& p = m_rows.at(i);
        const DossierType* t = types ? types->type(p.dossier.typeId) : nullptr;
        const QStringList cells{p.dossier.reference, procedureLabel(p.kind),
                                t ? t->workflow.label(p.dossier.status) : p.dossier.status, p.personName(),
                                fr(p.dossier.dueDate), p.flag};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, p.dossier.id);
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (keepId > 0)
        select(keepId);
    showCurrent();
}

void ProceduresPage::select(qint64 dossierId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).dossier.id == dossierId)
            m_table->selectRow(i);
    }
}

const Procedure* ProceduresPage::current() const
{
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const qint64 id = items.first()->data(Qt::UserRole).toLongLong();
    for (const Procedure& p : m_rows) {
        if (p.dossier.id == id)
            return &p;
    }
    return nullptr;
}

void ProceduresPage::showCurrent()
{
    while (QLayoutItem* item = m_buttonsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QSignalBlocker block(m_checklist);
    m_checklist->clear();
    const Procedure* p = current();
    m_attestation->setVisible(p && p->kind == ProcedureKind::Recensement && p->dossier.status == states::Recue);
    if (!p) {
        m_detail->setText(tr("Choisissez une démarche dans la liste, ou ouvrez-en une nouvelle."));
        return;
    }
    QStringList lines{QString(u"<b>"_s + p->dossier.reference + u"</b> — "_s + procedureLabel(p->kind).toHtmlEscaped()),
                      p->personName().toHtmlEscaped()};
    if (p->flag == u"procureur")
        lines << tr("<b>Hors délai : renvoi au procureur de la République.</b>");
    if (p->flag == u"regularisation")
        lines << tr("Recensement hors délai (régularisation).");
    if (p->dossier.dueDate.isValid())
        lines << tr("Échéance : %1").arg(fr(p->dossier.dueDate));
    m_detail->setText(lines.join(u"<br/>"_s));
    CoreServices* s = m_controller.services();
    if (s) {
        if (auto docs = s->dossiers().documents(p->dossier.id)) {
            for (const DossierDocument& d : *docs) {
                auto* item = new QListWidgetItem(d.required ? d.label : tr("%1 (facultatif)").arg(d.label), m_checklist);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(d.state == DocumentState::Verified ? Qt::Checked : Qt::Unchecked);
                item->setData(Qt::UserRole, d.id);
                item->setData(Qt::UserRole + 1, d.version);
            }
        }
    }
    const DossierTypeRegistry* types = m_controller.context().dossierTypes;
    const DossierType* t = types ? types->type(p->dossier.typeId) : nullptr;
    if (!t)
        return;
    for (const WorkflowTransition& step : t->workflow.transitionsFrom(p->dossier.status)) {
        if (p->kind == ProcedureKind::Recensement && step.to == states::AttestationRemise)
            continue; // issued with its PDF by the attestation button
        auto* b = new QPushButton(step.label.isEmpty() ? t->workflow.label(step.to) : step.label, m_buttons);
        b->setObjectName(QString(u"transition_"_s + step.to));
        const QString to = step.to;
        connect(b, &QPushButton::clicked, this, [this, to] { advanceTo(to); });
        m_buttonsLayout->addWidget(b);
    }
}

QJsonObject ProceduresPage::patch() const
{
    QJsonObject o;
    if (!m_act1->text().trimmed().isEmpty()) {
        o.insert(detail::BirthAct1Issued, iso(m_act1->text()));
        o.insert(detail::BirthAct1Abroad, m_act1Abroad->isChecked());
    }
    if (!m_act2->text().trimmed().isEmpty()) {
        o.insert(detail::BirthAct2Issued, iso(m_act2->text()));
        o.insert(detail::BirthAct2Abroad, m_act2Abroad->isChecked());
    }
    if (!m_witnesses->text().trimmed().isEmpty()) {
        QJsonArray names;
        for (const QString& n : m_witnesses->text().split(u';', Qt::SkipEmptyParts))
            if (!n.trimmed().isEmpty())
                names.append(n.trimmed());
        o.insert(detail::Witnesses, names);
    }
    if (!m_celebration->text().trimmed().isEmpty())
        o.insert(detail::CelebrationDate, iso(m_celebration->text()));
    if (!m_stampNumber->text().trimmed().isEmpty())
        o.insert(detail::StampNumber, m_stampNumber->text().trimmed());
    if (!m_stampEuros->text().trimmed().isEmpty())
        o.insert(detail::StampEuros, m_stampEuros->text().trimmed().toInt());
    return o;
}

void ProceduresPage::advanceTo(const QString& to)
{
    const Procedure* p = current();
    ProcedureService* service = m_controller.procedures();
    if (!p || !service)
        return;
    auto moved = service->advance(p->dossier.id, p->dossier.version, to, patch());
    if (!moved) {
        m_message->setText(moved.error().toString());
        return;
    }
    m_message->setText(tr("Démarche %1 : étape enregistrée.").arg(moved->dossier.reference));
    m_controller.notifyChanged();
    reload();
}

void ProceduresPage::issueAttestation()
{
    const Procedure* p = current();
    ProcedureService* service = m_controller.procedures();
    if (!p || !service)
        return;
    auto issued = service->issueRecensementAttestation(p->dossier.id, p->dossier.version);
    if (!issued) {
        m_message->setText(issued.error().toString());
        return;
    }
    auto path = m_controller.writeAttestation(*issued);
    const QString text = path ? tr("Attestation %1 remise : %2").arg(issued->dossier.reference, *path)
                              : path.error().message();
    m_message->setText(text);
    m_message->setProperty("path", path ? *path : QString());
    m_controller.showStatus(text);
    m_controller.notifyChanged();
    reload();
}

void ProceduresPage::toggleDocument(QListWidgetItem* item)
{
    CoreServices* s = m_controller.services();
    if (!s || !item)
        return;
    const DocumentState state = item->checkState() == Qt::Checked ? DocumentState::Verified : DocumentState::Expected;
    auto saved = s->dossiers().setDocumentState(item->data(Qt::UserRole).toLongLong(),
                                                item->data(Qt::UserRole + 1).toInt(), state);
    if (!saved)
        m_message->setText(saved.error().toString());
    reload();
}

} // namespace iris::etatcivil
