#include "knowledgebase/FrenchAnalyzer.h"

#include <QChar>
#include <QList>
#include <QString>
#include <algorithm>
#include <array>
#include <libstemmer.h>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace iris::kb {

namespace {

// Snowball's French stop list, folded, plus the words agents put around a question
// ("comment", "quel", "faut"…) that say nothing about the subject.
constexpr std::string_view StopWordList[] = {
    "a",
    "ai",
    "aie",
    "aient",
    "aies",
    "ait",
    "as",
    "au",
    "aura",
    "aurai",
    "auraient",
    "aurais",
    "aurait",
    "auras",
    "aurez",
    "auriez",
    "aurions",
    "aurons",
    "auront",
    "aux",
    "avaient",
    "avais",
    "avait",
    "avec",
    "avez",
    "aviez",
    "avions",
    "avoir",
    "avons",
    "ayant",
    "ayez",
    "ayons",
    "c",
    "ce",
    "ceci",
    "cela",
    "ces",
    "cet",
    "cette",
    "d",
    "dans",
    "de",
    "des",
    "du",
    "elle",
    "elles",
    "en",
    "es",
    "est",
    "et",
    "etaient",
    "etais",
    "etait",
    "etant",
    "ete",
    "etee",
    "etees",
    "etes",
    "etiez",
    "etions",
    "etre",
    "eu",
    "eue",
    "eues",
    "eurent",
    "eus",
    "eusse",
    "eut",
    "eux",
    "furent",
    "fus",
    "fut",
    "il",
    "ils",
    "j",
    "je",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lui",
    "m",
    "ma",
    "mais",
    "me",
    "meme",
    "mes",
    "moi",
    "mon",
    "n",
    "ne",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "pas",
    "pour",
    "qu",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "s",
    "sa",
    "sans",
    "se",
    "sera",
    "serai",
    "seraient",
    "serais",
    "serait",
    "seras",
    "serez",
    "seriez",
    "serions",
    "serons",
    "seront",
    "ses",
    "soi",
    "soient",
    "sois",
    "soit",
    "sommes",
    "son",
    "sont",
    "soyez",
    "soyons",
    "suis",
    "sur",
    "t",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tu",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
    "y",
    // question words and filler verbs typed by agents
    "comment",
    "pourquoi",
    "quand",
    "combien",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "dont",
    "faut",
    "peut",
    "peux",
    "puis",
    "dois",
    "doit",
    "doivent",
    "veux",
    "veut",
    "voudrais",
    "souhaite",
    "souhaiterais",
    "aimerais",
    "besoin",
    "faire",
    "fait",
    "svp",
    "merci",
    "bonjour",
    "ca",
    "ici",
    "tout",
    "tous",
    "toute",
    "toutes",
    "si",
    "ni",
    "car",
    "donc",
    "or",
    "mes",
    "sont",
    "quoi",
    "chez",
};

constexpr std::string_view ElisionList[] = {
    "l",
    "d",
    "j",
    "m",
    "n",
    "s",
    "t",
    "c",
    "qu",
    "jusqu",
    "lorsqu",
    "puisqu",
    "quoiqu",
    "presqu",
};

bool isApostrophe(char32_t cp)
{
    return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC' || cp == U'\u2018' || cp == U'`';
}

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

/// Decodes one code point; invalid bytes decode as U+FFFD and advance by one.
char32_t decodeUtf8(std::string_view s, size_t pos, int* length)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        *length = 1;
        return b0;
    }
    int n = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        n = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        *length = 1;
        return 0xFFFD;
    }
    if (pos + n > s.size()) {
        *length = 1;
        return 0xFFFD;
    }
    for (int i = 1; i < n; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            *length = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    *length = n;
    return cp;
}

/// Folding of one code point: `kind` says whether it belongs to a word.
struct Folded
{
    enum Kind : unsigned char { Separator, Word, Mark } kind = Separator;
    std::string text;
};

Folded foldSlow(char32_t cp)
{
    Folded f;
    const auto category = QChar::category(cp);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
        || category == QChar::Mark_Enclosing) {
        f.kind = Folded::Mark;
        return f;
    }
    if (!QChar::isLetterOrNumber(cp))
        return f;
    f.kind = Folded::Word;
    switch (cp) {
    case U'œ':
    case U'Œ':
        f.text = "oe";
        return f;
    case U'æ':
    case U'Æ':
        f.text = "ae";
        return f;
    case U'ß':
        f.text = "ss";
        return f;
    case U'ø':
    case U'Ø':
        f.text = "o";
        return f;
    case U'đ':
    case U'Đ':
        f.text = "d";
        return f;
    case U'ł':
    case U'Ł':
        f.text = "l";
        return f;
    case U'ı':
        f.text = "i";
        return f;
    default:
        break;
    }
    char32_t lower = QChar::toLower(cp);
    // Canonical and compatibility decompositions give the base letter (é → e, ﬁ → fi,
    // ² → 2); only keep the part made of letters and digits.
    const QString decomposition = QChar::decomposition(lower);
    if (!decomposition.isEmpty()) {
        std::string base;
        const QList<uint> ucs4 = decomposition.toUcs4();
        for (uint c : ucs4) {
            if (QChar::isLetterOrNumber(c)) {
                const Folded inner = foldSlow(c);
                base += inner.text;
            }
        }
        if (!base.empty()) {
            f.text = base;
            return f;
        }
    }
    appendUtf8(f.text, lower);
    return f;
}

/// Precomputed folding for Latin-1 and Latin Extended-A/B, where French lives.
class FoldTable
{
public:
    FoldTable()
    {
        for (char32_t cp = 0; cp < Size; ++cp)
            m_table[cp] = foldSlow(cp);
    }
    const Folded& at(char32_t cp) const { return m_table[cp]; }
    static constexpr char32_t Size = 0x250;

private:
    std::array<Folded, Size> m_table;
};

const FoldTable& foldTable()
{
    static const FoldTable table;
    return table;
}

template<size_t N> std::unordered_set<std::string_view> makeSet(const std::string_view (&list)[N])
{
    return std::unordered_set<std::string_view>(std::begin(list), std::end(list));
}

} // namespace

struct FrenchAnalyzer::Private
{
    sb_stemmer* stemmer = nullptr;
    // Stemming is the costliest step of indexing; a page's words repeat a lot and the
    // vocabulary of a knowledge base is small, so a bounded cache pays back quickly.
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> stems;
    static constexpr size_t MaxCachedStems = 200000;
};

FrenchAnalyzer::FrenchAnalyzer()
    : d(std::make_unique<Private>())
{
    d->stemmer = sb_stemmer_new("french", "UTF_8");
    (void)foldTable();
}

FrenchAnalyzer::~FrenchAnalyzer()
{
    if (d->stemmer)
        sb_stemmer_delete(d->stemmer);
}

bool FrenchAnalyzer::isStopWord(std::string_view folded)
{
    static const auto set = makeSet(StopWordList);
    return set.contains(folded);
}

bool FrenchAnalyzer::isElision(std::string_view folded)
{
    static const auto set = makeSet(ElisionList);
    return set.contains(folded);
}

std::string FrenchAnalyzer::stem(std::string_view folded)
{
    if (!d->stemmer || folded.empty())
        return std::string(folded);
    if (const auto it = d->stems.find(folded); it != d->stems.end())
        return it->second;
    std::string result = stemUncached(folded);
    if (d->stems.size() >= Private::MaxCachedStems)
        d->stems.clear();
    d->stems.emplace(std::string(folded), result);
    return result;
}

std::string FrenchAnalyzer::stemUncached(std::string_view folded)
{
    const sb_symbol* out
        = sb_stemmer_stem(d->stemmer, reinterpret_cast<const sb_symbol*>(folded.data()), int(folded.size()));
    if (!out)
        return std::string(folded);
    return std::string(reinterpret_cast<const char*>(out), size_t(sb_stemmer_length(d->stemmer)));
}

std::string FrenchAnalyzer::fold(std::string_view utf8)
{
    const FoldTable& table = foldTable();
    std::string out;
    out.reserve(utf8.size());
    for (size_t pos = 0; pos < utf8.size();) {
        int length = 1;
        const char32_t cp = decodeUtf8(utf8, pos, &length);
        pos += size_t(length);
        if (cp < FoldTable::Size) {
            const Folded& f = table.at(cp);
            out += f.kind == Folded::Word ? f.text
                                          : (f.kind == Folded::Mark ? std::string() : std::string(1, ' '));
        } else {
            const Folded f = foldSlow(cp);
            out += f.kind == Folded::Word ? f.text
                                          : (f.kind == Folded::Mark ? std::string() : std::string(1, ' '));
        }
    }
    return out;
}

void FrenchAnalyzer::analyze(
    std::string_view utf8, const std::function<void(const AnalyzedToken&)>& sink, Stemming stemming)
{
    const FoldTable& table = foldTable();
    AnalyzedToken token;
    bool inWord = false;
    bool hasDigit = false;

    auto finish = [&](int end) {
        if (!inWord)
            return;
        inWord = false;
        token.end = end;
        const size_t size = token.folded.size();
        const bool singleLetter = size == 1 && !hasDigit;
        if (size == 0 || size > size_t(MaxTokenBytes) || singleLetter || isStopWord(token.folded))
            return;
        if (stemming == Stemming::On && !hasDigit)
            token.stem = stem(token.folded);
        else
            token.stem.clear();
        sink(token);
    };

    for (size_t pos = 0; pos < utf8.size();) {
        int length = 1;
        const char32_t cp = decodeUtf8(utf8, pos, &length);
        const size_t next = pos + size_t(length);
        if (isApostrophe(cp)) {
            if (inWord && isElision(token.folded) && next < utf8.size()) {
                int nextLength = 1;
                const char32_t after = decodeUtf8(utf8, next, &nextLength);
                if (QChar::isLetter(after)) {
                    inWord = false; // drop the elided article, the word follows
                    pos = next;
                    continue;
                }
            }
            finish(int(pos));
            pos = next;
            continue;
        }
        Folded slow;
        const Folded* f;
        if (cp < FoldTable::Size) {
            f = &table.at(cp);
        } else {
            slow = foldSlow(cp);
            f = &slow;
        }
        if (f->kind == Folded::Separator) {
            finish(int(pos));
        } else {
            if (!inWord) {
                inWord = true;
                hasDigit = false;
                token.folded.clear();
                token.start = int(pos);
            }
            if (f->kind == Folded::Word) {
                token.folded += f->text;
                if (cp >= U'0' && cp <= U'9')
                    hasDigit = true;
            }
        }
        pos = next;
    }
    finish(int(utf8.size()));
}

} // namespace iris::kb
