#include "modules/usagers/DirectoryPage.h"

#include "core/domain/Citizen.h"
#include "core/security/Permissions.h"
#include "modules/usagers/Citizen360Page.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenPicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace iris::usagers {

DirectoryPage::DirectoryPage(UsagersController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_stack(new QStackedWidget(this))
    , m_searchView(new QWidget(m_stack))
    , m_picker(new ui::CitizenPicker(m_searchView))
{
    setObjectName(QStringLiteral("usagersDirectoryPage"));
    m_searchView->setObjectName(QStringLiteral("usagersSearchView"));

    auto* title = new QLabel(tr("Usagers"), m_searchView);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    m_newButton = new QPushButton(tr("Nouvel usager"), m_searchView);
    m_newButton->setObjectName(QStringLiteral("newCitizenButton"));
    m_newButton->setToolTip(tr("Créer une fiche (Ctrl+N)"));
    m_mergeButton = new QPushButton(tr("Fusionner deux fiches…"), m_searchView);
    m_mergeButton->setObjectName(QStringLiteral("mergeCitizensButton"));
    m_newButton->setVisible(m_controller.can(perm::CitizenWrite));
    m_mergeButton->setVisible(m_controller.can(perm::CitizenMerge));

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_mergeButton);
    header->addWidget(m_newButton);

    m_picker->setSearchFunction(m_controller.searchFunction());
    auto* searchLayout = new QVBoxLayout(m_searchView);
    searchLayout->addLayout(header);
    searchLayout->addWidget(m_picker, 1);
    m_stack->addWidget(m_searchView);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setFocusProxy(m_picker);

    connect(m_picker, &ui::CitizenPicker::citizenActivated, this, &DirectoryPage::showCitizen);
    connect(m_newButton, &QPushButton::clicked, this, [this] {
        // Start the record from what the agent was looking for.
        Citizen prefill;
        const QString typed = m_picker->query().trimmed();
        if (!typed.isEmpty() && !typed.at(0).isDigit() && !typed.startsWith(QLatin1Char('+'))
            && !typed.contains(QLatin1Char('@'))) {
            const qsizetype space = typed.indexOf(QLatin1Char(' '));
            prefill.nomUsage = space < 0 ? typed : typed.left(space);
            prefill.prenoms = space < 0 ? QString() : typed.mid(space + 1).trimmed();
        }
        m_controller.newCitizen(prefill);
    });
    connect(m_mergeButton, &QPushButton::clicked, this, [this] { m_controller.mergeCitizens(currentCitizenId()); });
    connect(&m_controller, &UsagersController::citizenSaved, this, &DirectoryPage::onCitizenSaved);
    connect(&m_controller, &UsagersController::citizenMerged, this, &DirectoryPage::onCitizensMerged);
}

DirectoryPage::~DirectoryPage() = default;

void DirectoryPage::showSearch()
{
    m_stack->setCurrentWidget(m_searchView);
    m_picker->focusSearch();
}

void DirectoryPage::showCitizen(qint64 citizenId)
{
    if (citizenId <= 0)
        return;
    if (!m_citizenPage) {
        m_citizenPage = new Citizen360Page(m_controller, m_stack);
        m_stack->addWidget(m_citizenPage);
        connect(m_citizenPage, &Citizen360Page::backRequested, this, &DirectoryPage::showSearch);
    }
    m_citizenPage->load(citizenId);
    m_stack->setCurrentWidget(m_citizenPage);
    m_citizenPage->setFocus(Qt::OtherFocusReason);
}

bool DirectoryPage::isShowingCitizen() const
{
    return m_citizenPage && m_stack->currentWidget() == m_citizenPage;
}

qint64 DirectoryPage::currentCitizenId() const
{
    if (isShowingCitizen())
        return m_citizenPage->citizenId();
    return m_picker->currentCitizenId();
}

void DirectoryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Arriving on the page (its shortcut, the navigation): ready to type a name.
    if (m_stack->currentWidget() == m_searchView)
        m_picker->focusSearch();
}

void DirectoryPage::focusSearch()
{
    showSearch();
}

void DirectoryPage::onCitizenSaved(const Citizen& citizen)
{
    if (!m_picker->query().trimmed().isEmpty())
        m_picker->refresh();
    if (m_citizenPage && m_citizenPage->citizenId() == citizen.id)
        m_citizenPage->setCitizen(citizen);
}

void DirectoryPage::onCitizensMerged(qint64 keptId, qint64 absorbedId)
{
    if (!m_picker->query().trimmed().isEmpty())
        m_picker->refresh();
    if (m_citizenPage && (m_citizenPage->citizenId() == absorbedId || m_citizenPage->citizenId() == keptId)) {
        if (isShowingCitizen())
            showCitizen(keptId);
        else
            m_citizenPage->load(keptId);
    }
}

} // namespace iris::usagers
