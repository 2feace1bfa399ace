#include "KbdServer.h"

#include "knowledgebase/server/AccessLog.h"
#include "knowledgebase/server/KbdRequestHandler.h"
#include "knowledgebase/server/ManifestCache.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <csignal>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace iris::kbd {

int KbdServer::run(const Options& options)
{
    if (!std::filesystem::is_directory(options.store))
        throw std::runtime_error("dépôt introuvable : « " + options.store + " »");
    if (options.certFile.empty() != options.keyFile.empty())
        throw std::runtime_error("--cert et --key vont ensemble");

    // Block the termination signals in every thread; the main thread waits for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    AccessLog log(options.accessLog);
    ManifestCache cache { Store(options.store) };
    const bool tls = !options.certFile.empty();

    Poco::Net::SocketAddress address(options.listen);
    std::unique_ptr<Poco::Net::ServerSocket> socket;
    if (tls) {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE,
            options.keyFile, options.certFile, "", Poco::Net::Context::VERIFY_NONE);
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3
            | Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 128, context);
    } else {
        socket = std::make_unique<Poco::Net::ServerSocket>(address, 128);
    }

    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(256);
    // One thread per connection (Poco): keep idle keep-alive connections short so
    // they never hold the pool while other workstations wait.
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(2, 0));
    params->setMaxKeepAliveRequests(50);
    params->setTimeout(Poco::Timespan(30, 0));
    Poco::ThreadPool pool(2, options.threads);
    Poco::Net::HTTPServer server(new KbdRequestHandlerFactory(cache, log), pool, *socket, params);
    server.start();

    const auto current = cache.current();
    log.event("listening",
        "\"address\":\"" + socket->address().toString() + "\",\"tls\":" + (tls ? "true" : "false")
            + ",\"version\":" + std::to_string(current ? current->manifest.version : 0));

    int received = 0;
    do {
        sigwait(&signals, &received);
    } while (received == SIGHUP); // nothing to reload: the manifest is re-read when it changes

    server.stopAll(true);
    log.event("stopped", {});
    if (tls)
        Poco::Net::uninitializeSSL();
    return 0;
}

} // namespace iris::kbd
