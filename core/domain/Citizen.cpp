#include "core/domain/Citizen.h"

namespace iris {

QString Citizen::displayName() const
{
    const QString nom = nomUsage.isEmpty() ? nomNaissance : nomUsage;
    return QString(nom.toUpper() + QLatin1Char(' ') + prenoms).trimmed();
}

} // namespace iris
