#pragma once

#include "core/domain/Contact.h"

#include <QDateTime>
#include <QString>

namespace iris::accueil {

/// What the téléconseiller records about one incoming call.
struct PhoneCall
{
    QDateTime startedAt;          ///< when the intake opened (the timer's start)
    QDateTime endedAt;            ///< invalid = now
    QString callerNumber;         ///< as typed; used for a phone-only citizen and the callback
    qint64 citizenId = 0;         ///< 0 = anonymous
    qint64 motiveThemeId = 0;
    QString notes;
    ContactOutcome outcome = ContactOutcome::Repondu;
    qint64 orientedServiceId = 0; ///< Oriente
    qint64 dossierId = 0;         ///< DossierCree
    QDateTime callbackDueAt;      ///< RappelPrevu
    qint64 callbackAgentId = 0;   ///< RappelPrevu: who calls back (agent and/or service)
    qint64 callbackServiceId = 0;
};

} // namespace iris::accueil
