#include "modules/usagers/HouseholdDialog.h"

#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/services/HouseholdService.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenPicker.h"
#include "ui/widgets/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

static QComboBox* linkCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    for (HouseholdLink link : allHouseholdLinks())
        combo->addItem(householdLinkLabel(link), householdLinkId(link));
    return combo;
}

static HouseholdLink linkOf(const QComboBox* combo)
{
    HouseholdLink link = HouseholdLink::Autre;
    householdLinkFromId(combo->currentData().toString(), &link);
    return link;
}

HouseholdDialog::HouseholdDialog(UsagersController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_views(new QStackedWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("householdDialog"));
    setWindowTitle(tr("Foyer"));
    setAttribute(Qt::WA_DeleteOnClose);

    // No household yet: offer to create one around this citizen.
    auto* none = new QWidget(m_views);
    none->setObjectName(QStringLiteral("householdNoneView"));
    auto* noneText = new QLabel(tr("Cette personne n'est rattachée à aucun foyer. Créez-le : elle en sera le "
                                   "chef de famille, puis ajoutez les autres membres."),
                                none);
    noneText->setWordWrap(true);
    m_labelEdit = new QLineEdit(none);
    m_labelEdit->setObjectName(QStringLiteral("householdLabelEdit"));
    m_labelEdit->setPlaceholderText(tr("« Foyer <nom> » si vide"));
    auto* create = new QPushButton(tr("&Créer le foyer"), none);
    create->setObjectName(QStringLiteral("createHouseholdConfirmButton"));
    auto* noneForm = new QFormLayout;
    noneForm->addRow(tr("&Nom du foyer"), m_labelEdit);
    auto* noneLayout = new QVBoxLayout(none);
    noneLayout->addWidget(noneText);
    noneLayout->addLayout(noneForm);
    noneLayout->addWidget(create, 0, Qt::AlignRight);
    noneLayout->addStretch(1);
    connect(create, &QPushButton::clicked, this, [this] { createHousehold(m_labelEdit->text().trimmed()); });

    // The household: members, then "add a member".
    auto* view = new QWidget(m_views);
    view->setObjectName(QStringLiteral("householdView"));
    m_title = new QLabel(view);
    m_title->setObjectName(QStringLiteral("householdTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_table = new QTableWidget(0, 4, view);
    m_table->setObjectName(QStringLiteral("householdMembersTable"));
    m_table->setHorizontalHeaderLabels({tr("Membre"), tr("Lien"), tr("À charge"), tr("Naissance")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_remove = new QPushButton(tr("&Retirer du foyer"), view);
    m_remove->setObjectName(QStringLiteral("removeMemberButton"));
    m_remove->setAutoDefault(false);
    m_dissolve = new QPushButton(tr("Dissoudre le foyer…"), view);
    m_dissolve->setObjectName(QStringLiteral("dissolveHouseholdButton"));
    m_dissolve->setAutoDefault(false);
    auto* memberButtons = new QHBoxLayout;
    memberButtons->addWidget(m_remove);
    memberButtons->addStretch(1);
    memberButtons->addWidget(m_dissolve);

    auto* addBox = new QGroupBox(tr("Ajouter un membre"), view);
    m_picker = new ui::CitizenPicker(addBox);
    m_picker->setObjectName(QStringLiteral("householdPicker"));
    m_picker->setSearchFunction(m_controller.searchFunction());
    m_newLink = linkCombo(addBox);
    m_newLink->setObjectName(QStringLiteral("newMemberLinkCombo"));
    m_newLink->setCurrentIndex(m_newLink->findData(householdLinkId(HouseholdLink::Enfant)));
    m_newDependant = new QCheckBox(tr("À &charge"), addBox);
    m_newDependant->setObjectName(QStringLiteral("newMemberDependantCheck"));
    m_add = new QPushButton(tr("&Ajouter au foyer"), addBox);
    m_add->setObjectName(QStringLiteral("addMemberButton"));
    m_add->setAutoDefault(false);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(new QLabel(tr("Lien :"), addBox));
    addRow->addWidget(m_newLink);
    addRow->addWidget(m_newDependant);
    addRow->addStretch(1);
    addRow->addWidget(m_add);
    auto* addLayout = new QVBoxLayout(addBox);
    addLayout->addWidget(m_picker, 1);
    addLayout->addLayout(addRow);

    auto* viewLayout = new QVBoxLayout(view);
    viewLayout->addWidget(m_title);
    viewLayout->addWidget(m_table, 1);
    viewLayout->addLayout(memberButtons);
    viewLayout->addWidget(addBox, 1);

    m_views->addWidget(none);
    m_views->addWidget(view);

    m_error->setObjectName(QStringLiteral("householdError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_views, 1);
    layout->addWidget(close);

    const auto addChosen = [this] {
        const qint64 id = m_picker->currentCitizenId();
        if (id > 0)
            addMember(id, linkOf(m_newLink), m_newDependant->isChecked());
    };
    connect(m_add, &QPushButton::clicked, this, addChosen);
    connect(m_picker, &ui::CitizenPicker::citizenActivated, this, addChosen);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            removeMember(m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_dissolve, &QPushButton::clicked, this, [this] {
        if (ui::MessageBox::question(this, tr("Dissoudre le foyer"),
                                     tr("Les membres restent dans l'annuaire mais ne sont plus rattachés à ce "
                                        "foyer. Continuer ?"))
            == QMessageBox::Yes)
            dissolve();
    });
    resize(760, 620);
}

HouseholdDialog::~HouseholdDialog() = default;

void HouseholdDialog::startFor(qint64 citizenId)
{
    m_citizenId = citizenId;
    reload();
}

void HouseholdDialog::reload()
{
    CoreServices* services = m_controller.services();
    if (!services) {
        showError(Error(ErrorCode::PermissionDenied, tr("Aucun agent connecté.")));
        return;
    }
    const Result<Household> household = services->households().forCitizen(m_citizenId);
    if (!household) {
        m_household.reset();
        if (household.error().code() != ErrorCode::NotFound)
            showError(household.error());
        m_views->setCurrentIndex(0);
        m_labelEdit->setFocus();
        return;
    }
    m_household = *household;
    showHousehold();
}

void HouseholdDialog::showHousehold()
{
    const Household& h = *m_household;
    m_title->setText((h.size() > 1 ? tr("%1 — %2 personnes") : tr("%1 — %2 personne")).arg(h.label).arg(h.size()));
    setWindowTitle(h.label);
    m_table->setRowCount(int(h.members.size()));
    QList<qint64> memberIds;
    int row = 0;
    for (const HouseholdMember& m : h.members) {
        const qint64 id = m.citizen.id;
        memberIds << id;
        auto* name = new QTableWidgetItem(fmt::fullName(m.citizen));
        name->setData(Qt::UserRole, id);
        m_table->setItem(row, 0, name);
        auto* link = linkCombo(m_table);
        link->setObjectName(QStringLiteral("memberLink_%1").arg(id));
        link->setCurrentIndex(link->findData(householdLinkId(m.link)));
        m_table->setCellWidget(row, 1, link);
        auto* dependant = new QCheckBox(m_table);
        dependant->setObjectName(QStringLiteral("memberDependant_%1").arg(id));
        dependant->setChecked(m.dependant);
        m_table->setCellWidget(row, 2, dependant);
        m_table->setItem(row, 3, new QTableWidgetItem(fmt::date(m.citizen.birthDate)));
        // Changes apply at once. The values are read now and the call is queued, so the
        // table (and these widgets) is not rebuilt under their own signal.
        const auto change = [this, id, link, dependant] {
            const HouseholdLink newLink = linkOf(link);
            const bool newDependant = dependant->isChecked();
            QMetaObject::invokeMethod(
                this, [this, id, newLink, newDependant] { setMember(id, newLink, newDependant); },
                Qt::QueuedConnection);
        };
        connect(link, &QComboBox::activated, this, change);
        connect(dependant, &QCheckBox::clicked, this, change);
        ++row;
    }
    m_picker->setExcludedIds(memberIds);
    m_views->setCurrentIndex(1);
}

bool HouseholdDialog::apply(const Result<Household>& result)
{
    if (!result) {
        showError(result.error());
        if (result.error().code() == ErrorCode::Conflict) {
            reload();  // someone else changed it: show the current state under the message
            if (m_household)
                Q_EMIT m_controller.householdChanged(m_household->id);
        }
        return false;
    }
    clearError();
    m_household = *result;
    showHousehold();
    Q_EMIT m_controller.householdChanged(m_household->id);
    return true;
}

bool HouseholdDialog::createHousehold(const QString& label)
{
    CoreServices* services = m_controller.services();
    if (!services)
        return false;
    return apply(services->households().create(m_citizenId, label));
}

bool HouseholdDialog::addMember(qint64 citizenId, HouseholdLink link, bool dependant)
{
    CoreServices* services = m_controller.services();
    if (!services || !m_household)
        return false;
    const bool ok = apply(services->households().addMember(m_household->id, m_household->version, citizenId, link,
                                                            dependant));
    if (ok) {
        m_picker->setQuery(QString());
        m_newDependant->setChecked(false);
        m_controller.showStatus(tr("Membre ajouté au foyer."));
    }
    return ok;
}

bool HouseholdDialog::setMember(qint64 citizenId, HouseholdLink link, bool dependant)
{
    CoreServices* services = m_controller.services();
    if (!services || !m_household)
        return false;
    return apply(services->households().setMember(m_household->id, m_household->version, citizenId, link,
                                                  dependant));
}

bool HouseholdDialog::removeMember(qint64 citizenId)
{
    CoreServices* services = m_controller.services();
    if (!services || !m_household)
        return false;
    const bool ok = apply(services->households().removeMember(m_household->id, m_household->version, citizenId));
    // The dialog follows its citizen: once they left, show that they have no household.
    if (ok && citizenId == m_citizenId)
        reload();
    return ok;
}

bool HouseholdDialog::dissolve()
{
    CoreServices* services = m_controller.services();
    if (!services || !m_household)
        return false;
    const qint64 householdId = m_household->id;
    const Result<void> done = services->households().remove(householdId, m_household->version);
    if (!done) {
        showError(done.error());
        if (done.error().code() == ErrorCode::Conflict) {
            reload();
            Q_EMIT m_controller.householdChanged(householdId);
        }
        return false;
    }
    clearError();
    m_household.reset();
    Q_EMIT m_controller.householdChanged(householdId);
    m_controller.showStatus(tr("Foyer dissous."));
    reload();
    return true;
}

void HouseholdDialog::showError(const Error& error)
{
    m_error->setText(error.toString());
    m_error->show();
}

void HouseholdDialog::clearError()
{
    m_error->hide();
}

} // namespace iris::usagers
