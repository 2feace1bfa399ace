#include "core/base/Validators.h"

#include <QCoreApplication>
#include <QUrl>
#include <algorithm>

namespace iris {

namespace {

Error invalid(const QString& message)
{
    return Error(ErrorCode::Validation, message);
}

bool isApostrophe(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\'' || u == u'\u2019' || u == u'\u2018' || u == u'\u02BC' || u == u'`' || u == u'\u00B4';
}

bool isHyphen(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'-' || u == u'\u2010' || u == u'\u2011' || u == u'\u2013';
}

// Separators of name parts: the next letter starts a new capitalised part.
bool isNameSeparator(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('\'');
}

QString capitaliseParts(const QString& name)
{
    QString out = name.toLower();
    bool startOfPart = true;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (isNameSeparator(c)) {
            startOfPart = true;
        } else if (c.isLetter()) {
            if (startOfPart) {
                const QChar upper = c.toUpper(); // single-unit result; "ß" stays as is
                out[i] = upper;
            }
            startOfPart = false;
        }
    }
    return out;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isAtext(QChar c)
{
    static const QString specials = QStringLiteral("!#$%&'*+/=?^_`{|}~-");
    return isAsciiAlnum(c) || specials.contains(c);
}

bool isValidDotAtom(QStringView local)
{
    if (local.isEmpty() || local.front() == QLatin1Char('.') || local.back() == QLatin1Char('.'))
        return false;
    QChar previous;
    for (QChar c : local) {
        if (c == QLatin1Char('.')) {
            if (previous == QLatin1Char('.'))
                return false;
        } else if (!isAtext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

// ASCII (or ACE-encoded) host name with at least two labels and a TLD of letters (or xn--).
bool isValidAsciiDomain(QStringView domain)
{
    if (domain.isEmpty() || domain.size() > 253)
        return false;
    const QList<QStringView> labels = domain.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return false;
    for (QStringView label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.front() == QLatin1Char('-')
            || label.back() == QLatin1Char('-'))
            return false;
        for (QChar c : label) {
            if (!isAsciiAlnum(c) && c != QLatin1Char('-'))
                return false;
        }
    }
    const QStringView tld = labels.back();
    if (tld.startsWith(QLatin1String("xn--"), Qt::CaseInsensitive))
        return true;
    if (tld.size() < 2)
        return false;
    for (QChar c : tld) {
        if (!c.isLetter())
            return false;
    }
    return true;
}

} // namespace

Result<QString> Validators::personName(QStringView input, NameKind kind)
{
    const bool isNom = kind == NameKind::Nom;
    const qsizetype maxLength = isNom ? 80 : 120;

    // Typographic variants first, then whitespace.
    QString s = input.toString().normalized(QString::NormalizationForm_C);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (isApostrophe(s.at(i)))
            s[i] = QLatin1Char('\'');
        else if (isHyphen(s.at(i)))
            s[i] = QLatin1Char('-');
    }
    s = s.simplified();
    // No space around hyphens and apostrophes: "Dupont - Durand" → "Dupont-Durand".
    QString tidy;
    tidy.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char(' ')) {
            const QChar before = tidy.isEmpty() ? QChar() : tidy.back();
            const QChar after = i + 1 < s.size() ? s.at(i + 1) : QChar();
            if (before == QLatin1Char('-') || before == QLatin1Char('\'') || after == QLatin1Char('-')
                || after == QLatin1Char('\''))
                continue;
        }
        tidy.append(c);
    }

    if (tidy.isEmpty())
        return invalid(isNom ? tr("Le nom est vide.") : tr("Le prénom est vide."));
    if (tidy.size() > maxLength) {
        return invalid((isNom ? tr("Le nom ne peut pas dépasser %1 caractères.")
                              : tr("Les prénoms ne peuvent pas dépasser %1 caractères."))
                           .arg(maxLength));
    }

    bool hasLetter = false;
    bool hasLower = false;
    bool hasUpper = false;
    for (qsizetype i = 0; i < tidy.size(); ++i) {
        const QChar c = tidy.at(i);
        if (c.isLetter()) {
            hasLetter = true;
            hasLower = hasLower || c.isLower();
            hasUpper = hasUpper || c.isUpper();
            continue;
        }
        if (c.isMark() && i > 0 && (tidy.at(i - 1).isLetter() || tidy.at(i - 1).isMark()))
            continue; // a letter + combining accent with no precomposed form
        if (isNameSeparator(c))
            continue;
        if (c.isDigit()) {
            return invalid(isNom ? tr("Le nom ne peut pas contenir de chiffre.")
                                 : tr("Le prénom ne peut pas contenir de chiffre."));
        }
        return invalid((isNom ? tr("Le nom contient un caractère non autorisé : « %1 ».")
                              : tr("Le prénom contient un caractère non autorisé : « %1 »."))
                           .arg(c));
    }
    if (!hasLetter)
        return invalid(isNom ? tr("Le nom doit contenir au moins une lettre.")
                             : tr("Le prénom doit contenir au moins une lettre."));

