#include "modules/usagers/UsagersController.h"

#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/DossierService.h"
#include "core/services/CoreServices.h"
#include "modules/usagers/Citizen360Page.h"
#include "modules/usagers/CitizenActivity.h"
#include "modules/usagers/CitizenEditDialog.h"
#include "modules/usagers/DirectoryPage.h"
#include "modules/usagers/HouseholdDialog.h"
#include "modules/usagers/MergeDialog.h"
#include "modules/usagers/UsagersIds.h"

#include <QApplication>
#include <QCoreApplication>

#include <algorithm>

namespace iris::usagers {

UsagersController::UsagersController(ModuleContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

UsagersController::~UsagersController()
{
    closeViews();
}

CoreServices* UsagersController::services() const
{
    return m_context.services ? m_context.services() : nullptr;
}

bool UsagersController::can(const QString& permission) const
{
    const CoreServices* s = services();
    return s && s->session().can(permission);
}

QWidget* UsagersController::dialogParent() const
{
    if (m_context.shell && m_context.shell->dialogParent())
        return m_context.shell->dialogParent();
    if (m_page)
        return m_page->window();
    return QApplication::activeWindow();
}

void UsagersController::showStatus(const QString& text) const
{
    if (m_context.shell)
        m_context.shell->showStatusMessage(text);
}

ui::CitizenSearchRunner::SearchFunction UsagersController::searchFunction() const
{
    // Resolved on each query so a new login (new services) is picked up; the services'
    // search only reads, through the worker thread's own connection.
    const auto servicesFn = m_context.services;
    return [servicesFn](const QString& query, int limit) -> Result<QList<CitizenSummary>> {
        CoreServices* s = servicesFn ? servicesFn() : nullptr;
        if (!s)
            return Error(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("iris::usagers::UsagersController", "Aucun agent connecté."));
        return s->citizens().search(query, limit);
    };
}

UsagersController::Activity UsagersController::activity(qint64 citizenId) const
{
    Activity result;
    if (CoreServices* s = services()) {
        ContactFilter filter;
        filter.citizenId = citizenId;
        filter.limit = 0;
        const Result<qint64> contacts = s->contacts().count(filter);
        result.contacts = contacts ? int(*contacts) : -1;
        const Result<QList<Dossier>> dossiers = s->dossiers().listByCitizen(citizenId);
        result.dossiers = dossiers ? int(dossiers->size()) : -1;
    }
    return result;
}

QWidget* UsagersController::createDirectoryPage(QWidget* parent)
{
    auto* page = new DirectoryPage(*this, parent);
    m_page = page;
    return page;
}

QList<CitizenPanelSpec> UsagersController::visiblePanels() const
{
    QList<CitizenPanelSpec> panels;
    const CoreServices* s = services();
    for (const CitizenPanelSpec& spec : m_context.citizenPanels.items()) {
        if (spec.permission.isEmpty() || (s && s->session().can(spec.permission)))
            panels.append(spec);
    }
    std::stable_sort(panels.begin(), panels.end(),
                     [](const CitizenPanelSpec& a, const CitizenPanelSpec& b) { return a.order < b.order; });
    return panels;
}

bool UsagersController::showDirectoryPage()
{
    if (m_context.shell)
        m_context.shell->showPage(ids::DirectoryPage);
    return !m_page.isNull();
}

Citizen360Page* UsagersController::openStandalone(qint64 citizenId)
{
    // No shell page to host it (headless host or page not created): a window of its own.
    delete m_standaloneWindow;
    auto* page = new Citizen360Page(*this, nullptr);
    page->setAttribute(Qt::WA_DeleteOnClose);
    page->setWindowTitle(tr("Usager — vue 360°"));
    page->resize(1100, 700);
    connect(page, &Citizen360Page::backRequested, page, &QWidget::close);
    m_standaloneWindow = page;
    page->load(citizenId);
    page->show();
    return page;
}

void UsagersController::openCitizen(qint64 citizenId)
{
    if (citizenId <= 0)
        return;
    if (showDirectoryPage())
        m_page->showCitizen(citizenId);
    else
        openStandalone(citizenId);
}

void UsagersController::openDossier(qint64 dossierId)
{
    CoreServices* s = services();
    if (!s)
        return;
    const qint64 citizenId = CitizenActivity::citizenOfDossier(*s, dossierId);
    if (citizenId > 0) {
        openCitizen(citizenId);
        if (m_page && m_page->citizenPage())
            m_page->citizenPage()->showPanel(ids::DossiersPanel);
    } else {
        showStatus(tr("Ce dossier n'est rattaché à aucun usager."));
    }
}

qint64 UsagersController::currentCitizenId() const
{
    if (m_page && m_page->isVisible())
        return m_page->currentCitizenId();
    if (auto* standalone = qobject_cast<Citizen360Page*>(m_standaloneWindow.data()))
        return standalone->citizenId();
    return 0;
}

void UsagersController::newCitizen(const Citizen& prefill)
{
    auto* dialog = new CitizenEditDialog(*this, dialogParent());
    track(dialog);
    dialog->startCreate(prefill);
    connect(dialog, &CitizenEditDialog::saved, this, [this](const Citizen& citizen) {
        Q_EMIT citizenSaved(citizen);
        openCitizen(citizen.id);
    });
    connect(dialog, &CitizenEditDialog::openExistingRequested, this, &UsagersController::openCitizen);
    dialog->open();
}

void UsagersController::editCitizen(qint64 citizenId)
{
    if (citizenId <= 0) {
        showStatus(tr("Ouvrez d'abord la fiche d'un usager."));
        return;
    }
    auto* dialog = new CitizenEditDialog(*this, dialogParent());
    track(dialog);
    dialog->startEdit(citizenId);
    connect(dialog, &CitizenEditDialog::saved, this, &UsagersController::citizenSaved);
    dialog->open();
}

void UsagersController::editCurrentCitizen()
{
    editCitizen(currentCitizenId());
}

void UsagersController::mergeCitizens(qint64 firstId)
{
    auto* dialog = new MergeDialog(*this, dialogParent());
    track(dialog);
    if (firstId > 0)
        dialog->setFirst(firstId);
    connect(dialog, &MergeDialog::merged, this, [this](const Citizen& kept, qint64 absorbedId) {
        Q_EMIT citizenMerged(kept.id, absorbedId);
    });
    dialog->open();
}

void UsagersController::manageHousehold(qint64 citizenId)
{
    if (citizenId <= 0) {
        showStatus(tr("Ouvrez d'abord la fiche d'un usager."));
        return;
    }
    auto* dialog = new HouseholdDialog(*this, dialogParent());
    track(dialog);
    dialog->startFor(citizenId);
    dialog->open();
}

void UsagersController::manageCurrentHousehold()
{
    manageHousehold(currentCitizenId());
}

void UsagersController::track(QWidget* dialog)
{
    m_dialogs.removeAll(nullptr);
    m_dialogs.append(dialog);
}

void UsagersController::closeViews()
{
    for (const QPointer<QWidget>& dialog : std::as_const(m_dialogs))
        delete dialog.data();
    m_dialogs.clear();
    delete m_standaloneWindow;
}

void UsagersController::focusDirectorySearch()
{
    if (showDirectoryPage())
        m_page->focusSearch();
}

} // namespace iris::usagers
