#include "core/base/CompanyIds.h"

#include <QCoreApplication>
#include <algorithm>

namespace iris {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

QString compact(QStringView input)
{
    QString s;
    s.reserve(input.size());
    for (QChar c : input) {
        if (!c.isSpace() && c != QLatin1Char('.'))
            s.append(c);
    }
    return s;
}

bool allDigits(QStringView s)
{
    return std::all_of(s.begin(), s.end(), isDigit);
}

// SIREN 356000000: La Poste numbers its establishments without the Luhn key (INSEE).
const QLatin1String laPosteSiren("356000000");

} // namespace

bool CompanyIds::luhnValid(QStringView digits)
{
    if (digits.isEmpty() || !allDigits(digits))
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

Result<QString> CompanyIds::rna(QStringView input)
{
    const QString s = compact(input).toUpper();
    if (s.isEmpty())
        return Error(ErrorCode::Validation, tr("Le numéro RNA est vide."));
    if (s.size() != 10 || !s.startsWith(QLatin1Char('W')) || !allDigits(QStringView(s).mid(1))) {
        return Error(ErrorCode::Validation,
            tr("Le numéro RNA « %1 » doit être la lettre W suivie de 9 chiffres "
               "(par exemple W922001234).")
                .arg(input.trimmed().toString()));
    }
    return s;
}

Result<QString> CompanyIds::siren(QStringView input)
{
    const QString s = compact(input);
    if (s.isEmpty())
        return Error(ErrorCode::Validation, tr("Le numéro SIREN est vide."));
    if (s.size() != 9 || !allDigits(s)) {
        return Error(ErrorCode::Validation,
            tr("Le numéro SIREN « %1 » doit compter 9 chiffres.").arg(input.trimmed().toString()));
    }
    if (!luhnValid(s)) {
        return Error(ErrorCode::Validation,
            tr("Le numéro SIREN « %1 » n'est pas valide (clé de contrôle incorrecte) : "
               "vérifiez la saisie.")
                .arg(input.trimmed().toString()));
    }
    return s;
}

Result<QString> CompanyIds::siret(QStringView input)
{
    const QString s = compact(input);
    if (s.isEmpty())
        return Error(ErrorCode::Validation, tr("Le numéro SIRET est vide."));
    if (s.size() != 14 || !allDigits(s)) {
        return Error(ErrorCode::Validation,
            tr("Le numéro SIRET « %1 » doit compter 14 chiffres.").arg(input.trimmed().toString()));
    }
    bool valid = luhnValid(s);
    if (!valid && s.startsWith(laPosteSiren)) {
        int sum = 0;
        for (QChar c : s)
            sum += c.unicode() - u'0';
        valid = sum % 5 == 0;
    }
    if (!valid) {
        return Error(ErrorCode::Validation,
            tr("Le numéro SIRET « %1 » n'est pas valide (clé de contrôle incorrecte) : "
               "vérifiez la saisie.")
                .arg(input.trimmed().toString()));
    }
    return s;
}

QString CompanyIds::format(QStringView id)
{
    if ((id.size() != 9 && id.size() != 14) || !allDigits(id))
        return id.toString();
    QString out = id.left(3) + QLatin1Char(' ') + id.mid(3, 3) + QLatin1Char(' ') + id.mid(6, 3);
    if (id.size() == 14)
        out += QLatin1Char(' ') + id.mid(9);
    return out;
}

} // namespace iris