    const QChar first = tidy.front();
    const QChar last = tidy.back();
    const bool badEdge = first == QLatin1Char('-') || first == QLatin1Char('\'') || last == QLatin1Char('-')
        || last == QLatin1Char('\'');
    const bool badRun = tidy.contains(QLatin1String("''")) || tidy.contains(QLatin1String("-'"))
        || tidy.contains(QLatin1String("'-")) || tidy.contains(QLatin1String("---"))
        || (!isNom && tidy.contains(QLatin1String("--")));
    if (badEdge || badRun) {
        return invalid(isNom
                ? tr(
                    "Le nom est mal formé : un trait d'union ou une apostrophe doit être entre deux lettres.")
                : tr("Le prénom est mal formé : un trait d'union ou une apostrophe doit être entre deux "
                     "lettres."));
    }

    if (!(hasLower && hasUpper))
        tidy = capitaliseParts(tidy);
    return tidy;
}

QString Validators::displayNom(QStringView nom)
{
    return nom.toString().toUpper();
}

QString Validators::displayFullName(QStringView nom, QStringView prenoms)
{
    const QString upper = displayNom(nom.trimmed());
    const QStringView given = prenoms.trimmed();
    if (upper.isEmpty())
        return given.toString();
    if (given.isEmpty())
        return upper;
    return upper + QLatin1Char(' ') + given;
}

Result<QDate> Validators::birthDate(const QDate& date, const QDate& today)
{
    if (!date.isValid())
        return invalid(tr("La date de naissance n'est pas une date valide."));
    if (date > today)
        return invalid(tr("La date de naissance ne peut pas être dans le futur."));
    if (date < QDate(1900, 1, 1))
        return invalid(tr("La date de naissance ne peut pas être antérieure au 1er janvier 1900."));
    return date;
}

Result<QDate> Validators::birthDate(QStringView text, const QDate& today)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return invalid(tr("La date de naissance est vide."));
    const QDate date = parseDate(trimmed);
    if (!date.isValid()) {
        return invalid(tr("La date de naissance « %1 » n'est pas une date valide (jj/mm/aaaa).")
                           .arg(trimmed.toString()));
    }
    return birthDate(date, today);
}

QDate Validators::parseDate(QStringView text)
{
    const QString s = text.trimmed().toString();
    if (s.size() == 8 && std::all_of(s.cbegin(), s.cend(), isAsciiDigit))
        return QDate::fromString(s, QStringLiteral("ddMMyyyy"));
    static const QStringList formats {
        QStringLiteral("d/M/yyyy"),
        QStringLiteral("d.M.yyyy"),
        QStringLiteral("d-M-yyyy"),
        QStringLiteral("yyyy-M-d"),
    };
    for (const QString& format : formats) {
        const QDate date = QDate::fromString(s, format);
        if (date.isValid())
            return date;
    }
    return {};
}

Result<QString> Validators::email(QStringView input)
{
    const QString s = input.trimmed().toString();
    if (s.isEmpty())
        return invalid(tr("L'adresse électronique est vide."));
    if (std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); }))
        return invalid(tr("L'adresse électronique ne peut pas contenir d'espace."));
    if (s.size() > 254)
        return invalid(tr("L'adresse électronique est trop longue (254 caractères au plus)."));
    if (s.count(QLatin1Char('@')) != 1) {
        return invalid(tr("L'adresse électronique « %1 » doit contenir un et un seul « @ » "
                          "(par exemple prenom.nom@exemple.fr).")
                           .arg(s));
    }
    const qsizetype at = s.indexOf(QLatin1Char('@'));
    const QString local = s.left(at);
    const QString domain = s.mid(at + 1).toLower();
    if (local.size() > 64 || !isValidDotAtom(local)) {
        return invalid(tr("La partie avant « @ » de l'adresse électronique « %1 » n'est pas valide.").arg(s));
    }
    bool ascii = true;
    for (QChar c : domain)
        ascii = ascii && c.unicode() < 0x80;
    const QString aceDomain = ascii ? domain : QString::fromLatin1(QUrl::toAce(domain));
    if (!isValidAsciiDomain(aceDomain)) {
        return invalid(tr("Le domaine « %1 » de l'adresse électronique n'est pas valide.")
                           .arg(domain.isEmpty() ? s : domain));
    }
    return QString(local + QLatin1Char('@') + domain);
}

Result<QString> Validators::postcode(QStringView input)
{
    QString digits;
    for (QChar c : input) {
        if (!c.isSpace())
            digits.append(c);
    }
    if (digits.isEmpty())
        return invalid(tr("Le code postal est vide."));
    if (digits.size() != 5 || !std::all_of(digits.cbegin(), digits.cend(), isAsciiDigit)) {
        return invalid(tr("Le code postal « %1 » doit compter 5 chiffres (par exemple 92130).")
                           .arg(input.trimmed().toString()));
    }
    if (digits.startsWith(QLatin1String("00")))
        return invalid(tr("Le code postal « %1 » n'existe pas.").arg(digits));
    return digits;
}

} // namespace iris
