#include "modules/accueil/shared/OverdueBoard.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <algorithm>

namespace iris::accueil {

void OverdueBoard::add(std::shared_ptr<OverdueSource> source)
{
    for (auto& s : m_sources) {
        if (s->kind() == source->kind()) {
            s = std::move(source);
            return;
        }
    }
    m_sources.append(std::move(source));
}

Result<OverdueBoard::Listing> OverdueBoard::list(CoreServices& services, const OverdueQuery& query) const
{
    if (auto r = services.session().require(ids::PermFollowUp); !r)
        return r.error();
    if (query.scope == OverdueQuery::Scope::All) {
        if (auto r = services.session().require(ids::PermSupervise); !r)
            return r.error();
    }
    Listing listing;
    for (const auto& source : m_sources) {
        Result<QList<OverdueItem>> items = source->items(services, query);
        if (!items) {
            listing.warnings << tr("%1 : %2").arg(source->label(), items.error().message());
            continue;
        }
        listing.items.append(*items);
    }
    std::stable_sort(listing.items.begin(), listing.items.end(), [](const OverdueItem& a, const OverdueItem& b) {
        if (a.dueAt != b.dueAt)
            return a.dueAt < b.dueAt;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.id < b.id;
    });
    if (query.limit > 0 && listing.items.size() > query.limit)
        listing.items.resize(query.limit);
    return listing;
}

} // namespace iris::accueil
