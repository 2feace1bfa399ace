#pragma once

#include <QString>
#include <QStringList>

namespace iris::shell {

/// Site-wide settings kept in an INI file next to the site database
/// (…/iris-desk.sqlite → …/iris-desk.ini), so an administrator can edit them
/// and iris-desk can read them without opening (or writing) the database:
///
///     [modules]
///     disabled=accueil, etatcivil
///
/// Read-only from the application's side: the shell never rewrites this file.
class SiteSettings final
{
public:
    /// Reads the file beside `databasePath`; a missing file means defaults.
    static SiteSettings load(const QString& databasePath);

    static QString pathFor(const QString& databasePath);

    const QString& path() const { return m_path; }
    /// Module ids switched off by the site.
    const QStringList& disabledModules() const { return m_disabledModules; }

private:
    QString m_path;
    QStringList m_disabledModules;
};

} // namespace iris::shell
