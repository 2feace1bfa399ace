#include "CommandOptions.h"

#include <algorithm>
#include <stdexcept>

namespace iris::kbd {

CommandOptions::CommandOptions(const std::vector<std::string>& args, const std::vector<std::string>& allowed)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0)
            throw std::runtime_error("argument inattendu : « " + arg + " »");
        std::string name = arg.substr(2);
        std::string value;
        const size_t eq = name.find('=');
        if (eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else {
            if (i + 1 >= args.size())
                throw std::runtime_error("valeur manquante après « " + arg + " »");
            value = args[++i];
        }
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw std::runtime_error("option inconnue : « --" + name + " »");
        if (!m_values.emplace(name, value).second)
            throw std::runtime_error("option répétée : « --" + name + " »");
    }
}

std::string CommandOptions::value(const std::string& name, const std::string& fallback) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::string CommandOptions::required(const std::string& name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        throw std::runtime_error("option obligatoire manquante : « --" + name + " »");
    return it->second;
}

} // namespace iris::kbd
