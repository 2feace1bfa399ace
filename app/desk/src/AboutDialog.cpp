#include "app/desk/src/AboutDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::shell {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(true);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void addRow(QTableWidget* table, const QStringList& cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

} // namespace

AboutDialog::AboutDialog(const QList<ModuleSpec>& modules, const QList<ShortcutCollector::Row>& shortcuts,
    const QStringList& conflicts, const QString& databaseDescription, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("À propos d'IRIS Desk"));
    resize(760, 560);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createAboutTab(databaseDescription), tr("À &propos"));
    m_tabs->addTab(createModulesTab(modules), tr("&Modules"));
    m_tabs->addTab(createShortcutsTab(shortcuts, conflicts), tr("&Raccourcis clavier"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
}

void AboutDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(static_cast<int>(tab));
}

QWidget* AboutDialog::createAboutTab(const QString& databaseDescription)
{
    auto* tab = new QWidget(this);
    tab->setObjectName(u"aboutTab"_s);
    auto* text = new QLabel(tab);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setText(tr("<h2>IRIS Desk %1</h2>"
                     "<p>Poste de travail de l'accueil multicanal municipal (IRIS — Information et "
                     "Réception des ISséens) : visites, téléphone, courriels et courriers, fiche usager "
                     "360°, dossiers des services.</p>"
                     "<p><b>Base de données :</b> %2</p>"
                     "<p>Qt %3</p>")
                      .arg(QStringLiteral(IRIS_VERSION), databaseDescription.toHtmlEscaped(),
                          QString::fromLatin1(qVersion())));
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(text);
    layout->addStretch();
    return tab;
}

QWidget* AboutDialog::createModulesTab(const QList<ModuleSpec>& modules)
{
    auto* tab = new QWidget(this);
    tab->setObjectName(u"modulesTab"_s);
    auto* table = makeTable({ tr("Identifiant"), tr("Nom"), tr("Version"), tr("État"), tr("Raison") }, tab);
    table->setObjectName(u"modulesTable"_s);
    for (const ModuleSpec& spec : modules)
        addRow(table, { spec.id, spec.displayName(), spec.version, spec.stateLabel(), spec.errorText });
    table->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(tab);
    if (modules.isEmpty())
        layout->addWidget(new QLabel(tr("Aucun module trouvé."), tab));
    layout->addWidget(table);
    return tab;
}

QWidget* AboutDialog::createShortcutsTab(
    const QList<ShortcutCollector::Row>& shortcuts, const QStringList& conflicts)
{
    auto* tab = new QWidget(this);
    tab->setObjectName(u"shortcutsTab"_s);
    auto* table = makeTable({ tr("Raccourci"), tr("Action"), tr("Où") }, tab);
    table->setObjectName(u"shortcutsTable"_s);
    for (const ShortcutCollector::Row& row : shortcuts)
        addRow(table, { row.sequence.toString(QKeySequence::NativeText), row.description, row.where });
    table->resizeColumnsToContents();
    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(table);
    if (!conflicts.isEmpty()) {
        auto* refused = new QLabel(tr("Raccourcis refusés :\n%1").arg(conflicts.join(u'\n')), tab);
        refused->setObjectName(u"shortcutConflicts"_s);
        refused->setWordWrap(true);
        layout->addWidget(refused);
    }
    return tab;
}

} // namespace iris::shell
