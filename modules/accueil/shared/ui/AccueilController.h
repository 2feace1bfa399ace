#pragma once

#include "modules/accueil/shared/OverdueBoard.h"
#include "ui/citizen/CitizenSearchRunner.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace iris {
class CoreServices;
class KnowledgeBaseAccess;
class ModuleContext;
}

namespace iris::accueil {

class DatabaseWatcher;

/// The module's single point of contact with the host, shared by its features: the
/// session's services, the shell (record opening, status bar, dialog parent), the
/// knowledge base, the overdue board (over the ModuleContext's "À traiter" registry) and
/// its openers, and the database watcher that keeps queues, displays and lists live.
class AccueilController final : public QObject
{
    Q_OBJECT
public:
    explicit AccueilController(ModuleContext& context, QObject* parent = nullptr);
    ~AccueilController() override;

    ModuleContext& context() const { return m_context; }
    /// Session-bound services, or nullptr before login.
    CoreServices* services() const;
    bool can(const QString& permission) const;
    QWidget* dialogParent() const;
    void showStatus(const QString& text) const;
    /// Opens the citizen's 360° page through the shell (the "citizen" record opener).
    void openCitizen(qint64 citizenId) const;
    /// Null when the shell has no knowledge base.
    KnowledgeBaseAccess* knowledgeBase() const;
    /// Citizen search for pickers, run on a worker thread with its own connection.
    ui::CitizenSearchRunner::SearchFunction citizenSearch() const;

    OverdueBoard& overdue() { return m_overdue; }
    using OverdueOpener = std::function<void(const OverdueItem& item)>;
    void setOverdueOpener(const QString& kind, OverdueOpener opener);
    /// Opens an item with the opener of its kind (this module's, else the one its source was
    /// registered with in the ModuleContext); false when none is registered.
    bool openOverdue(const OverdueItem& item);

    /// Started on first use; changed() when any connection commits.
    DatabaseWatcher& watcher();
    /// Poll interval of the watcher (ms, before its first use).
    void setWatchInterval(int ms) { m_watchIntervalMs = ms; }

    /// Keeps a dialog or window so closeViews() can close it before shutdown.
    void track(QWidget* view);
    void closeViews();

    /// Tell open views that contacts changed (a visit closed, a call saved…).
    void notifyContactLogged(qint64 citizenId);

Q_SIGNALS:
    void contactLogged(qint64 citizenId);

private:
    ModuleContext& m_context;
    OverdueBoard m_overdue;
    QHash<QString, OverdueOpener> m_openers;
    std::unique_ptr<DatabaseWatcher> m_watcher;
    int m_watchIntervalMs = 1000;
    QList<QPointer<QWidget>> m_views;
};

} // namespace iris::accueil
