#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace iris {

/// Identifiers of associations and companies (INSEE SIRENE, RNA).
class CompanyIds final
{
    Q_DECLARE_TR_FUNCTIONS(iris::CompanyIds)

public:
    CompanyIds() = delete;

    /// RNA (répertoire national des associations): "W" + 9 digits. Spaces ignored,
    /// "w" accepted: "w 922 001 234" → "W922001234".
    static Result<QString> rna(QStringView input);
    /// SIREN: 9 digits passing the Luhn check. Spaces and dots ignored.
    static Result<QString> siren(QStringView input);
    /// SIRET: 14 digits (SIREN + NIC) passing the Luhn check over all 14 — except for La
    /// Poste (SIREN 356000000), whose establishments are numbered so that the sum of the
    /// 14 digits is a multiple of 5 (its head office 356 000 000 00048 also passes Luhn).
    static Result<QString> siret(QStringView input);

    /// Luhn check over a string of digits (false if it holds anything else or is empty).
    static bool luhnValid(QStringView digits);
    /// "123 456 789" / "123 456 789 00012"; input returned unchanged if not 9 or 14 digits.
    static QString format(QStringView sirenOrSiret);
};

} // namespace iris
