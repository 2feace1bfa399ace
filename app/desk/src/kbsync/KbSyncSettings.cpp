#include "app/desk/src/kbsync/KbSyncSettings.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace iris::shell::kbsync {

KbSyncSettings KbSyncSettings::load(const QString& iniPath, const QString& databasePath)
{
    KbSyncSettings s;
    s.kbPath = QFileInfo(databasePath).absolutePath() + u"/knowledgebase.sqlite"_s;
    if (!QFileInfo::exists(iniPath))
        return s;
    QSettings ini(iniPath, QSettings::IniFormat);
    ini.beginGroup(u"kbsync"_s);
    s.kbPath = ini.value(u"kb"_s, s.kbPath).toString();
    s.intervalMinutes = qMax(0, ini.value(u"interval_minutes"_s, s.intervalMinutes).toInt());
    const QString server = ini.value(u"server"_s).toString();
    if (server.isEmpty())
        return s;
    s.config.server = QUrl(server);
    s.config.caFile = ini.value(u"ca_file"_s).toString();
    s.config.connectTimeoutMs = int(ini.value(u"connect_timeout_seconds"_s, 5).toDouble() * 1000);
    s.config.totalTimeoutMs = int(ini.value(u"timeout_seconds"_s, 120).toDouble() * 1000);
    const QString key = ini.value(u"public_key"_s).toString();
    s.config.publicKey = iris::kb::KbSyncConfig::readPublicKeyFile(key);
    if (s.config.publicKey.isEmpty())
        s.problem = QCoreApplication::translate(
            "iris::shell::kbsync::KbSyncSettings", "Clé publique du serveur de la base illisible : « %1 ».")
                        .arg(key);
    return s;
}

} // namespace iris::shell::kbsync
