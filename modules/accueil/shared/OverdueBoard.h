#pragma once

#include "modules/accueil/shared/OverdueSource.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace iris::accueil {

/// The "À traiter" list of the Accueil page: every source registered in a
/// FollowUpRegistry — the ModuleContext's, where this module's features and other modules
/// (état civil…) add theirs — merged by due date, behind the page's permissions.
class OverdueBoard final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::OverdueBoard)
public:
    using Listing = FollowUpRegistry::Listing;

    /// A board with a registry of its own (tests, a module used without a host).
    OverdueBoard();
    /// A board over `registry` (the ModuleContext's), which must outlive it.
    explicit OverdueBoard(FollowUpRegistry& registry);
    OverdueBoard(const OverdueBoard&) = delete;
    OverdueBoard& operator=(const OverdueBoard&) = delete;

    /// Adds a source; a second one of the same kind replaces the first.
    void add(std::shared_ptr<OverdueSource> source, FollowUpOpener open = {});
    QList<std::shared_ptr<OverdueSource>> sources() const { return m_registry->sources(); }
    FollowUpRegistry& registry() { return *m_registry; }

    /// Permission: accueil.followup; scope All also accueil.supervise (each source then
    /// checks its own permissions).
    Result<Listing> list(CoreServices& services, const OverdueQuery& query) const;

private:
    FollowUpRegistry m_own;
    FollowUpRegistry* m_registry;
};

} // namespace iris::accueil
