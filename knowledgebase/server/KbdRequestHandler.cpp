#include "KbdRequestHandler.h"

#include "knowledgebase/server/AccessLog.h"
#include "knowledgebase/server/CanonicalJson.h"
#include "knowledgebase/server/ManifestCache.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <sys/stat.h>
#include <vector>

namespace iris::kbd {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace {

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos < path.size()) {
        const size_t next = path.find('/', pos);
        const size_t end = next == std::string::npos ? path.size() : next;
        if (end > pos)
            parts.push_back(path.substr(pos, end - pos));
        pos = end + 1;
    }
    return parts;
}

std::optional<uint64_t> parseVersion(const std::string& text)
{
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::strtoull(text.c_str(), nullptr, 10);
}

bool etagMatches(const HTTPServerRequest& request, const std::string& etag)
{
    const std::string header = request.get("If-None-Match", "");
    return !header.empty() && (header == "*" || header.find(etag) != std::string::npos);
}

} // namespace

KbdRequestHandler::KbdRequestHandler(ManifestCache& cache, AccessLog& log)
    : m_cache(cache)
    , m_log(log)
{
}

void KbdRequestHandler::handleRequest(HTTPServerRequest& request, HTTPServerResponse& response)
{
    const auto start = std::chrono::steady_clock::now();
    uint64_t bytes = 0;
    try {
        bytes = route(request, response);
    } catch (const std::exception& e) {
        if (!response.sent()) {
            std::string body = "{\"error\":\"unavailable\",\"message\":";
            CanonicalJson::appendString(body, e.what());
            body += "}";
            bytes = sendJson(request, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, body);
        }
    }
    const double ms
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    m_log.request(request.getMethod(), request.getURI(), static_cast<int>(response.getStatus()), bytes, ms,
        request.clientAddress().host().toString());
}

uint64_t KbdRequestHandler::route(HTTPServerRequest& request, HTTPServerResponse& response)
{
    response.set("Server", "iris-kbd/" IRIS_VERSION);
    const std::string& method = request.getMethod();
    if (method != "GET" && method != "HEAD") {
        response.set("Allow", "GET, HEAD");
        return sendJson(
            request, response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "{\"error\":\"method-not-allowed\"}");
    }
    const std::vector<std::string> parts = splitPath(Poco::URI(request.getURI()).getPath());
    const auto current = m_cache.current();

    if (parts.size() == 1 && parts[0] == "health") {
        if (!current)
            return sendJson(request, response, HTTPResponse::HTTP_OK, "{\"status\":\"empty\",\"version\":0}");
        return sendJson(request, response, HTTPResponse::HTTP_OK,
            "{\"status\":\"ok\",\"version\":" + std::to_string(current->manifest.version)
                + ",\"articles\":" + std::to_string(current->manifest.articles) + "}");
    }
    if (parts.size() < 2 || parts[0] != "v1")
        return sendJson(request, response, HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"not-found\"}");
    if (!current)
        return sendJson(request, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
            "{\"error\":\"no-version\",\"message\":\"aucune version publiée\"}");
    const Manifest& m = current->manifest;
    const Store& store = m_cache.store();

    if (parts[1] == "manifest" && parts.size() == 2) {
        response.set("ETag", current->etag);
        response.set("Cache-Control", "no-cache");
        response.set("X-Iris-Version", std::to_string(m.version));
        if (etagMatches(request, current->etag)) {
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_MODIFIED);
            response.setContentLength(0);
            response.send();
            return 0;
        }
        response.setContentType("application/json");
        response.setContentLength(static_cast<std::streamsize>(current->envelope.size()));
        std::ostream& out = response.send();
        if (method != "HEAD") {
            out << current->envelope;
            return current->envelope.size();
        }
        return 0;
    }
    if (parts[1] == "snapshot" && parts.size() <= 3) {
        if (parts.size() == 2)
            return sendBundle(request, response, store.snapshotFile(m.version), m.snapshot.sha256, m.version);
        const auto v = parseVersion(parts[2]);
        if (!v)
            return sendSnapshotPointer(request, response, "bad-version");
        if (*v == m.version)
            return sendBundle(request, response, store.snapshotFile(m.version), m.snapshot.sha256, m.version);
        return sendBundle(request, response, store.snapshotFile(*v), {}, *v);
    }
    if (parts[1] == "delta" && (parts.size() == 3 || parts.size() == 4)) {
        const auto from = parseVersion(parts[2]);
        const auto to = parts.size() == 4 ? parseVersion(parts[3]) : std::optional<uint64_t>(m.version);
        if (!from || !to)
            return sendSnapshotPointer(request, response, "bad-version");
        if (*to == m.version) {
            if (*from == m.version) {
                response.set("X-Iris-Version", std::to_string(m.version));
                response.setStatusAndReason(HTTPResponse::HTTP_NO_CONTENT);
                response.send();
                return 0;
            }
            if (const BundleEntry* d = m.deltaFrom(*from))
                return sendBundle(request, response, store.deltaFile(*from, *to), d->sha256, m.version);
            return sendSnapshotPointer(request, response, *from > m.version ? "unknown-version" : "no-delta");
        }
        return sendBundle(request, response, store.deltaFile(*from, *to), {}, *to);
    }
    return sendJson(request, response, HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"not-found\"}");
}

