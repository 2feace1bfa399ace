#pragma once

#include "core/modules/Registries.h"

#include <QList>

namespace iris {
class Session;
}

namespace iris::shell {

/// The navigation pages one agent may see: filtered by permission, ordered by
/// `order` then title. Pure logic, no widgets.
class PageCatalog final
{
public:
    static QList<PageSpec> visiblePages(const PageRegistry& registry, const Session& session);
};

} // namespace iris::shell
