#include "modules/etatcivil/ui/ParametersPage.h"

#include "core/base/Validators.h"
#include "core/services/CoreServices.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/rules/ParameterCatalog.h"
#include "modules/etatcivil/ui/EtatCivilController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {
QTableWidget* table(QWidget* parent, const char* name, const QStringList& headers)
{
    auto* t = new QTableWidget(parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setColumnCount(int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    return t;
}
} // namespace

ParametersPage::ParametersPage(EtatCivilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"etatcivilParametersPage"_s);
    m_table = table(this, "parameterTable", {tr("Paramètre"), tr("Valeur en vigueur"), tr("Par défaut"), tr("Unité"), tr("Source")});
    m_history = table(this, "parameterHistoryTable", {tr("Paramètre"), tr("Valeur"), tr("À partir du"), tr("Par"), tr("Motif")});
    m_key = new QComboBox(this);
    m_key->setObjectName(u"parameterKeyCombo"_s);
    for (const ParameterDefinition& d : ParameterCatalog::definitions())
        m_key->addItem(d.label, d.key);
    m_value = new QLineEdit(this);
    m_value->setObjectName(u"parameterValueEdit"_s);
    m_from = new QLineEdit(QDate::currentDate().toString(u"dd/MM/yyyy"_s), this);
    m_from->setObjectName(u"parameterFromEdit"_s);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"parameterNoteEdit"_s);
    m_note->setPlaceholderText(tr("texte ou décision à l'origine du changement"));
    auto* save = new QPushButton(tr("&Enregistrer la nouvelle valeur"), this);
    save->setObjectName(u"parameterSaveButton"_s);
    m_message = new QLabel(this);
    m_message->setObjectName(u"parameterMessageLabel"_s);
    m_message->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Paramètre :"), m_key);
    form->addRow(tr("&Valeur :"), m_value);
    form->addRow(tr("À &partir du :"), m_from);
    form->addRow(tr("&Motif :"), m_note);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(u"<h2>"_s + tr("Paramètres de l'état civil") + u"</h2>"_s, this));
    layout->addWidget(m_table, 2);
    layout->addLayout(form);
    layout->addWidget(save);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("Historique :"), this));
    layout->addWidget(m_history, 1);
    connect(save, &QPushButton::clicked, this, &ParametersPage::save);
    reload();
}

void ParametersPage::reload()
{
    const ParameterStore& store = *m_controller.parameters();
    const auto settings = store.settingsAt(QDate::currentDate());
    const EtatCivilSettings now = settings ? *settings : EtatCivilSettings{};
    const QList<ParameterDefinition>& defs = ParameterCatalog::definitions();
    m_table->setRowCount(int(defs.size()));
    for (int i = 0; i < defs.size(); ++i) {
        const ParameterDefinition& d = defs.at(i);
        const QStringList cells{d.label, ParameterCatalog::valueIn(now, d.key),
                                ParameterCatalog::valueIn(EtatCivilSettings{}, d.key), d.unit, d.reference};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    const auto history = store.history();
    const QList<ParameterValue> rows = history ? *history : QList<ParameterValue>{};
    m_history->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const ParameterValue& v = rows.at(i);
        const ParameterDefinition* d = ParameterCatalog::find(v.key);
        const QStringList cells{d ? d->label : v.key, v.value, v.validFrom.toString(u"dd/MM/yyyy"_s), v.setByName, v.note};
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
}

void ParametersPage::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    auto saved = m_controller.parameters()->set(s->session(), s->audit(), m_key->currentData().toString(), m_value->text(),
                                                Validators::parseDate(m_from->text()), m_note->text());
    if (!saved) {
        m_message->setText(saved.error().toString());
        return;
    }
    m_message->setText(tr("Valeur enregistrée : elle s'applique à partir du %1.")
                           .arg(saved->validFrom.toString(u"dd/MM/yyyy"_s)));
    m_value->clear();
    m_note->clear();
    reload();
}

} // namespace iris::etatcivil
