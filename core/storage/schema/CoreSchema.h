#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>
#include <QString>

namespace iris {

/// Owner name of the core tables in `schema_versions`.
inline const QString kCoreSchemaOwner = QStringLiteral("core");

/// Every step of the core schema, in order (register with MigrationRunner::add(kCoreSchemaOwner, …)).
QList<Migration> coreMigrations();

/// Step 1 — citizens and their search index, households, organisations, audit events
/// (CoreSchemaStep1.cpp).
Migration coreSchemaStep1();
/// Step 2 — services directory, agents, motive themes, contacts, dossiers (checklist,
/// timeline, reference sequences) and appointments (CoreSchemaRelations.cpp).
Migration coreSchemaStep2();

} // namespace iris
