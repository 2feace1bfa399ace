#pragma once

#include "core/modules/FollowUpSources.h"

namespace iris::accueil {

/// The module's name for an "À traiter" item and query: the core's contract
/// (core/modules/FollowUpSources.h), shared with every module that owes answers.
using OverdueItem = iris::FollowUpItem;
using OverdueQuery = iris::FollowUpQuery;

} // namespace iris::accueil
