#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QDate>

namespace iris {

/// Checks and normalises a citizen record at the core boundary (used by CitizenService
/// before any write). Every problem is reported at once, as FieldErrors whose `field` is:
/// civilite, nomUsage, nomNaissance, prenoms, birthDate, birthPlace, address.line1,
/// address.line2, address.postcode, address.city, phone, phone2, email, preferredChannel,
/// nir, notes.
class CitizenValidator final
{
public:
    CitizenValidator() = delete;

    /// A record with no name at all but a phone (or phone2) is accepted: callers known
    /// only by their number are first-class citizens (phone intake of the Accueil module).
    /// The record with tidied names, E.164 phones, checked e-mail, postcode and NIR; an
    /// ErrorCode::Validation error listing every refused field otherwise. `today` bounds
    /// the date of birth.
    static Result<Citizen> normalised(const Citizen& input, const QDate& today = QDate::currentDate());

    /// Preferred channel ids accepted ("" = none).
    static QStringList channelIds();
};

} // namespace iris
