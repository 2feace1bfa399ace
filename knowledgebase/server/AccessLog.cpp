#include "AccessLog.h"

#include "knowledgebase/server/CanonicalJson.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace iris::kbd {

AccessLog::AccessLog(const std::string& path)
{
    if (!path.empty()) {
        m_file.open(path, std::ios::app);
        if (!m_file)
            throw std::runtime_error("impossible d'ouvrir le journal « " + path + " »");
        m_toFile = true;
    }
}

std::string AccessLog::now()
{
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

void AccessLog::request(const std::string& method, const std::string& path, int status, uint64_t bytes,
    double ms, const std::string& remote)
{
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", ms);
    std::string line = "{\"time\":\"" + now() + "\",\"method\":";
    CanonicalJson::appendString(line, method);
    line += ",\"path\":";
    CanonicalJson::appendString(line, path);
    line += ",\"status\":" + std::to_string(status) + ",\"bytes\":" + std::to_string(bytes)
        + ",\"ms\":" + duration + ",\"remote\":";
    CanonicalJson::appendString(line, remote);
    line += "}";
    writeLine(line);
}

void AccessLog::event(const std::string& name, const std::string& fields)
{
    std::string line = "{\"time\":\"" + now() + "\",\"event\":";
    CanonicalJson::appendString(line, name);
    if (!fields.empty())
        line += "," + fields;
    line += "}";
    writeLine(line);
}

void AccessLog::writeLine(const std::string& line)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (m_toFile)
        m_file << line << '\n' << std::flush;
    else
        std::cout << line << '\n' << std::flush;
}

} // namespace iris::kbd
