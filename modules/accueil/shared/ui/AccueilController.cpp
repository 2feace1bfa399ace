#include "modules/accueil/shared/ui/AccueilController.h"

#include "core/modules/ModuleContext.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/shared/AccueilIds.h"
#include "modules/accueil/shared/DatabaseWatcher.h"

#include <QApplication>
#include <QWidget>

namespace iris::accueil {

AccueilController::AccueilController(ModuleContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_overdue(context.followUpSources)
{
}

AccueilController::~AccueilController()
{
    closeViews();
}

CoreServices* AccueilController::services() const
{
    return m_context.services ? m_context.services() : nullptr;
}

bool AccueilController::can(const QString& permission) const
{
    const CoreServices* s = services();
    return s && s->session().can(permission);
}

QWidget* AccueilController::dialogParent() const
{
    if (m_context.shell && m_context.shell->dialogParent())
        return m_context.shell->dialogParent();
    return QApplication::activeWindow();
}

void AccueilController::showStatus(const QString& text) const
{
    if (m_context.shell)
        m_context.shell->showStatusMessage(text);
}

void AccueilController::openCitizen(qint64 citizenId) const
{
    if (citizenId > 0 && m_context.shell)
        m_context.shell->openRecord(ids::CitizenKind, citizenId);
}

KnowledgeBaseAccess* AccueilController::knowledgeBase() const
{
    return m_context.knowledgeBase;
}

ui::CitizenSearchRunner::SearchFunction AccueilController::citizenSearch() const
{
    const auto servicesFn = m_context.services;
    return [servicesFn](const QString& query, int limit) -> Result<QList<CitizenSummary>> {
        CoreServices* s = servicesFn ? servicesFn() : nullptr;
        if (!s)
            return Error(ErrorCode::PermissionDenied,
                         QCoreApplication::translate("iris::accueil::AccueilController", "Aucun agent connecté."));
        return s->citizens().search(query, limit);
    };
}

void AccueilController::setOverdueOpener(const QString& kind, OverdueOpener opener)
{
    m_openers.insert(kind, std::move(opener));
}

bool AccueilController::openOverdue(const OverdueItem& item)
{
    // This module's features first, then whatever module registered the item's source.
    if (const OverdueOpener opener = m_openers.value(item.kind)) {
        opener(item);
        return true;
    }
    return m_context.followUpSources.open(item);
}

DatabaseWatcher& AccueilController::watcher()
{
    if (!m_watcher) {
        m_watcher = std::make_unique<DatabaseWatcher>(m_context.database, m_watchIntervalMs);
        m_watcher->start();
    }
    return *m_watcher;
}

void AccueilController::track(QWidget* view)
{
    m_views.removeAll(nullptr);
    m_views.append(view);
}

void AccueilController::closeViews()
{
    const QList<QPointer<QWidget>> views = m_views;
    m_views.clear();
    for (const QPointer<QWidget>& view : views)
        delete view.data();
    m_watcher.reset();
}

void AccueilController::notifyContactLogged(qint64 citizenId)
{
    Q_EMIT contactLogged(citizenId);
}

} // namespace iris::accueil
