#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace iris {

/// Telephone numbers: stored in E.164 ("+33141238000"), shown in the French national
/// form ("01 41 23 80 00").
///
/// normalize() accepts every common spelling of a French number:
///   "01 41 23 80 00", "01.41.23.80.00", "01-41-23-80-00", "0141238000",
///   "+33 1 41 23 80 00", "+33 (0)1 41 23 80 00", "+33 01 41 23 80 00", "0033141238000",
///   "0033 (0)1 41 23 80 00"                                      → "+33141238000"
/// French overseas departments dialled nationally go to their own country code
/// (ARCEP numbering plan): 0262/0263/0692/0693 → +262 (La Réunion), 0269/0639 → +262
/// (Mayotte), 0590/0690/0691 → +590 (Guadeloupe, Saint-Martin, Saint-Barthélemy),
/// 0594/0694 → +594 (Guyane), 0596/0696/0697 → +596 (Martinique):
///   "06 92 12 34 56" → "+262692123456".
/// Foreign numbers written with "+CC" or "00CC" are kept in E.164 when plausible
/// (8–15 digits including the country code, a "(0)" trunk prefix dropped):
///   "+44 (0)20 7946 0958" → "+442079460958".
/// A national number must have 10 digits and not start with "00"; short service numbers
/// (15, 3939…) are refused: they are not a person's number.
class PhoneNumber final
{
    Q_DECLARE_TR_FUNCTIONS(iris::PhoneNumber)

public:
    PhoneNumber() = delete;

    /// E.164 form, or a French message saying what is wrong.
    static Result<QString> normalize(QStringView input);
    /// Display form: national grouping for +33 and the overseas codes above
    /// ("+33141238000" → "01 41 23 80 00", "+262692123456" → "06 92 12 34 56"); a foreign
    /// number is returned as stored (E.164); a string that is not E.164 is returned unchanged.
    static QString format(QStringView e164);
    /// True for +33 numbers and the French overseas codes listed above.
    static bool isFrench(QStringView e164);
    /// The national 10 digits of a French number ("0141238000"); empty for a foreign one.
    static QString nationalDigits(QStringView e164);

    /// How to match a partly typed phone query against stored E.164 numbers.
    struct Query
    {
        enum class Kind {
            None, ///< not a phone query (letters, or fewer than `minDigits` digits)
            Exact, ///< a complete number: compare with `e164`
            Prefix, ///< starts like a number ("01 41", "+33 6", "0033 1"): stored LIKE e164 || '%'
            Suffix, ///< last digits ("80 00", "238000"): match the end of the number
        };
        Kind kind = Kind::None;
        QString e164; ///< Exact: the number; Prefix: the E.164 prefix ("+33141")
        QString digits; ///< Suffix: the trailing digits, in order ("8000")
        QString reversed; ///< Suffix: the same digits reversed ("0008"), see reversedKey()
    };
    /// Classifies a query typed in a search field. Separators (spaces, dots, dashes,
    /// parentheses, slashes) are ignored. A query starting with "0", "+" or "00" is a
    /// prefix (or exact when complete); one starting with 1–9 is a suffix ("last digits").
    /// `minDigits` (≥ 1) is the number of digits needed before a query counts as a phone.
    /// A national prefix of fewer than 4 digits is taken as metropolitan ("069" → "+3369"):
    /// the overseas mapping needs the 4-digit prefix ("0692" → "+262692").
    static Query query(QStringView text, int minDigits = 2);
    /// The digits of a stored E.164 number in reverse order ("+33141238000" →
    /// "00083214133"): store it in an indexed column to turn "ends with 8000" into the
    /// index-friendly "reversed LIKE '0008%'".
    static QString reversedKey(QStringView e164);
};

} // namespace iris
