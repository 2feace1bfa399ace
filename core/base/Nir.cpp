#include "core/base/Nir.h"

#include <QCoreApplication>

namespace iris {

namespace {

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool digitsAt(QStringView s, qsizetype from, qsizetype count)
{
    for (qsizetype i = from; i < from + count; ++i) {
        if (!isDigit(s[i]))
            return false;
    }
    return true;
}

int twoDigits(QStringView s, qsizetype at)
{
    return (s[at].unicode() - u'0') * 10 + (s[at + 1].unicode() - u'0');
}

// Layout of the 13-character body: sexe, année, mois, département (2A/2B), commune, ordre.
bool isPossibleBody(QStringView body)
{
    if (body.size() != 13)
        return false;
    static const QString sexes = QStringLiteral("123478");
    if (!sexes.contains(body[0]) || !digitsAt(body, 1, 4) || !digitsAt(body, 7, 6))
        return false;
    const int month = twoDigits(body, 3);
    const bool monthOk = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
    const QStringView dept = body.mid(5, 2);
    const bool deptOk = dept == QLatin1String("2A") || dept == QLatin1String("2B") || digitsAt(body, 5, 2);
    return monthOk && deptOk;
}

} // namespace

int Nir::key(QStringView first13)
{
    if (!isPossibleBody(first13))
        return -1;
    // INSEE: for Corsica, "2A" counts as 19 and "2B" as 18.
    qint64 n = 0;
    for (qsizetype i = 0; i < 13; ++i) {
        int digit;
        if (i == 5 && first13[5] == QLatin1Char('2') && first13[6].isLetter())
            digit = 1;
        else if (i == 6 && first13[6] == QLatin1Char('A'))
            digit = 9;
        else if (i == 6 && first13[6] == QLatin1Char('B'))
            digit = 8;
        else
            digit = first13[i].unicode() - u'0';
        n = n * 10 + digit;
    }
    return int(97 - n % 97);
}

Result<QString> Nir::normalize(QStringView input)
{
    QString s;
    s.reserve(15);
    for (QChar c : input) {
        if (!c.isSpace() && c != QLatin1Char('.') && c != QLatin1Char('-'))
            s.append(c.toUpper());
    }
    if (s.isEmpty())
        return Error(ErrorCode::Validation, tr("Le NIR est vide."));
    if (s.size() != 15) {
        return Error(ErrorCode::Validation,
            tr("Le NIR doit compter 15 caractères (13 puis la clé de 2 chiffres) ; "
               "« %1 » en compte %2.")
                .arg(input.trimmed().toString())
                .arg(s.size()));
    }
    const QStringView body = QStringView(s).left(13);
    if (!isPossibleBody(body) || !digitsAt(s, 13, 2)) {
        return Error(ErrorCode::Validation,
            tr("Le NIR « %1 » n'a pas la forme attendue (sexe, année, mois, département, "
               "commune, ordre, clé).")
                .arg(input.trimmed().toString()));
    }
    if (twoDigits(s, 13) != key(body)) {
        return Error(ErrorCode::Validation,
            tr("La clé du NIR « %1 » ne correspond pas aux 13 premiers caractères : "
               "vérifiez la saisie.")
                .arg(input.trimmed().toString()));
    }
    return s;
}

QString Nir::format(QStringView nir)
{
    if (nir.size() != 15)
        return nir.toString();
    static constexpr int groups[] = { 1, 2, 2, 2, 3, 3, 2 };
    QString out;
    qsizetype at = 0;
    for (int len : groups) {
        if (at > 0)
            out.append(QLatin1Char(' '));
        out.append(nir.mid(at, len));
        at += len;
    }
    return out;
}

} // namespace iris
