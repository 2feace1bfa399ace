#pragma once

#include <map>
#include <string>
#include <vector>

namespace iris::kbd {

/// "--name value" pairs after the command word; unknown or repeated options are errors.
class CommandOptions final
{
public:
    /// Throws std::runtime_error (French) on a malformed line.
    CommandOptions(const std::vector<std::string>& args, const std::vector<std::string>& allowed);

    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    /// Throws when the option is missing.
    std::string required(const std::string& name) const;

private:
    std::map<std::string, std::string> m_values;
};

} // namespace iris::kbd
