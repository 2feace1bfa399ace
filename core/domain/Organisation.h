#pragma once

#include "core/domain/Citizen.h"

#include <QDateTime>
#include <QString>

namespace iris {

/// An association or other legal person the city deals with (subventions, rooms…).
struct Organisation
{
    qint64 id = 0;
    int version = 0;             ///< optimistic lock; 0 = not saved yet
    QString name;
    QString rna;                 ///< "W" + 9 digits, optional
    QString siret;               ///< 14 digits, optional
    PostalAddress address;
    QString phone;               ///< E.164 once saved
    QString email;
    qint64 representativeId = 0; ///< citizen representing it (président…); 0 = none
    QString notes;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace iris
