#include "core/modules/FollowUpSources.h"

#include "core/security/Session.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

void FollowUpRegistry::addSource(std::shared_ptr<FollowUpSource> source, FollowUpOpener open)
{
    if (!source)
        return;
    FollowUpSourceSpec spec;
    spec.id = source->kind();
    spec.source = std::move(source);
    spec.open = std::move(open);
    add(std::move(spec));
}

QList<std::shared_ptr<FollowUpSource>> FollowUpRegistry::sources() const
{
    QList<std::shared_ptr<FollowUpSource>> out;
    for (const FollowUpSourceSpec& spec : items()) {
        if (spec.source)
            out << spec.source;
    }
    return out;
}

FollowUpRegistry::Listing FollowUpRegistry::list(CoreServices& services, const FollowUpQuery& query) const
{
    Listing listing;
    for (const FollowUpSourceSpec& spec : items()) {
        if (!spec.source)
            continue;
        Result<QList<FollowUpItem>> found = spec.source->items(services, query);
        if (!found) {
            listing.warnings << tr("%1 : %2").arg(spec.source->label(), found.error().message());
            continue;
        }
        listing.items.append(*found);
    }
    const auto byDue = [](const FollowUpItem& a, const FollowUpItem& b) {
        if (a.dueAt != b.dueAt)
            return a.dueAt < b.dueAt;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.id < b.id;
    };
    std::stable_sort(listing.items.begin(), listing.items.end(), byDue);
    if (query.limit > 0 && listing.items.size() > query.limit)
        listing.items.resize(query.limit);
    return listing;
}

bool FollowUpRegistry::open(const FollowUpItem& item) const
{
    for (const FollowUpSourceSpec& spec : items()) {
        if (spec.id == item.kind && spec.open) {
            spec.open(item);
            return true;
        }
    }
    return false;
}

QString FollowUpRegistry::scopeClause(FollowUpQuery::Scope scope, const AgentIdentity& me, QVariantMap& binds,
                                      const QString& agentColumn, const QString& serviceColumn)
{
    switch (scope) {
    case FollowUpQuery::Scope::Mine:
        binds.insert(u":scope_me"_s, me.id);
        return u"%1 = :scope_me"_s.arg(agentColumn);
    case FollowUpQuery::Scope::MyService:
        binds.insert(u":scope_me"_s, me.id);
        binds.insert(u":scope_service"_s, me.serviceId);
        binds.insert(u":scope_service2"_s, me.serviceId);
        return u"(%1 = :scope_me OR %2 = :scope_service OR %1 IN "
               u"(SELECT id FROM agents WHERE service_id = :scope_service2))"_s.arg(
                   agentColumn, serviceColumn);
    case FollowUpQuery::Scope::All:
        return u"1 = 1"_s;
    }
    return u"0 = 1"_s;
}

} // namespace iris
