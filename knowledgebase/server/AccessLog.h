#pragma once

#include <fstream>
#include <mutex>
#include <string>

namespace iris::kbd {

/// Structured log: one JSON object per line (request or server event), to
/// standard output or appended to a file. Safe from every server thread.
class AccessLog final
{
public:
    explicit AccessLog(const std::string& path = {}); ///< empty path: standard output

    void request(const std::string& method, const std::string& path, int status, uint64_t bytes, double ms,
        const std::string& remote);
    /// A server event, e.g. {"event":"listening",…}; `fields` is the inner JSON without braces.
    void event(const std::string& name, const std::string& fields);

    static std::string now(); ///< UTC, ISO 8601 with milliseconds

private:
    void writeLine(const std::string& line);

    std::mutex m_mutex;
    std::ofstream m_file;
    bool m_toFile = false;
};

} // namespace iris::kbd
