#pragma once

#include "core/storage/MigrationRunner.h"

#include <QList>

namespace iris::etatcivil {

/// The module's tables (owner "etatcivil" in schema_versions). Step 1:
/// - ec_parameters: dated rule parameters (a value applies from valid_from on);
/// - ec_act_requests: the details of an acte request (one row per etatcivil.acte dossier);
/// - ec_procedures: the details of a counter procedure (one row per procedure dossier);
/// - ec_recensements: attestations issued, one per person (UNIQUE: no duplicate).
class EtatCivilSchema final
{
public:
    EtatCivilSchema() = delete;
    static QList<Migration> migrations();
};

} // namespace iris::etatcivil
