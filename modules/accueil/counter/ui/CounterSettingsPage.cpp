#include "modules/accueil/counter/ui/CounterSettingsPage.h"

#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

QTableWidget* makeTable(const QString& name, const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells, bool active)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells.at(c));
        if (!active)
            item->setForeground(table->palette().color(QPalette::Disabled, QPalette::Text));
        table->setItem(row, c, item);
    }
}

QString comboText(const QComboBox* combo, qint64 id)
{
    const int i = combo->findData(id);
    return i >= 0 ? combo->itemText(i) : QString();
}

} // namespace

CounterSettingsPage::CounterSettingsPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    setObjectName(u"counterSettingsPage"_s);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"counterSettingsTabs"_s);
    tabs->addTab(buildCategories(), tr("&Catégories de tickets"));
    tabs->addTab(buildDesks(), tr("&Guichets"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);

    // Ctrl+S saves the form of the visible tab.
    auto* save = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(save, &QShortcut::activated, this, [this, tabs] {
        if (tabs->currentIndex() == 0)
            saveCategory();
        else
            saveDesk();
    });

    // Services and motives offered in the forms.
    if (CoreServices* services = m_controller.services()) {
        m_categoryService->addItem(tr("Accueil polyvalent"), 0);
        m_deskService->addItem(tr("Polyvalent (toutes les files sans guichet dédié)"), 0);
        if (const Result<QList<MunicipalService>> list = services->directory().list(); list) {
            for (const MunicipalService& s : *list) {
                m_categoryService->addItem(s.name, s.id);
                m_deskService->addItem(s.name, s.id);
            }
        }
        m_categoryMotive->addItem(tr("Aucun"), 0);
        if (const Result<QList<MotiveTheme>> themes = services->contacts().motiveThemes(); themes) {
            for (const MotiveTheme& t : *themes)
                m_categoryMotive->addItem(t.parentId ? QString(u"    "_s + t.label) : t.label, t.id);
        }
    }
    // A site configured before its first counter day starts from the default setup too.
    if (CoreServices* services = m_controller.services()) {
        if (const Result<bool> installed = CounterSetup(*services).installDefaults(); !installed)
            showResult(m_categoryMessage, installed.error().toString(), {});
    }
    reload();
}

QWidget* CounterSettingsPage::buildCategories()
{
    auto* page = new QWidget(this);
    m_categoryTable = makeTable(u"counterCategoryTable"_s,
                                {tr("Préfixe"), tr("Libellé"), tr("Service"), tr("Motif principal"), tr("Ordre"),
                                 tr("Active")},
                                page);
    m_categoryLabel = new QLineEdit(page);
    m_categoryLabel->setObjectName(u"counterCategoryLabel"_s);
    m_categoryPrefix = new QLineEdit(page);
    m_categoryPrefix->setObjectName(u"counterCategoryPrefix"_s);
    m_categoryPrefix->setMaxLength(1);
    m_categoryPrefix->setMaximumWidth(48);
    m_categoryService = new QComboBox(page);
    m_categoryService->setObjectName(u"counterCategoryService"_s);
    m_categoryMotive = new QComboBox(page);
    m_categoryMotive->setObjectName(u"counterCategoryMotive"_s);
    m_categoryOrder = new QSpinBox(page);
    m_categoryOrder->setObjectName(u"counterCategoryOrder"_s);
    m_categoryOrder->setRange(0, 9999);
    m_categoryActive = new QCheckBox(tr("Proposée à l'émission des tickets"), page);
    m_categoryActive->setObjectName(u"counterCategoryActive"_s);
    m_categoryMessage = new QLabel(page);
    m_categoryMessage->setObjectName(u"counterCategoryMessage"_s);
    m_categoryMessage->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Libellé"), m_categoryLabel);
    form->addRow(tr("&Préfixe (une lettre)"), m_categoryPrefix);
    form->addRow(tr("&Service de la file"), m_categoryService);
    form->addRow(tr("&Motif principal"), m_categoryMotive);
    form->addRow(tr("&Ordre d'affichage"), m_categoryOrder);
    form->addRow(QString(), m_categoryActive);

    auto* fresh = new QPushButton(tr("&Nouveau"), page);
    fresh->setObjectName(u"counterCategoryNew"_s);
    auto* save = new QPushButton(tr("&Enregistrer (Ctrl+S)"), page);
    save->setObjectName(u"counterCategorySave"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(fresh);
    buttons->addStretch(1);
    buttons->addWidget(save);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_categoryTable, 1);
    layout->addLayout(form);
    layout->addWidget(m_categoryMessage);
    layout->addLayout(buttons);

    connect(m_categoryTable, &QTableWidget::currentCellChanged, this, [this](int row) { editCategory(row); });
    connect(fresh, &QPushButton::clicked, this, [this] {
        m_categoryTable->clearSelection();
        editCategory(-1);
        m_categoryLabel->setFocus();
    });
    connect(save, &QPushButton::clicked, this, &CounterSettingsPage::saveCategory);
    return page;
}

