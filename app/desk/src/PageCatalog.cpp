#include "app/desk/src/PageCatalog.h"

#include "core/security/Session.h"

#include <algorithm>

namespace iris::shell {

QList<PageSpec> PageCatalog::visiblePages(const PageRegistry& registry, const Session& session)
{
    QList<PageSpec> pages;
    for (const PageSpec& page : registry.items()) {
        if (!page.create)
            continue;
        if (!page.permission.isEmpty() && !session.can(page.permission))
            continue;
        pages.append(page);
    }
    std::stable_sort(pages.begin(), pages.end(), [](const PageSpec& a, const PageSpec& b) {
        if (a.order != b.order)
            return a.order < b.order;
        return a.title.localeAwareCompare(b.title) < 0;
    });
    return pages;
}

} // namespace iris::shell
