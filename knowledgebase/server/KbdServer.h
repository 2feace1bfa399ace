#pragma once

#include <string>

namespace iris::kbd {

/// `iris-kbd serve`: HTTP or HTTPS (when a certificate and key are given) over
/// a store, until SIGINT or SIGTERM. Logs a {"event":"listening","address":…}
/// line first (with the real port when 0 was asked), then one line per request.
class KbdServer final
{
public:
    struct Options
    {
        std::string store;
        std::string listen; ///< HOST:PORT, port 0 = any free port
        std::string certFile;
        std::string keyFile;
        std::string accessLog; ///< empty = standard output
        int threads = 32;
    };

    static int run(const Options& options); ///< returns the process exit code
};

} // namespace iris::kbd
