#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

namespace iris {

/// Validation and normalisation of the free-text fields of the citizen-relation core.
/// Every function returns the value to store, or an Error (ErrorCode::Validation) whose
/// message() is a French sentence for the agent; feed it to ValidationErrors::check() to
/// build a FieldError list. Empty input is an error ("… est vide"): callers skip optional
/// fields that were left empty.
///
/// Identifiers with a check key live in their own classes: PhoneNumber, Nir, CompanyIds
/// (all included here for convenience).
///
/// Storage rule for names (decided here, applied everywhere): names are stored as
/// tidied mixed case, NOT upper case. personName() trims, collapses spaces, removes
/// spaces around hyphens and apostrophes, turns the typographic apostrophe ’ into ',
/// and, when the agent typed the name entirely in upper or lower case, capitalises each
/// part ("DUPONT-MORETTI" → "Dupont-Moretti", "d'ornano" → "D'Ornano"); a name typed
/// in mixed case is kept as typed ("de La Fontaine", "McKenna"). The family name is
/// shown in capitals at display time only (displayNom(), "DUPONT-MORETTI"), so letters
/// and exports can still use the proper case.
class Validators final
{
    Q_DECLARE_TR_FUNCTIONS(iris::Validators)

public:
    Validators() = delete;

    enum class NameKind {
        Nom, ///< nom d'usage or nom de naissance: 1–80 characters
        Prenoms, ///< one or several given names, space-separated: 1–120 characters
    };
    /// Letters (accents included), spaces, hyphens and apostrophes only; at least one
    /// letter; no leading/trailing hyphen or apostrophe; a double hyphen "--" is accepted
    /// in a nom (double family names registered between 2005 and 2011).
    static Result<QString> personName(QStringView input, NameKind kind);
    /// A stored nom in capitals for display, accents kept ("Hélène" → "HÉLÈNE").
    static QString displayNom(QStringView nom);
    /// "DUPONT Jean" from nom and prénoms (either may be empty).
    static QString displayFullName(QStringView nom, QStringView prenoms);

    /// A date of birth: valid, not after `today`, not before 1 January 1900.
    static Result<QDate> birthDate(const QDate& date, const QDate& today = QDate::currentDate());
    /// Parses then checks a typed date of birth: "14/07/1985", "14.07.1985", "14-07-1985",
    /// "1/2/1985", "14071985" or ISO "1985-07-14".
    static Result<QDate> birthDate(QStringView text, const QDate& today = QDate::currentDate());
    /// Parses a French or ISO date (formats above) without range checks; invalid QDate if none fits.
    static QDate parseDate(QStringView text);

    /// Practical RFC 5322 subset: dot-atom local part (≤ 64), a domain of at least two
    /// labels (letters, digits, inner hyphens, ≤ 63 each) ending in a TLD of letters, total
    /// ≤ 254. Trimmed; the domain is lower-cased, the local part kept as typed.
    /// "Jean.Dupont@Mairie-Issy.FR" → "Jean.Dupont@mairie-issy.fr".
    static Result<QString> email(QStringView input);

    /// French postcode: exactly 5 digits (spaces ignored: "92 130" → "92130"),
    /// not starting with "00".
    static Result<QString> postcode(QStringView input);
};

} // namespace iris

#include "core/base/CompanyIds.h"
#include "core/base/Nir.h"
#include "core/base/PhoneNumber.h"
#include "core/base/ValidationErrors.h"