uint64_t KbdRequestHandler::sendJson(
    HTTPServerRequest& request, HTTPServerResponse& response, int status, const std::string& body)
{
    response.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(status));
    response.setContentType("application/json");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    std::ostream& out = response.send();
    if (request.getMethod() == "HEAD")
        return 0;
    out << body;
    return body.size();
}

uint64_t KbdRequestHandler::sendBundle(HTTPServerRequest& request, HTTPServerResponse& response,
    const std::string& file, const std::string& sha256, uint64_t version)
{
    struct stat st
    {
    };
    if (::stat(file.c_str(), &st) != 0)
        return sendSnapshotPointer(request, response, "pruned");
    // Bundles are immutable (their name holds both versions); the manifest's hash is their ETag.
    response.set("Cache-Control", "public, max-age=31536000, immutable");
    response.set("X-Iris-Version", std::to_string(version));
    if (!sha256.empty()) {
        const std::string etag = "\"" + sha256 + "\"";
        response.set("ETag", etag);
        if (etagMatches(request, etag)) {
            response.setStatusAndReason(HTTPResponse::HTTP_NOT_MODIFIED);
            response.setContentLength(0);
            response.send();
            return 0;
        }
    }
    response.sendFile(file, "application/octet-stream");
    return request.getMethod() == "HEAD" ? 0 : static_cast<uint64_t>(st.st_size);
}

uint64_t KbdRequestHandler::sendSnapshotPointer(
    HTTPServerRequest& request, HTTPServerResponse& response, const std::string& reason)
{
    const auto current = m_cache.current();
    std::string body = "{\"error\":";
    CanonicalJson::appendString(body, reason);
    if (current) {
        const BundleEntry& s = current->manifest.snapshot;
        body += ",\"version\":" + std::to_string(current->manifest.version) + ",\"snapshot\":{\"path\":";
        CanonicalJson::appendString(body, s.path);
        body += ",\"sha256\":\"" + s.sha256 + "\",\"bytes\":" + std::to_string(s.bytes) + "}";
        response.set("Link", "<" + s.path + ">; rel=\"alternate\"");
    }
    body += ",\"message\":\"pas de paquet pour cette version : prenez l'instantané complet\"}";
    return sendJson(request, response, HTTPResponse::HTTP_NOT_FOUND, body);
}

KbdRequestHandlerFactory::KbdRequestHandlerFactory(ManifestCache& cache, AccessLog& log)
    : m_cache(cache)
    , m_log(log)
{
}

Poco::Net::HTTPRequestHandler* KbdRequestHandlerFactory::createRequestHandler(const HTTPServerRequest&)
{
    return new KbdRequestHandler(m_cache, m_log);
}

} // namespace iris::kbd
