#include "core/domain/Household.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris {

QString householdLinkId(HouseholdLink link)
{
    switch (link) {
    case HouseholdLink::ChefDeFamille:
        return u"chef_de_famille"_s;
    case HouseholdLink::Conjoint:
        return u"conjoint"_s;
    case HouseholdLink::Enfant:
        return u"enfant"_s;
    case HouseholdLink::Autre:
        break;
    }
    return u"autre"_s;
}

QString householdLinkLabel(HouseholdLink link)
{
    switch (link) {
    case HouseholdLink::ChefDeFamille:
        return QCoreApplication::translate("iris::Household", "Chef de famille");
    case HouseholdLink::Conjoint:
        return QCoreApplication::translate("iris::Household", "Conjoint(e)");
    case HouseholdLink::Enfant:
        return QCoreApplication::translate("iris::Household", "Enfant");
    case HouseholdLink::Autre:
        break;
    }
    return QCoreApplication::translate("iris::Household", "Autre");
}

bool householdLinkFromId(const QString& id, HouseholdLink* link)
{
    for (HouseholdLink l : allHouseholdLinks()) {
        if (householdLinkId(l) == id) {
            if (link)
                *link = l;
            return true;
        }
    }
    return false;
}

QList<HouseholdLink> allHouseholdLinks()
{
    return {HouseholdLink::ChefDeFamille, HouseholdLink::Conjoint, HouseholdLink::Enfant, HouseholdLink::Autre};
}

} // namespace iris
