#pragma once

#include <string>
#include <vector>

namespace iris::kbd {

/// One article of an export: its id, its canonical JSON (all fields, extra
/// ones such as the owner service or the review date kept as they are) and
/// the SHA-256 of that canonical text.
struct PublishedArticle
{
    std::string id;
    std::string canonical;
    std::string hash;
};

/// The articles of a JSON Lines export, sorted by id (byte order).
class ArticleSet final
{
public:
    /// Parses the export; throws std::runtime_error listing the faulty lines
    /// (line numbers from 1). A faulty export is refused whole: the server never
    /// publishes part of what the editors sent.
    static ArticleSet fromJsonLinesFile(const std::string& path);
    static ArticleSet fromJsonLines(const std::string& text);

    const std::vector<PublishedArticle>& articles() const { return m_articles; }

private:
    std::vector<PublishedArticle> m_articles;
};

} // namespace iris::kbd
