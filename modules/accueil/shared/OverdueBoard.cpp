#include "modules/accueil/shared/OverdueBoard.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/shared/AccueilIds.h"

namespace iris::accueil {

OverdueBoard::OverdueBoard()
    : m_registry(&m_own)
{
}

OverdueBoard::OverdueBoard(FollowUpRegistry& registry)
    : m_registry(&registry)
{
}

void OverdueBoard::add(std::shared_ptr<OverdueSource> source, FollowUpOpener open)
{
    m_registry->addSource(std::move(source), std::move(open));
}

Result<OverdueBoard::Listing> OverdueBoard::list(CoreServices& services, const OverdueQuery& query) const
{
    if (auto r = services.session().require(ids::PermFollowUp); !r)
        return r.error();
    if (query.scope == OverdueQuery::Scope::All) {
        if (auto r = services.session().require(ids::PermSupervise); !r)
            return r.error();
    }
    return m_registry->list(services, query);
}

} // namespace iris::accueil