QWidget* CounterSettingsPage::buildDesks()
{
    auto* page = new QWidget(this);
    m_deskTable = makeTable(u"counterDeskTable"_s, {tr("Numéro"), tr("Libellé"), tr("Service"), tr("Actif")}, page);
    m_deskNumber = new QSpinBox(page);
    m_deskNumber->setObjectName(u"counterDeskNumber"_s);
    m_deskNumber->setRange(1, 999);
    m_deskLabel = new QLineEdit(page);
    m_deskLabel->setObjectName(u"counterDeskLabel"_s);
    m_deskLabel->setPlaceholderText(tr("Facultatif : « Guichet CCAS »…"));
    m_deskService = new QComboBox(page);
    m_deskService->setObjectName(u"counterDeskService"_s);
    m_deskActive = new QCheckBox(tr("En service"), page);
    m_deskActive->setObjectName(u"counterDeskActive"_s);
    m_deskMessage = new QLabel(page);
    m_deskMessage->setObjectName(u"counterDeskMessage"_s);
    m_deskMessage->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("N&uméro affiché"), m_deskNumber);
    form->addRow(tr("&Libellé"), m_deskLabel);
    form->addRow(tr("&Service servi"), m_deskService);
    form->addRow(QString(), m_deskActive);

    auto* fresh = new QPushButton(tr("&Nouveau"), page);
    fresh->setObjectName(u"counterDeskNew"_s);
    auto* save = new QPushButton(tr("&Enregistrer (Ctrl+S)"), page);
    save->setObjectName(u"counterDeskSave"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(fresh);
    buttons->addStretch(1);
    buttons->addWidget(save);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_deskTable, 1);
    layout->addLayout(form);
    layout->addWidget(m_deskMessage);
    layout->addLayout(buttons);

    connect(m_deskTable, &QTableWidget::currentCellChanged, this, [this](int row) { editDesk(row); });
    connect(fresh, &QPushButton::clicked, this, [this] {
        m_deskTable->clearSelection();
        editDesk(-1);
        m_deskNumber->setFocus();
    });
    connect(save, &QPushButton::clicked, this, &CounterSettingsPage::saveDesk);
    return page;
}

void CounterSettingsPage::reload()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    const CounterSetup setup(*services);
    const Result<QList<TicketCategory>> categories = setup.categories(true);
    const Result<QList<Desk>> desks = setup.desks(true);
    if (!categories || !desks) {
        showResult(m_categoryMessage, (categories ? desks.error() : categories.error()).toString(), {});
        return;
    }
    m_categories = *categories;
    m_desks = *desks;

    {
        const QSignalBlocker block(m_categoryTable);
        m_categoryTable->setRowCount(int(m_categories.size()));
        for (int row = 0; row < m_categories.size(); ++row) {
            const TicketCategory& c = m_categories.at(row);
            setRow(m_categoryTable, row,
                   {c.prefix, c.label, comboText(m_categoryService, c.defaultServiceId),
                    comboText(m_categoryMotive, c.motiveThemeId).trimmed(), QString::number(c.sortOrder),
                    c.active ? tr("oui") : tr("non")},
                   c.active);
        }
    }
    {
        const QSignalBlocker block(m_deskTable);
        m_deskTable->setRowCount(int(m_desks.size()));
        for (int row = 0; row < m_desks.size(); ++row) {
            const Desk& d = m_desks.at(row);
            setRow(m_deskTable, row,
                   {QString::number(d.number), d.label, comboText(m_deskService, d.serviceId),
                    d.active ? tr("oui") : tr("non")},
                   d.active);
        }
    }
    m_categoryTable->resizeColumnsToContents();
    m_deskTable->resizeColumnsToContents();
    editCategory(m_categoryTable->currentRow());
    editDesk(m_deskTable->currentRow());
}

