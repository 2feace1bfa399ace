#include "core/modules/ModuleSpec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace iris {

namespace {

} // namespace

QString moduleStateLabel(ModuleState state)
{
    switch (state) {
    case ModuleState::Found:
        return ModuleSpec::tr("Trouvé");
    case ModuleState::Loaded:
        return ModuleSpec::tr("Chargé");
    case ModuleState::Disabled:
        return ModuleSpec::tr("Désactivé");
    case ModuleState::Error:
        return ModuleSpec::tr("Erreur");
    }
    return {};
}

QString ModuleSpec::describe() const
{
    QString line = id;
    line += QLatin1Char(' ') + (version.isEmpty() ? QStringLiteral("?") : version);
    if (!name.isEmpty())
        line += QStringLiteral(" — ") + name;
    line += QStringLiteral(" — ") + stateLabel();
    if (!errorText.isEmpty())
        line += QStringLiteral(" : ") + errorText;
    return line;
}

bool ModuleSpec::isValidId(const QString& candidate)
{
    if (candidate.isEmpty() || candidate.size() > 64)
        return false;
    const QChar first = candidate.front();
    if (first < QLatin1Char('a') || first > QLatin1Char('z'))
        return false;
    for (QChar c : candidate) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')
            || c == QLatin1Char('_') || c == QLatin1Char('.');
        if (!ok)
            return false;
    }
    return true;
}

bool ModuleSpec::readMetaData(const QJsonObject& metaData, QString* error)
{
    // QPluginLoader::metaData() wraps the module's JSON in {"IID", "MetaData", ...}.
    const QJsonObject meta = metaData.contains(QLatin1String("MetaData"))
        ? metaData.value(QLatin1String("MetaData")).toObject()
        : metaData;
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };

    const QString readId = meta.value(QLatin1String("id")).toString();
    if (readId.isEmpty())
        return fail(tr("Les métadonnées du module n'indiquent pas d'identifiant (« id »)."));
    if (!isValidId(readId)) {
        return fail(tr("L'identifiant de module « %1 » n'est pas valide (minuscules, chiffres, « - », "
                       "« _ » ou « . », en commençant par une lettre).")
                        .arg(readId));
    }
    id = readId;
    name = meta.value(QLatin1String("name")).toString();
    version = meta.value(QLatin1String("version")).toString();
    description = meta.value(QLatin1String("description")).toString();

    const QJsonValue deps = meta.value(QLatin1String("dependencies"));
    dependencies.clear();
    if (deps.isUndefined() || deps.isNull())
        return true;
    if (!deps.isArray())
        return fail(tr("Les dépendances du module « %1 » doivent être une liste d'identifiants.").arg(id));
    const QJsonArray list = deps.toArray();
    for (const QJsonValue& v : list) {
        const QString dep = v.toString();
        if (!v.isString() || !isValidId(dep)) {
            return fail(
                tr("Le module « %1 » déclare une dépendance qui n'est pas un identifiant valide.").arg(id));
        }
        if (dep == id)
            return fail(tr("Le module « %1 » dépend de lui-même.").arg(id));
        if (!dependencies.contains(dep))
            dependencies.append(dep);
    }
    return true;
}

} // namespace iris
