#pragma once

#include <QString>

namespace iris::etatcivil {

/// Where an act is kept, and so where a request must go.
struct ActLocation
{
    enum class Kind {
        HeldHere,      ///< in this city's registers
        OtherCommune,  ///< event in another French commune: its mairie
        Scec,          ///< event abroad, French national: Service central d'état civil (Nantes)
        Foreign,       ///< event abroad, not a French national: the authorities of that country
    };
    Kind kind = Kind::HeldHere;
    QString destination;  ///< French: "Mairie de Lyon", "Service central d'état civil…"
    QString explanation;  ///< French sentence for the agent and the orientation letter

    bool held() const { return kind == Kind::HeldHere; }
};

} // namespace iris::etatcivil
