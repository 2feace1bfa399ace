#pragma once

#include "core/modules/FollowUpSources.h"
#include "modules/accueil/shared/OverdueItem.h"

namespace iris::accueil {

/// A kind of item with a due time (callbacks, e-mails, letters) of this module: a core
/// FollowUpSource, registered through the OverdueBoard in the ModuleContext's
/// followUpSources, where other modules (état civil…) add theirs.
using OverdueSource = iris::FollowUpSource;

} // namespace iris::accueil
