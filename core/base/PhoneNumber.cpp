#include "core/base/PhoneNumber.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>

namespace iris {

namespace {

Error invalid(const QString& message)
{
    return Error(ErrorCode::Validation, message);
}

// French overseas departments: national 4-digit prefix → country code (ARCEP plan).
struct Overseas
{
    QLatin1String nationalPrefix;
    QLatin1String countryCode;
};
constexpr std::array<Overseas, 13> overseasPrefixes { {
    { QLatin1String("0262"), QLatin1String("262") },
    { QLatin1String("0263"), QLatin1String("262") },
    { QLatin1String("0692"), QLatin1String("262") },
    { QLatin1String("0693"), QLatin1String("262") },
    { QLatin1String("0269"), QLatin1String("262") },
    { QLatin1String("0639"), QLatin1String("262") },
    { QLatin1String("0590"), QLatin1String("590") },
    { QLatin1String("0690"), QLatin1String("590") },
    { QLatin1String("0691"), QLatin1String("590") },
    { QLatin1String("0594"), QLatin1String("594") },
    { QLatin1String("0694"), QLatin1String("594") },
    { QLatin1String("0596"), QLatin1String("596") },
    { QLatin1String("0696"), QLatin1String("596") },
} };
constexpr std::array<QLatin1String, 4> overseasCodes { QLatin1String("262"), QLatin1String("590"),
    QLatin1String("594"), QLatin1String("596") };

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('/')
        || c == QLatin1Char('(') || c == QLatin1Char(')');
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isDigit);
}

// E.164 for a 10-digit national number starting with 0 (not 00).
QString fromNational(QStringView national)
{
    for (const Overseas& o : overseasPrefixes) {
        if (national.startsWith(o.nationalPrefix))
            return QString(QLatin1Char('+') + o.countryCode + national.mid(1));
    }
    return QString(QLatin1String("+33") + national.mid(1));
}

// What the text is made of, separators removed: '+' kept in front only.
struct Cleaned
{
    bool ok = true; ///< only digits, separators and a leading '+'
    bool plus = false;
    QString digits;
};

Cleaned clean(QStringView text)
{
    Cleaned c;
    QString compact;
    compact.reserve(text.size());
    for (QChar ch : text) {
        if (!ch.isSpace())
            compact.append(ch);
    }
    // "(0)" after an international prefix is the trunk prefix: "+33 (0)1 …", "+44 (0)20 …".
    if (compact.startsWith(QLatin1Char('+')) || compact.startsWith(QLatin1String("00")))
        compact.replace(QLatin1String("(0)"), QString());
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const QChar ch = compact.at(i);
        if (isDigit(ch))
            c.digits.append(ch);
        else if (ch == QLatin1Char('+') && i == 0)
            c.plus = true;
        else if (!isSeparator(ch))
            c.ok = false;
    }
    return c;
}

} // namespace

Result<QString> PhoneNumber::normalize(QStringView input)
{
    const QStringView shown = input.trimmed();
    if (shown.isEmpty())
        return invalid(tr("Le numéro de téléphone est vide."));
    const Cleaned c = clean(shown);
    const QString text = shown.toString();
    if (!c.ok || c.digits.isEmpty()) {
        return invalid(tr("Le numéro de téléphone « %1 » ne doit contenir que des chiffres "
                          "(espaces, points et tirets acceptés).")
                           .arg(text));
    }

    QString international;
    if (c.plus)
        international = c.digits;
    else if (c.digits.startsWith(QLatin1String("00")))
        international = c.digits.mid(2);

    if (!c.plus && international.isEmpty()) {
        if (c.digits.size() != 10) {
            return invalid(tr("Le numéro de téléphone « %1 » doit compter 10 chiffres "
                              "(par exemple 01 41 23 80 00).")
                               .arg(text));
        }
        if (!c.digits.startsWith(QLatin1Char('0'))) {
            return invalid(tr("Le numéro de téléphone « %1 » doit commencer par 0 "
                              "(par exemple 01 41 23 80 00) ou par un indicatif (+33…).")
                               .arg(text));
        }
        return fromNational(c.digits);
    }

    if (international.isEmpty() || international.startsWith(QLatin1Char('0'))) {
        return invalid(tr("L'indicatif du numéro de téléphone « %1 » n'est pas valide.").arg(text));
    }

    const auto frenchRest = [&](qsizetype codeLength) -> QString {
        QString rest = international.mid(codeLength);
        if (rest.size() == 10 && rest.startsWith(QLatin1Char('0')))
            rest.remove(0, 1); // "+33 01 41 …": trunk 0 written after the code
        return rest;
    };
    if (international.startsWith(QLatin1String("33"))) {
        const QString rest = frenchRest(2);
        if (rest.size() != 9 || rest.startsWith(QLatin1Char('0'))) {
            return invalid(tr("Le numéro français « %1 » doit compter 9 chiffres après +33 "
                              "(par exemple +33 1 41 23 80 00).")
                               .arg(text));
        }
        return fromNational(QString(QLatin1Char('0') + rest));
    }
    for (QLatin1String code : overseasCodes) {
        if (international.startsWith(code)) {
            const QString rest = frenchRest(code.size());
            if (rest.size() != 9 || rest.startsWith(QLatin1Char('0'))) {
                return invalid(tr("Le numéro « %1 » doit compter 9 chiffres après +%2.").arg(text, code));
            }
            return QString(QLatin1Char('+') + code + rest);
        }
    }
    if (international.size() < 8 || international.size() > 15) {
        return invalid(tr("Le numéro international « %1 » n'est pas plausible : il doit compter "
                          "de 8 à 15 chiffres, indicatif compris.")
                           .arg(text));
    }
    return QString(QLatin1Char('+') + international);
}

