#include "modules/usagers/Citizen360Page.h"

#include "core/security/Permissions.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/usagers/CitizenIdentityCard.h"
#include "modules/usagers/HouseholdBlock.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenFormat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

Citizen360Page::Citizen360Page(UsagersController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_error(new QLabel(this))
    , m_body(new QWidget(this))
{
    setObjectName(QStringLiteral("citizen360Page"));
    m_title->setObjectName(QStringLiteral("citizenTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    // Long names (several prénoms, compound noms) wrap rather than push the buttons and
    // the page past the window.
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setObjectName(QStringLiteral("citizenSubtitle"));
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("citizenError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_back = new QPushButton(tr("← Retour à la recherche"), this);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_back->setToolTip(tr("Revenir aux résultats (Alt+Gauche)"));
    m_edit = new QPushButton(tr("Modifier"), this);
    m_edit->setObjectName(QStringLiteral("editCitizenButton"));
    m_edit->setToolTip(tr("Modifier la fiche (Ctrl+E)"));
    m_household = new QPushButton(tr("Foyer…"), this);
    m_household->setObjectName(QStringLiteral("householdButton"));
    m_merge = new QPushButton(tr("Fusionner avec…"), this);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_edit->setVisible(m_controller.can(perm::CitizenWrite));
    m_household->setVisible(m_controller.can(perm::HouseholdWrite));
    m_merge->setVisible(m_controller.can(perm::CitizenMerge));

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addWidget(m_back, 0, Qt::AlignTop);
    header->addLayout(titles, 1);
    header->addWidget(m_household, 0, Qt::AlignTop);
    header->addWidget(m_merge, 0, Qt::AlignTop);
    header->addWidget(m_edit, 0, Qt::AlignTop);

    m_identity = new CitizenIdentityCard(m_body);
    m_householdBlock = new HouseholdBlock(m_controller, m_body);
    auto* left = new QWidget(m_body);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_identity);
    leftLayout->addWidget(m_householdBlock);
    leftLayout->addStretch(1);
    auto* leftScroll = new QScrollArea(m_body);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setWidget(left);
    // Room for the household table's columns beside a member's name.
    leftScroll->setMinimumWidth(leftScroll->fontMetrics().averageCharWidth() * 62);

    m_panels = new QTabWidget(m_body);
    m_panels->setObjectName(QStringLiteral("citizenPanels"));
    m_panels->setDocumentMode(true);

    auto* splitter = new QSplitter(Qt::Horizontal, m_body);
    splitter->addWidget(leftScroll);
    splitter->addWidget(m_panels);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(splitter);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addWidget(m_body, 1);

    setFocusProxy(m_panels);
    connect(m_back, &QPushButton::clicked, this, &Citizen360Page::backRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] { m_controller.editCitizen(m_citizen.id); });
    connect(m_household, &QPushButton::clicked, this, [this] { m_controller.manageHousehold(m_citizen.id); });
    connect(m_merge, &QPushButton::clicked, this, [this] { m_controller.mergeCitizens(m_citizen.id); });
    connect(m_householdBlock, &HouseholdBlock::citizenActivated, &m_controller, &UsagersController::openCitizen);
    connect(&m_controller, &UsagersController::householdChanged, this, [this] {
        if (m_citizen.id > 0)
            m_householdBlock->setCitizen(m_citizen);
    });

    auto* back = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    connect(back, &QShortcut::activated, this, &Citizen360Page::backRequested);
    // Alt+1…9 jump to a panel, for agents who never leave the keyboard.
    for (int i = 0; i < 9; ++i) {
        auto* jump = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this, nullptr, nullptr,
                                   Qt::WidgetWithChildrenShortcut);
        connect(jump, &QShortcut::activated, this, [this, i] {
            if (i < m_panels->count()) {
                m_panels->setCurrentIndex(i);
                m_panels->currentWidget()->setFocus(Qt::ShortcutFocusReason);
            }
        });
    }
}

Citizen360Page::~Citizen360Page() = default;

bool Citizen360Page::load(qint64 citizenId)
{
    CoreServices* services = m_controller.services();
    if (!services) {
        showError(tr("Aucun agent connecté."));
        return false;
    }
    const Result<Citizen> citizen = services->citizens().get(citizenId);
    if (!citizen) {
        m_citizen = Citizen{};
        m_citizen.id = 0;
        showError(citizen.error().message());
        return false;
    }
    m_citizen = *citizen;
    m_error->hide();
    m_body->show();
    showIdentity();
    rebuildPanels();
    return true;
}

void Citizen360Page::setCitizen(const Citizen& citizen)
{
    const bool samePerson = citizen.id == m_citizen.id;
    m_citizen = citizen;
    m_error->hide();
    m_body->show();
    showIdentity();
    if (!samePerson)
        rebuildPanels();
}

void Citizen360Page::showIdentity()
{
    m_title->setText(fmt::fullName(m_citizen));
    QStringList facts;
    if (m_citizen.birthDate.isValid())
        facts << fmt::bornOn(m_citizen.civilite, m_citizen.birthDate);
    if (!m_citizen.phone.isEmpty())
        facts << fmt::phone(m_citizen.phone);
    if (!m_citizen.address.city.isEmpty())
        facts << m_citizen.address.city;
    m_subtitle->setText(facts.join(QStringLiteral(" · ")));
    m_identity->setCitizen(m_citizen);
    m_householdBlock->setCitizen(m_citizen);
}

void Citizen360Page::rebuildPanels()
{
    while (m_panels->count() > 0) {
        QWidget* panel = m_panels->widget(0);
        m_panels->removeTab(0);
        delete panel;
    }
    for (const CitizenPanelSpec& spec : m_controller.visiblePanels()) {
        if (!spec.create)
            continue;
        QWidget* panel = spec.create(m_citizen.id, m_panels);
        if (!panel)
            continue;
        if (panel->objectName().isEmpty())
            panel->setObjectName(QString(QLatin1String("panel:") + spec.id));
        panel->setProperty("irisPanelId", spec.id);
        m_panels->addTab(panel, spec.title);
    }
}

QStringList Citizen360Page::panelIds() const
{
    QStringList ids;
    for (int i = 0; i < m_panels->count(); ++i)
        ids << m_panels->widget(i)->property("irisPanelId").toString();
    return ids;
}

bool Citizen360Page::showPanel(const QString& panelId)
{
    const int index = int(panelIds().indexOf(panelId));
    if (index < 0)
        return false;
    m_panels->setCurrentIndex(index);
    return true;
}

void Citizen360Page::showError(const QString& text)
{
    m_title->setText(tr("Fiche indisponible"));
    m_subtitle->clear();
    m_error->setText(text);
    m_error->show();
    m_body->hide();
}

} // namespace iris::usagers
