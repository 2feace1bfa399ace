#include "ArticleSet.h"

#include "knowledgebase/server/AtomicFile.h"
#include "knowledgebase/server/CanonicalJson.h"
#include "knowledgebase/server/Encoding.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <algorithm>
#include <stdexcept>

namespace iris::kbd {

namespace {

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 512)
        return false;
    return std::none_of(id.begin(), id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::string stringField(const Poco::JSON::Object::Ptr& object, const std::string& name)
{
    if (!object->has(name))
        return {};
    const Poco::Dynamic::Var value = object->get(name);
    return value.isString() ? value.convert<std::string>() : std::string();
}

} // namespace

ArticleSet ArticleSet::fromJsonLinesFile(const std::string& path)
{
    return fromJsonLines(AtomicFile::read(path));
}

ArticleSet ArticleSet::fromJsonLines(const std::string& text)
{
    ArticleSet set;
    std::vector<std::string> errors;
    size_t lineNumber = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const std::string where = "ligne " + std::to_string(lineNumber) + " : ";
        try {
            Poco::JSON::Parser parser;
            const Poco::Dynamic::Var value = parser.parse(line);
            if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
                errors.push_back(where + "un objet JSON est attendu");
                continue;
            }
            const auto object = value.extract<Poco::JSON::Object::Ptr>();
            PublishedArticle article;
            article.id = stringField(object, "id");
            if (!validId(article.id)) {
                errors.push_back(where + "champ « id » absent ou invalide");
                continue;
            }
            if (stringField(object, "title").empty()) {
                errors.push_back(where + "champ « title » absent ou vide");
                continue;
            }
            article.canonical = CanonicalJson::write(value);
            article.hash = sha256Hex(article.canonical);
            set.m_articles.push_back(std::move(article));
        } catch (const std::exception& e) {
            errors.push_back(where + "JSON invalide (" + e.what() + ")");
        }
    }
    std::sort(set.m_articles.begin(), set.m_articles.end(),
        [](const PublishedArticle& a, const PublishedArticle& b) { return a.id < b.id; });
    for (size_t i = 1; i < set.m_articles.size(); ++i) {
        if (set.m_articles[i].id == set.m_articles[i - 1].id)
            errors.push_back("identifiant en double : « " + set.m_articles[i].id + " »");
    }
    if (!errors.empty()) {
        std::string message = "export refusé, " + std::to_string(errors.size()) + " erreur(s) :";
        for (size_t i = 0; i < errors.size() && i < 20; ++i)
            message += "\n  " + errors[i];
        if (errors.size() > 20)
            message += "\n  …";
        throw std::runtime_error(message);
    }
    return set;
}

} // namespace iris::kbd
