#include "modules/accueil/counter/Desk.h"

#include <QCoreApplication>

namespace iris::accueil {

QString Desk::displayName() const
{
    if (!label.trimmed().isEmpty())
        return label.trimmed();
    return QCoreApplication::translate("iris::accueil::Desk", "Guichet %1").arg(number);
}

} // namespace iris::accueil