void CounterSettingsPage::editCategory(int row)
{
    m_category = row >= 0 && row < m_categories.size() ? m_categories.at(row) : TicketCategory{};
    m_categoryLabel->setText(m_category.label);
    m_categoryPrefix->setText(m_category.prefix);
    m_categoryService->setCurrentIndex(qMax(0, m_categoryService->findData(m_category.defaultServiceId)));
    m_categoryMotive->setCurrentIndex(qMax(0, m_categoryMotive->findData(m_category.motiveThemeId)));
    m_categoryOrder->setValue(m_category.id ? m_category.sortOrder
                                            : (m_categories.isEmpty() ? 10 : m_categories.constLast().sortOrder + 10));
    m_categoryActive->setChecked(m_category.active);
    m_categoryMessage->clear();
}

void CounterSettingsPage::editDesk(int row)
{
    m_desk = row >= 0 && row < m_desks.size() ? m_desks.at(row) : Desk{};
    int next = 1;
    for (const Desk& d : std::as_const(m_desks))
        next = qMax(next, d.number + 1);
    m_deskNumber->setValue(m_desk.id ? m_desk.number : qMin(next, 999));
    m_deskLabel->setText(m_desk.label);
    m_deskService->setCurrentIndex(qMax(0, m_deskService->findData(m_desk.serviceId)));
    m_deskActive->setChecked(m_desk.active);
    m_deskMessage->clear();
}

void CounterSettingsPage::saveCategory()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    TicketCategory c = m_category;
    c.label = m_categoryLabel->text().trimmed();
    c.prefix = m_categoryPrefix->text().trimmed();
    c.defaultServiceId = m_categoryService->currentData().toLongLong();
    c.motiveThemeId = m_categoryMotive->currentData().toLongLong();
    c.sortOrder = m_categoryOrder->value();
    c.active = m_categoryActive->isChecked();
    const Result<TicketCategory> saved = CounterSetup(*services).saveCategory(c);
    if (!saved) {
        showResult(m_categoryMessage, saved.error().toString(), {});
        return;
    }
    reload();
    for (int row = 0; row < m_categories.size(); ++row) {
        if (m_categories.at(row).id == saved->id)
            m_categoryTable->setCurrentCell(row, 0);
    }
    showResult(m_categoryMessage, {}, tr("Catégorie « %1 » enregistrée.").arg(saved->label));
    m_controller.showStatus(tr("Catégorie de tickets « %1 » enregistrée.").arg(saved->label));
}

void CounterSettingsPage::saveDesk()
{
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    Desk d = m_desk;
    d.number = m_deskNumber->value();
    d.label = m_deskLabel->text().trimmed();
    d.serviceId = m_deskService->currentData().toLongLong();
    d.active = m_deskActive->isChecked();
    const Result<Desk> saved = CounterSetup(*services).saveDesk(d);
    if (!saved) {
        showResult(m_deskMessage, saved.error().toString(), {});
        return;
    }
    reload();
    for (int row = 0; row < m_desks.size(); ++row) {
        if (m_desks.at(row).id == saved->id)
            m_deskTable->setCurrentCell(row, 0);
    }
    showResult(m_deskMessage, {}, tr("%1 enregistré.").arg(saved->displayName()));
    m_controller.showStatus(tr("%1 enregistré.").arg(saved->displayName()));
}

void CounterSettingsPage::showResult(QLabel* label, const QString& error, const QString& done)
{
    label->setStyleSheet(error.isEmpty() ? QString() : u"color: #b00020;"_s);
    label->setText(error.isEmpty() ? done : error);
}

} // namespace iris::accueil
