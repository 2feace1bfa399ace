#include "app/desk/src/SiteSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace iris::shell {

QString SiteSettings::pathFor(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    return info.absoluteDir().filePath(info.completeBaseName() + u".ini"_s);
}

SiteSettings SiteSettings::load(const QString& databasePath)
{
    SiteSettings settings;
    settings.m_path = pathFor(databasePath);
    if (!QFileInfo::exists(settings.m_path))
        return settings;

    const QSettings ini(settings.m_path, QSettings::IniFormat);
    // QSettings splits "a, b" into a list; a single id comes back as a string.
    const QVariant value = ini.value(u"modules/disabled"_s);
    QStringList ids
        = value.typeId() == QMetaType::QStringList ? value.toStringList() : value.toString().split(u',');
    for (QString& id : ids)
        id = id.trimmed();
    ids.removeAll(QString());
    ids.removeDuplicates();
    settings.m_disabledModules = ids;
    return settings;
}

} // namespace iris::shell
