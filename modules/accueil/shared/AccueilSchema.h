#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>

namespace iris::accueil {

/// Schema steps of owner "accueil" (ids::SchemaOwner): the counter queue (ticket
/// categories, desks, per-day sequences, tickets with their motives and history) and the
/// callback tasks. Features added later (mail/, post/) register their own owner
/// ("accueil-courriel", "accueil-courrier") so their steps never collide with these.
QList<Migration> accueilMigrations();

} // namespace iris::accueil
