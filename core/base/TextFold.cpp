#include "core/base/TextFold.h"

#include <array>

namespace iris {

namespace {

// Folding of one character: up to 4 UTF-16 units; len == 0 means "separator".
struct Folded
{
    std::array<char16_t, 4> units {};
    quint8 len = 0;
};

constexpr char32_t TableSize = 0x180; // Latin-1 + Latin Extended-A: every French letter

// Characters NFKD does not take apart but that a French agent expects to match their
// ASCII spelling (ligatures, ß, and a few letters with strokes).
QString specialFold(char32_t c)
{
    switch (c) {
    case U'œ':
    case U'Œ':
        return QStringLiteral("oe");
    case U'æ':
    case U'Æ':
        return QStringLiteral("ae");
    case U'ß':
        return QStringLiteral("ss");
    case U'ø':
    case U'Ø':
        return QStringLiteral("o");
    case U'đ':
    case U'Đ':
    case U'ð':
    case U'Ð':
        return QStringLiteral("d");
    case U'ł':
    case U'Ł':
        return QStringLiteral("l");
    case U'ħ':
    case U'Ħ':
        return QStringLiteral("h");
    case U'ı':
        return QStringLiteral("i");
    case U'þ':
    case U'Þ':
        return QStringLiteral("th");
    default:
        return {};
    }
}

// Slow path, also used to build the table: lower-case, compatibility-decompose, keep
// letters and digits, drop combining marks.
QString foldCodePoint(char32_t c)
{
    QString special = specialFold(c);
    if (!special.isEmpty())
        return special;
    if (!QChar::isLetterOrNumber(c))
        return {};
    const QString decomposed = QString::fromUcs4(&c, 1).toLower().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar ch : decomposed) {
        if (ch.isLetterOrNumber())
            out.append(ch);
    }
    return out;
}

const std::array<Folded, TableSize>& table()
{
    static const std::array<Folded, TableSize> t = [] {
        std::array<Folded, TableSize> built {};
        for (char32_t c = 0; c < TableSize; ++c) {
            const QString f = foldCodePoint(c);
            Folded& entry = built[c];
            entry.len = quint8(qMin<qsizetype>(f.size(), qsizetype(entry.units.size())));
            for (int i = 0; i < entry.len; ++i)
                entry.units[size_t(i)] = f.at(i).unicode();
        }
        return built;
    }();
    return t;
}

} // namespace

QString TextFold::fold(QStringView text)
{
    const auto& t = table();
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    const auto appendWord = [&](const char16_t* units, qsizetype len) {
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(reinterpret_cast<const QChar*>(units), len);
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        if (u < TableSize) {
            const Folded& f = t[u];
            if (f.len == 0)
                pendingSpace = true;
            else
                appendWord(f.units.data(), f.len);
            continue;
        }
        char32_t c = u;
        if (QChar::isHighSurrogate(u) && i + 1 < n && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(u, text[i + 1].unicode());
            ++i;
        }
        if (QChar::isMark(c))
            continue; // already-decomposed accent: belongs to the previous letter
        const QString f = foldCodePoint(c);
        if (f.isEmpty())
            pendingSpace = true;
        else
            appendWord(reinterpret_cast<const char16_t*>(f.utf16()), f.size());
    }
    return out;
}

QStringList TextFold::tokens(QStringView text)
{
    const QString folded = fold(text);
    QStringList words;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        if (i == folded.size() || folded.at(i) == QLatin1Char(' ')) {
            if (i > start)
                words.append(folded.mid(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

} // namespace iris
