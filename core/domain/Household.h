#pragma once

#include "core/domain/Citizen.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace iris {

/// How a member relates to the household.
enum class HouseholdLink { ChefDeFamille, Conjoint, Enfant, Autre };

/// Stored ids: "chef_de_famille", "conjoint", "enfant", "autre".
QString householdLinkId(HouseholdLink link);
/// French labels: "Chef de famille", "Conjoint(e)", "Enfant", "Autre".
QString householdLinkLabel(HouseholdLink link);
bool householdLinkFromId(const QString& id, HouseholdLink* link);
QList<HouseholdLink> allHouseholdLinks();

struct HouseholdMember
{
    CitizenSummary citizen;
    HouseholdLink link = HouseholdLink::Autre;
    bool dependant = false;   ///< personne à charge (counts for logement, crèche rates…)
    QDateTime joinedAt;
};

/// People living together (a person belongs to one household at a time).
struct Household
{
    qint64 id = 0;
    int version = 0;          ///< optimistic lock, bumped by every member change
    QString label;            ///< "Foyer Dupont"
    QString notes;
    QList<HouseholdMember> members;  ///< chef de famille first, then conjoint, enfants, autres
    QDateTime createdAt;
    QDateTime updatedAt;

    int size() const { return int(members.size()); }
    int dependantCount() const
    {
        int n = 0;
        for (const HouseholdMember& m : members)
            n += m.dependant ? 1 : 0;
        return n;
    }
    const HouseholdMember* member(qint64 citizenId) const
    {
        for (const HouseholdMember& m : members) {
            if (m.citizen.id == citizenId)
                return &m;
        }
        return nullptr;
    }
};

} // namespace iris
