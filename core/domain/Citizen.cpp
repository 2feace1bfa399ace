#include "core/domain/Citizen.h"

#include "core/base/PhoneNumber.h"

namespace iris {

QString Citizen::displayName() const
{
    const QString nom = nomUsage.isEmpty() ? nomNaissance : nomUsage;
    const QString name = QString(nom.toUpper() + QLatin1Char(' ') + prenoms).trimmed();
    if (name.isEmpty() && !(phone.isEmpty() && phone2.isEmpty()))
        return PhoneNumber::format(phone.isEmpty() ? phone2 : phone);  // a caller known by number only
    return name;
}

} // namespace iris
