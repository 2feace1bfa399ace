#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>
#include <QString>

namespace iris::accueil {

/// Schema owner of the post register: its steps never collide with the counter's.
inline const QString PostSchemaOwner = QStringLiteral("accueil-courrier");

/// Steps of owner "accueil-courrier": the yearly register sequence, the letters, their
/// documents (scans and generated letters, kept as BLOBs) and the register's settings.
QList<Migration> postMigrations();

} // namespace iris::accueil