bool PhoneNumber::isFrench(QStringView e164)
{
    return !nationalDigits(e164).isEmpty();
}

QString PhoneNumber::nationalDigits(QStringView e164)
{
    if (!e164.startsWith(QLatin1Char('+')) || !allDigits(e164.mid(1)))
        return {};
    // +33 and 9 digits, or an overseas code (3 digits) and 9 digits.
    if (e164.size() == 12 && e164.startsWith(QLatin1String("+33")))
        return QString(QLatin1Char('0') + e164.mid(3));
    if (e164.size() == 13) {
        for (QLatin1String code : overseasCodes) {
            if (e164.mid(1, 3) == code)
                return QString(QLatin1Char('0') + e164.mid(4));
        }
    }
    return {};
}

QString PhoneNumber::format(QStringView e164)
{
    const QString national = nationalDigits(e164);
    if (national.isEmpty())
        return e164.toString();
    QString out;
    out.reserve(14);
    for (qsizetype i = 0; i < national.size(); i += 2) {
        if (i > 0)
            out.append(QLatin1Char(' '));
        out.append(QStringView(national).mid(i, 2));
    }
    return out;
}

PhoneNumber::Query PhoneNumber::query(QStringView text, int minDigits)
{
    Query q;
    const QStringView trimmed = text.trimmed();
    const Cleaned c = clean(trimmed);
    if (!c.ok || c.digits.size() < qMax(1, minDigits))
        return q;

    const Result<QString> exact = normalize(trimmed);
    if (exact.ok()) {
        q.kind = Query::Kind::Exact;
        q.e164 = exact.value();
        return q;
    }

    QString international;
    if (c.plus)
        international = c.digits;
    else if (c.digits.startsWith(QLatin1String("00")))
        international = c.digits.mid(2);

    if (c.plus || !international.isEmpty()) {
        if (international.isEmpty() || international.startsWith(QLatin1Char('0'))
            || international.size() > 15)
            return q;
        if (international.startsWith(QLatin1String("330")))
            international.remove(2, 1); // "+33 0…" while typing
        q.kind = Query::Kind::Prefix;
        q.e164 = QLatin1Char('+') + international;
        return q;
    }
    if (c.digits.startsWith(QLatin1Char('0'))) {
        if (c.digits.size() >= 10)
            return q; // too long to be the start of a national number
        if (c.digits.size() >= 4) {
            for (const Overseas& o : overseasPrefixes) {
                if (c.digits.startsWith(o.nationalPrefix)) {
                    q.kind = Query::Kind::Prefix;
                    q.e164 = QLatin1Char('+') + o.countryCode + QStringView(c.digits).mid(1);
                    return q;
                }
            }
        }
        q.kind = Query::Kind::Prefix;
        q.e164 = QLatin1String("+33") + QStringView(c.digits).mid(1);
        return q;
    }
    if (c.digits.size() > 15)
        return q;
    q.kind = Query::Kind::Suffix;
    q.digits = c.digits;
    q.reversed = c.digits;
    std::reverse(q.reversed.begin(), q.reversed.end());
    return q;
}

QString PhoneNumber::reversedKey(QStringView e164)
{
    QString out;
    out.reserve(e164.size());
    for (qsizetype i = e164.size() - 1; i >= 0; --i) {
        if (isDigit(e164[i]))
            out.append(e164[i]);
    }
    return out;
}

} // namespace iris
