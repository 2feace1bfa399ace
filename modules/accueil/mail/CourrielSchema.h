#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>

namespace iris::accueil {

/// Schema steps of owner "accueil-courriel" (ids::CourrielSchemaOwner): the register of
/// received e-mails, their raw bytes and attachments, and the feature's settings.
/// Independent of the "accueil" owner's steps; needs only the core tables.
QList<Migration> courrielMigrations();

/// Adds the "accueil-courriel" owner to `migrations` (MailFeature, iris-cli, tests).
void registerCourrielSchema(MigrationRunner& migrations);

} // namespace iris::accueil
