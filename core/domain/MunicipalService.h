#pragma once

#include "core/domain/Citizen.h"
#include "core/domain/OpeningHours.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace iris {

/// One service of the city's directory (état civil, CCAS, logement…), to which the
/// counter answers or orients citizens.
struct MunicipalService
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    QString code; ///< stable key for modules and seed data ("etat-civil"); may be empty
    QString name; ///< "État civil"
    QStringList themes; ///< free keywords used by the directory search ("naissance", "mariage")
    QString phone; ///< E.164 once saved
    QString email;
    PostalAddress address; ///< line2 holds the floor or desk ("1er étage")
    OpeningHours hours;
    QString onDutyNotes; ///< permanences, on-call numbers…
    bool active = true;
    QDateTime createdAt;
    QDateTime updatedAt;

    /// Open at the wall-clock date and time of `at`.
    bool isOpenAt(const QDateTime& at) const { return active && hours.isOpenAt(at); }
};

} // namespace iris
