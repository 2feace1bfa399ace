#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

namespace iris {

/// NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters
/// + a 2-digit key, key = 97 − (first 13 digits mod 97). For Corsica the département "2A"
/// counts as 19 and "2B" as 18 in the computation (INSEE).
/// Layout: sexe(1) année(2) mois(2) département(2) commune(3) ordre(3) clé(2).
class Nir final
{
    Q_DECLARE_TR_FUNCTIONS(iris::Nir)

public:
    Nir() = delete;

    /// Strips spaces, dots and dashes, upper-cases; checks the layout (sex 1, 2, 3, 4, 7
    /// or 8; month 01–12, 20–42 or 50–99; département digits or 2A/2B) and the key.
    /// Returns the 15 characters without separators ("185057800608491").
    static Result<QString> normalize(QStringView input);
    /// Key (1–97) of the first 13 characters ("2A"/"2B" handled); -1 when they are not a
    /// possible NIR body.
    static int key(QStringView first13);
    /// Grouped for display: "1 85 05 78 006 084 91"; input returned unchanged if not 15 characters.
    static QString format(QStringView nir);
};

} // namespace iris
