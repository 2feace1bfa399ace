#pragma once

#include "core/domain/Citizen.h"

#include <QDate>
#include <QString>

namespace iris::ui {

/// Display helpers shared by every citizen widget (French conventions).
namespace citizenformat {

/// "+33141238000" → "01 41 23 80 00" (PhoneNumber::format: overseas numbers too).
QString phone(const QString& e164);
/// "14/07/1985", empty when the date is null.
QString date(const QDate& date);
/// Family name in capitals, with the birth name when it differs: "MARTIN (née DURAND)".
QString familyName(const QString& civilite, const QString& nomUsage, const QString& nomNaissance);
/// "Mme MARTIN Claire".
QString fullName(const CitizenSummary& citizen);
QString fullName(const Citizen& citizen);
/// "née le 14/07/1985" (Mme), "né le …" (M.), "né(e) le …" otherwise; empty without a date.
QString bornOn(const QString& civilite, const QDate& birthDate);
/// French label of a preferred channel id ("telephone" → "Téléphone").
QString channelLabel(const QString& channelId);
/// "47 rue du Général Leclerc, 92130 Issy-les-Moulineaux".
QString address(const PostalAddress& address);

} // namespace citizenformat
} // namespace iris::ui
