#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <cstdint>
#include <string>

namespace iris::kbd {

class AccessLog;
class ManifestCache;

/// Answers one request:
///   GET /health                  {"status":"ok","version":V,"articles":N}
///   GET /v1/manifest             the signed manifest (ETag, 304 on If-None-Match)
///   GET /v1/snapshot[/V]         a full snapshot bundle
///   GET /v1/delta/F[/V]          the delta from F to the current version (or to V)
/// A delta or snapshot that is unknown, pruned or ahead gets 404 with a JSON
/// body pointing at the current snapshot, never a 500. Every request is logged.
class KbdRequestHandler final : public Poco::Net::HTTPRequestHandler
{
public:
    KbdRequestHandler(ManifestCache& cache, AccessLog& log);
    void handleRequest(
        Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override;

private:
    uint64_t route(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);
    uint64_t sendJson(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
        int status, const std::string& body);
    uint64_t sendBundle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
        const std::string& file, const std::string& sha256, uint64_t version);
    uint64_t sendSnapshotPointer(Poco::Net::HTTPServerRequest& request,
        Poco::Net::HTTPServerResponse& response, const std::string& reason);

    ManifestCache& m_cache;
    AccessLog& m_log;
};

class KbdRequestHandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory
{
public:
    KbdRequestHandlerFactory(ManifestCache& cache, AccessLog& log);
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    ManifestCache& m_cache;
    AccessLog& m_log;
};

} // namespace iris::kbd
