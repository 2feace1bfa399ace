#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>
#include <QString>

namespace iris::accueil {

/// Schema owner of the replies to courriels: the SMTP server settings every workstation
/// sends through and the reply templates (with French defaults).
inline const QString MailReplySchemaOwner = QStringLiteral("accueil-courriel-envoi");

QList<Migration> mailReplyMigrations();
/// Adds the "accueil-courriel-envoi" owner to `migrations` (MailFeature, tests).
void registerMailReplySchema(MigrationRunner& migrations);

} // namespace iris::accueil
