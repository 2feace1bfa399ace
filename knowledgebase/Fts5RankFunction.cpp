#include "knowledgebase/Fts5RankFunction.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <sqlite3.h>

namespace iris::kb {

namespace {

constexpr double K1 = 1.2;
constexpr double B = 0.75;
// How hard a page missing some query words is pushed down (measured: 1.5).
constexpr double CoverageExponent = 1.5;

void appendNumber(std::string& out, double value)
{
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "%.4g", value);
    out.append(buffer, size_t(std::max(0, n)));
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find(separator, start);
        const size_t stop = end == std::string_view::npos ? text.size() : end;
        if (stop > start)
            parts.push_back(text.substr(start, stop - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return parts;
}

bool parseDouble(std::string_view text, double* value)
{
    // std::from_chars for double is not available in every libstdc++ we target.
    std::string copy(text);
    char* end = nullptr;
    *value = std::strtod(copy.c_str(), &end);
    return end && *end == '\0' && std::isfinite(*value);
}

bool parseInt(std::string_view text, int* value)
{
    const auto result = std::from_chars(text.data(), text.data() + text.size(), *value);
    return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

struct QueryState
{
    RankSpec spec;
    std::vector<double> averageLength; // per column
    std::vector<double> groupScore; // scratch, per row
    std::vector<int> columnLength; // scratch, per row
    std::vector<int> termFrequency; // scratch, per row
    double totalGroupWeight = 0;
};

void deleteState(void* state)
{
    delete static_cast<QueryState*>(state);
}

QueryState* prepareState(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* argument, int* rc)
{
    auto* state = static_cast<QueryState*>(api->xGetAuxdata(fts, 0));
    if (state)
        return state;
    state = new QueryState;
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argument));
    const int columns = api->xColumnCount(fts);
    const int phrases = api->xPhraseCount(fts);
    if (!text || !RankSpec::decode(text, &state->spec) || int(state->spec.phraseGroup.size()) != phrases) {
        // A query written by hand (no spec): every phrase its own group, plain weights.
        state->spec = RankSpec {};
        for (int p = 0; p < phrases; ++p) {
            state->spec.phraseGroup.push_back(p);
            state->spec.phraseWeight.push_back(1.0);
            state->spec.groupWeight.push_back(1.0);
        }
    }
    state->spec.columnWeights.resize(size_t(columns), 1.0);
    for (int& g : state->spec.phraseGroup)
        g = std::clamp(g, 0, std::max(0, int(state->spec.groupWeight.size()) - 1));
    if (state->spec.groupWeight.empty())
        state->spec.groupWeight.push_back(1.0);

    sqlite3_int64 rows = 0;
    *rc = api->xRowCount(fts, &rows);
    state->averageLength.assign(size_t(columns), 1.0);
    for (int c = 0; c < columns && *rc == SQLITE_OK; ++c) {
        sqlite3_int64 total = 0;
        *rc = api->xColumnTotalSize(fts, c, &total);
        if (rows > 0 && total > 0)
            state->averageLength[size_t(c)] = double(total) / double(rows);
    }
    state->groupScore.resize(state->spec.groupWeight.size());
    state->columnLength.resize(size_t(columns));
    state->termFrequency.resize(size_t(columns));
    for (double w : state->spec.groupWeight)
        state->totalGroupWeight += w;
    if (*rc == SQLITE_OK)
        *rc = api->xSetAuxdata(fts, state, deleteState);
    else
        delete state;
    return *rc == SQLITE_OK ? state : nullptr;
}

void rankFunction(
    const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv)
{
    int rc = SQLITE_OK;
    QueryState* state = prepareState(api, fts, argc > 0 ? argv[0] : nullptr, &rc);
    if (!state) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    const int columns = int(state->columnLength.size());
    for (int c = 0; c < columns && rc == SQLITE_OK; ++c)
        rc = api->xColumnSize(fts, c, &state->columnLength[size_t(c)]);
    std::fill(state->groupScore.begin(), state->groupScore.end(), 0.0);

    const int phrases = int(state->spec.phraseGroup.size());
    for (int p = 0; p < phrases && rc == SQLITE_OK; ++p) {
        std::fill(state->termFrequency.begin(), state->termFrequency.end(), 0);
        Fts5PhraseIter iter;
        int column = -1;
        int offset = -1;
        bool any = false;
        rc = api->xPhraseFirst(fts, p, &iter, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) {
            if (column < columns) {
                ++state->termFrequency[size_t(column)];
                any = true;
            }
        }
        if (!any)
            continue;
        double score = 0;
        for (int c = 0; c < columns; ++c) {
            const int tf = state->termFrequency[size_t(c)];
            if (tf == 0)
                continue;
            const double norm
                = 1.0 - B + B * double(state->columnLength[size_t(c)]) / state->averageLength[size_t(c)];
            score += state->spec.columnWeights[size_t(c)] * (double(tf) * (K1 + 1.0))
                / (double(tf) + K1 * norm);
        }
        score *= state->spec.phraseWeight[size_t(p)];
        double& group = state->groupScore[size_t(state->spec.phraseGroup[size_t(p)])];
        group = std::max(group, score);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    double total = 0;
    double covered = 0;
    for (size_t g = 0; g < state->groupScore.size(); ++g) {
        if (state->groupScore[g] > 0) {
            total += state->groupScore[g];
            covered += state->spec.groupWeight[g];
        }
    }
    const double coverage = state->totalGroupWeight > 0 ? covered / state->totalGroupWeight : 1.0;
    sqlite3_result_double(result, -total * std::pow(coverage, CoverageExponent));
}

} // namespace

std::string RankSpec::encode() const
{
    std::string out;
    for (size_t i = 0; i < columnWeights.size(); ++i) {
        if (i)
            out += ',';
        appendNumber(out, columnWeights[i]);
    }
    out += ';';
    for (size_t i = 0; i < phraseGroup.size(); ++i) {
        if (i)
            out += ',';
        out += std::to_string(phraseGroup[i]);
        out += ':';
        appendNumber(out, phraseWeight[i]);
    }
    out += ';';
    for (size_t i = 0; i < groupWeight.size(); ++i) {
        if (i)
            out += ',';
        appendNumber(out, groupWeight[i]);
    }
    return out;
}

bool RankSpec::decode(std::string_view text, RankSpec* spec)
{
    const auto sections = [&] {
        std::vector<std::string_view> parts;
        size_t start = 0;
        for (int i = 0; i < 3; ++i) {
            const size_t end = text.find(';', start);
            parts.push_back(
                text.substr(start, end == std::string_view::npos ? text.size() - start : end - start));
            if (end == std::string_view::npos)
                break;
            start = end + 1;
        }
        return parts;
    }();
    if (sections.size() != 3)
        return false;
    RankSpec out;
    for (std::string_view w : split(sections[0], ',')) {
        double value = 0;
        if (!parseDouble(w, &value))
            return false;
        out.columnWeights.push_back(value);
    }
    for (std::string_view item : split(sections[1], ',')) {
        const size_t colon = item.find(':');
        int group = 0;
        double weight = 0;
        if (colon == std::string_view::npos || !parseInt(item.substr(0, colon), &group)
            || !parseDouble(item.substr(colon + 1), &weight))
            return false;
        out.phraseGroup.push_back(group);
        out.phraseWeight.push_back(weight);
    }
    for (std::string_view w : split(sections[2], ',')) {
        double value = 0;
        if (!parseDouble(w, &value))
            return false;
        out.groupWeight.push_back(value);
    }
    *spec = std::move(out);
    return true;
}

int registerRankFunction(fts5_api* api)
{
    return api->xCreateFunction(api, RankFunctionName, nullptr, rankFunction, nullptr);
}

} // namespace iris::kb
