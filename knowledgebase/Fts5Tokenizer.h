#pragma once

struct fts5_api;

namespace iris::kb {

/// Name of the FTS5 tokenizer every knowledge-base connection registers.
inline constexpr const char* FrenchTokenizerName = "iris_fr";
/// Prefix of the stem tokens indexed next to each exact (folded) word.
inline constexpr char StemMarker = '~';

/// Registers the "iris_fr" FTS5 tokenizer (FrenchAnalyzer over FTS5):
///  - documents: each word as its folded form, plus "~stem" at the same position,
///    so a query can ask for the exact form, the stem, or both;
///  - auxiliary functions (snippet, highlight): folded forms only (positions match);
///  - queries: tokens written by the query builder pass through ("~stem" stays as is);
///    anything else is analyzed like a document without stems.
/// Returns SQLITE_OK or an SQLite error code.
int registerFrenchTokenizer(fts5_api* api);

} // namespace iris::kb
