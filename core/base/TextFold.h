#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace iris {

/// Accent- and case-folding for search keys ("Hélène" = "HELENE" = "helene").
///
/// fold() lower-cases, decomposes (NFD) and drops combining marks, expands the
/// French ligatures and ß (œ→oe, æ→ae, ß→ss), turns apostrophes, hyphens and
/// other punctuation into spaces, and collapses whitespace:
///   fold(u"  L’Haÿ-les-Roses ") == u"l hay les roses"
///   fold(u"CŒUR") == u"coeur",  fold(u"Jean-Pierre D'ARTAGNAN") == u"jean pierre d artagnan"
/// Digits are kept; every other non-letter becomes a separator. The result is pure
/// ASCII for Latin scripts, so it can be compared with a plain SQLite `LIKE 'x%'`
/// or a BINARY index range.
///
/// Fast path: ASCII characters and the Latin-1 / Latin Extended-A letters used in
/// French are folded by table lookup, without allocating per character; only rarer
/// characters go through QString::normalized(). Safe to call from any thread.
class TextFold final
{
public:
    TextFold() = delete;

    /// The folded form of `text` (see above); empty when text has no letter or digit.
    static QString fold(QStringView text);
    /// The folded words of `text`, in order (duplicates kept): tokens(u"Dupont-Moretti, Éric")
    /// == {"dupont", "moretti", "eric"}.
    static QStringList tokens(QStringView text);
};

} // namespace iris
