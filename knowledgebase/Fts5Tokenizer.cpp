#include "knowledgebase/Fts5Tokenizer.h"

#include "knowledgebase/FrenchAnalyzer.h"

#include <sqlite3.h>
#include <string>
#include <string_view>

namespace iris::kb {

namespace {

struct TokenizerInstance
{
    FrenchAnalyzer analyzer;
    std::string buffer;
};

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int xCreate(void*, const char**, int, Fts5Tokenizer** out)
{
    *out = reinterpret_cast<Fts5Tokenizer*>(new TokenizerInstance);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer* tokenizer)
{
    delete reinterpret_cast<TokenizerInstance*>(tokenizer);
}

int tokenizeQuery(TokenizerInstance* self, void* ctx, std::string_view text, TokenCallback xToken)
{
    int rc = SQLITE_OK;
    size_t pos = 0;
    while (rc == SQLITE_OK && pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        size_t end = pos;
        while (end < text.size() && text[end] != ' ')
            ++end;
        if (end == pos)
            break;
        const std::string_view piece = text.substr(pos, end - pos);
        if (piece.front() == StemMarker) {
            rc = xToken(ctx, 0, piece.data(), int(piece.size()), int(pos), int(end));
        } else {
            self->analyzer.analyze(
                piece,
                [&](const AnalyzedToken& t) {
                    if (rc == SQLITE_OK)
                        rc = xToken(ctx, 0, t.folded.data(), int(t.folded.size()), int(pos) + t.start,
                            int(pos) + t.end);
                },
                FrenchAnalyzer::Stemming::Off);
        }
        pos = end;
    }
    return rc;
}

int xTokenize(
    Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int length, TokenCallback xToken)
{
    auto* self = reinterpret_cast<TokenizerInstance*>(tokenizer);
    const std::string_view input(text ? text : "", text ? size_t(length) : 0);
    if (flags & FTS5_TOKENIZE_QUERY)
        return tokenizeQuery(self, ctx, input, xToken);

    const bool withStems = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
    int rc = SQLITE_OK;
    self->analyzer.analyze(
        input,
        [&](const AnalyzedToken& t) {
            if (rc != SQLITE_OK)
                return;
            rc = xToken(ctx, 0, t.folded.data(), int(t.folded.size()), t.start, t.end);
            if (rc == SQLITE_OK && withStems && !t.stem.empty()) {
                self->buffer.assign(1, StemMarker);
                self->buffer += t.stem;
                rc = xToken(
                    ctx, FTS5_TOKEN_COLOCATED, self->buffer.data(), int(self->buffer.size()), t.start, t.end);
            }
        },
        withStems ? FrenchAnalyzer::Stemming::On : FrenchAnalyzer::Stemming::Off);
    return rc;
}

} // namespace

int registerFrenchTokenizer(fts5_api* api)
{
    fts5_tokenizer tokenizer { xCreate, xDelete, xTokenize };
    return api->xCreateTokenizer(api, FrenchTokenizerName, nullptr, &tokenizer, nullptr);
}

} // namespace iris::kb
