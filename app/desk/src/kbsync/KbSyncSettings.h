#pragma once

#include "knowledgebase/sync/KbSyncConfig.h"

#include <QString>

namespace iris::shell::kbsync {

/// The [kbsync] group of the site settings file (…/iris-desk.ini):
///
///     [kbsync]
///     server=https://kb.mairie.example:8470
///     public_key=/etc/iris-desk/kb-public.key
///     ca_file=/etc/iris-desk/city-ca.pem        ; optional
///     interval_minutes=15                       ; 0: only on start and on demand
///     kb=/var/lib/iris-desk/knowledgebase.sqlite ; default: beside the site database
struct KbSyncSettings
{
    iris::kb::KbSyncConfig config;
    QString kbPath;
    int intervalMinutes = 15;
    QString problem; ///< French, when the group is present but unusable

    bool enabled() const { return config.server.isValid() && config.publicKey.size() == 32; }

    static KbSyncSettings load(const QString& iniPath, const QString& databasePath);
};

} // namespace iris::shell::kbsync
