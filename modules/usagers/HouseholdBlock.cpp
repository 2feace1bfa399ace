#include "modules/usagers/HouseholdBlock.h"

#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "core/services/HouseholdService.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenFormat.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

HouseholdBlock::HouseholdBlock(UsagersController& controller, QWidget* parent)
    : QGroupBox(tr("Foyer"), parent)
    , m_controller(controller)
    , m_summary(new QLabel(this))
    , m_members(new QTreeWidget(this))
    , m_create(new QPushButton(tr("Créer un foyer…"), this))
{
    setObjectName(QStringLiteral("householdBlock"));
    m_summary->setObjectName(QStringLiteral("householdSummary"));
    m_summary->setWordWrap(true);
    m_members->setObjectName(QStringLiteral("householdMembers"));
    m_members->setColumnCount(4);
    m_members->setHeaderLabels({tr("Membre"), tr("Lien"), tr("À charge"), tr("Naissance")});
    m_members->setRootIsDecorated(false);
    m_members->setUniformRowHeights(true);
    // Link, dependant and birth date are short and never cut; the names take the rest
    // (a long one is elided, whole in its tooltip and on the member's own page).
    m_members->header()->setStretchLastSection(false);
    m_members->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_members->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_members->setMaximumHeight(170);
    m_create->setObjectName(QStringLiteral("createHouseholdButton"));
    m_create->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_members);
    layout->addWidget(m_create, 0, Qt::AlignLeft);

    connect(m_members, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const qint64 id = item->data(0, Qt::UserRole).toLongLong();
        if (id > 0 && id != m_citizenId)
            Q_EMIT citizenActivated(id);
    });
    connect(m_create, &QPushButton::clicked, this, [this] { m_controller.manageHousehold(m_citizenId); });
}

int HouseholdBlock::memberCount() const
{
    return m_members->topLevelItemCount();
}

void HouseholdBlock::setCitizen(const Citizen& citizen)
{
    m_citizenId = citizen.id;
    m_members->clear();
    m_create->hide();
    CoreServices* services = m_controller.services();
    if (!services)
        return;
    const Result<Household> household = services->households().forCitizen(citizen.id);
    if (!household) {
        m_members->hide();
        if (household.error().code() == ErrorCode::NotFound) {
            m_summary->setText(tr("Cette personne n'est rattachée à aucun foyer."));
            m_create->setVisible(m_controller.can(perm::HouseholdWrite));
        } else {
            m_summary->setText(household.error().message());
        }
        return;
    }
    const Household& h = *household;
    QString summary = (h.size() > 1 ? tr("%1 — %2 personnes") : tr("%1 — %2 personne")).arg(h.label).arg(h.size());
    if (h.dependantCount() > 0)
        summary += QLatin1String(", ") + tr("dont %1 à charge").arg(h.dependantCount());
    m_summary->setText(summary);
    for (const HouseholdMember& m : h.members) {
        auto* item = new QTreeWidgetItem(m_members);
        item->setText(0, fmt::fullName(m.citizen));
        item->setToolTip(0, item->text(0));
        item->setText(1, householdLinkLabel(m.link));
        item->setText(2, m.dependant ? tr("oui") : QString());
        item->setText(3, fmt::date(m.citizen.birthDate));
        item->setData(0, Qt::UserRole, m.citizen.id);
        if (m.citizen.id == citizen.id) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int c = 0; c < 4; ++c)
                item->setFont(c, bold);
        }
    }
    m_members->show();
}

} // namespace iris::usagers
