#pragma once

#include "core/base/Result.h"
#include "modules/accueil/counter/Desk.h"
#include "modules/accueil/counter/TicketCategory.h"

#include <QCoreApplication>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The counter's configuration: ticket categories and desks. Reading is open to every
/// session (the display and the issuing screen need it); changes need accueil.configure.
class CounterSetup final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CounterSetup)
public:
    explicit CounterSetup(CoreServices& services);

    Result<QList<TicketCategory>> categories(bool includeInactive = false) const;
    Result<TicketCategory> category(qint64 id) const;
    Result<QList<Desk>> desks(bool includeInactive = false) const;
    Result<Desk> desk(qint64 id) const;

    /// Creates (id 0) or updates (Conflict on a stale version) a category: label required,
    /// prefix one letter A–Z (stored upper-case) not used by another active category.
    Result<TicketCategory> saveCategory(const TicketCategory& category);
    /// Creates or updates a desk: number 1–999, unique.
    Result<Desk> saveDesk(const Desk& desk);

    /// First use of a site: when there is neither category nor desk, installs the default
    /// ones (categories A–E and R linked to the directory's services by code when present,
    /// desks 1–4 polyvalent and 5 for the CCAS). Returns true when it installed them.
    /// Needs accueil.counter or accueil.configure.
    Result<bool> installDefaults();

private:
    CoreServices& m_services;
};

} // namespace iris::accueil
